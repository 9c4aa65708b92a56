import { spawnSync } from 'node:child_process';
import yauzl from 'yauzl';

const VERIFY = 'dist/apps/api/src/cli/bundle-verify.js';

/** Runs the built `npm run bundle:verify` on a ZIP, as an auditor would. */
export const verifyCli = (path: string, ...options: string[]) => {
  const run = spawnSync(process.execPath, [VERIFY, path, ...options], { encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

/** The lines of a verify run that name a file whose bytes or presence do not match the manifest. */
export const fileProblems = (output: string) => output.split('\n').filter((line) => /^(HASH_MISMATCH|SIZE_MISMATCH|MISSING|EXTRA|UNREADABLE)/.test(line));

/** Every entry of a ZIP, by name. */
export const entriesOf = (path: string): Promise<Map<string, Buffer>> =>
  new Promise((resolve, reject) => {
    const entries = new Map<string, Buffer>();
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, async (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        }),
      );
      zip.readEntry();
    });
  });
