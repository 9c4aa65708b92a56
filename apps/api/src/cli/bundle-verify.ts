import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UnreadableBundleError, verifyBundle } from '@kasian/bundle';
import { type BundledTrailReport, checkBundledTrails } from '../bundles/bundled-trail';

const USAGE = 'usage: npm run bundle:verify -- <bundle.zip> [--public-key <public-keys.pem>]\n';

/**
 * npm run bundle:verify -- <bundle.zip> [--public-key <file.pem>]
 * Checks an auditor bundle offline against its manifest.json and names every file that does not
 * match, then verifies the audit trail it carries (ADR 0014) with the bundled checkpoints and public
 * key, or with the auditor's own key given by --public-key. Exit code 0: every file matches and the
 * trail is intact; 1: problems (listed, a broken trail as `TRAIL_BROKEN at position N (kind)`);
 * 2: not a readable bundle or no file given.
 */
function trailLines(report: BundledTrailReport): string {
  const { section, result, vouched } = report;
  const out = report.problems.map((problem) =>
    problem.kind === 'TRAIL_BROKEN'
      ? `TRAIL_BROKEN at position ${problem.position} (${problem.breakKind}): ${problem.name}: ${problem.detail}\n`
      : `${problem.kind.padEnd(22)} ${problem.name}: ${problem.detail}\n`,
  );
  if (result?.ok) {
    const anchored = result.anchoredThrough === null ? 'no signed checkpoint covers it' : `signed through event ${result.anchoredThrough} (${result.checkpoints.matched} checkpoint(s))`;
    out.push(`trail ${section.files.trail}: events ${section.fromSeq}..${section.throughSeq} of ${section.officeCode} intact, ${anchored}; ${vouched} file(s) vouched for by their events; key ${section.publicKeyIds.join(', ')}\n`);
  }
  return out.join('');
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'public-key': { type: 'string' } } });
const [path] = positionals;
if (!path) {
  process.stderr.write(USAGE);
  process.exit(2);
}
try {
  const report = await verifyBundle(path);
  for (const problem of report.problems) process.stdout.write(`${problem.kind.padEnd(22)} ${problem.name}: ${problem.detail}\n`);
  const trails = await checkBundledTrails(path, report.manifest, values['public-key'] && readFileSync(values['public-key'], 'utf8'));
  for (const trail of trails) process.stdout.write(trailLines(trail));
  const missing = report.manifest.missing.map((m) => `  not in the bundle by design: ${m.name} (${m.reason})\n`).join('');
  process.stdout.write(missing);
  const trailProblems = trails.reduce((sum, trail) => sum + trail.problems.length, 0);
  const ok = report.ok && trailProblems === 0;
  process.stdout.write(ok ? `OK: ${report.checked} files match manifest.json\n` : `FAILED: ${report.problems.length + trailProblems} problem(s) in ${report.checked} files listed\n`);
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  if (!(error instanceof UnreadableBundleError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
