/**
 * Nest closes modules on SIGTERM/SIGINT (enableShutdownHooks); this bounds how long
 * that may take, so an orchestrator's stop never waits on a stuck connection.
 */
export function exitIfShutdownHangs(timeoutSeconds: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`shutdown took longer than ${timeoutSeconds}s; exiting\n`);
        process.exit(1);
      }, timeoutSeconds * 1000).unref();
    });
  }
}
