import { verifyBundle, UnreadableBundleError } from '@kasian/bundle';

/**
 * npm run bundle:verify -- <bundle.zip>
 * Checks an auditor bundle offline against its manifest.json and names every file that does not
 * match. Exit code 0: every file matches; 1: problems (listed); 2: not a readable bundle or no file given.
 */
const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: npm run bundle:verify -- <bundle.zip>\n');
  process.exit(2);
}
try {
  const report = await verifyBundle(path);
  for (const problem of report.problems) process.stdout.write(`${problem.kind.padEnd(22)} ${problem.name}: ${problem.detail}\n`);
  const missing = report.manifest.missing.map((m) => `  not in the bundle by design: ${m.name} (${m.reason})\n`).join('');
  process.stdout.write(missing);
  process.stdout.write(report.ok ? `OK: ${report.checked} files match manifest.json\n` : `FAILED: ${report.problems.length} problem(s) in ${report.checked} files listed\n`);
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  if (!(error instanceof UnreadableBundleError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
