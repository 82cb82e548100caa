import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BaselineIndex, isUrl, relativeUri, STDIN_URI } from '../triage/index.js';
import { CliError, EXIT_OK } from './exit-codes.js';
import type { CliIo } from './io.js';
import { prepareScan, scanInputs, type ScanInputFlags } from './scan-command.js';
import { displayPath, readBaselineFile, writeBaselineFile } from './triage-files.js';

/**
 * `adscan baseline prune --baseline FILE INPUTS…`: rescans the inputs as `scan` would and
 * drops the baseline entries they no longer produce, plus those of files that no longer
 * exist. Entries of existing documents that were not among the inputs are kept.
 */
export async function runBaselinePrune(inputs: string[], flags: ScanInputFlags & { baseline?: string; dryRun?: boolean }, io: CliIo): Promise<number> {
  if (inputs.length === 0) throw new CliError('baseline prune: give the files, directories or URLs the baseline covers');
  const setup = await prepareScan(flags, io);
  const file = flags.baseline ?? setup.config?.baseline;
  if (file === undefined) throw new CliError('baseline prune: --baseline FILE is required (or `baseline:` in the configuration)');
  const path = resolve(io.cwd, file);
  const baseline = await readBaselineFile(path, io.cwd);
  const place = { dir: dirname(path), cwd: io.cwd };
  const index = new BaselineIndex(baseline, place);

  const documents = await scanInputs(inputs, setup, io);
  const scanned = new Set<string>();
  for (const d of documents) {
    if (d.error !== null) continue; // unreadable now: cannot tell, keep its entries
    scanned.add(relativeUri(d.uri, place.dir, place.cwd));
    index.markMatched(d);
  }
  const exists = (uri: string) => uri === STDIN_URI || isUrl(uri) || existsSync(resolve(place.dir, uri));
  const { baseline: kept, removed } = index.pruned(scanned, exists);

  if (!flags.dryRun && removed.length > 0) await writeBaselineFile(path, kept, io.cwd);
  const shown = displayPath(path, io.cwd);
  io.stdout.write(
    `${flags.dryRun ? 'would prune' : 'pruned'} ${removed.length} of ${baseline.entries.length} baseline ${baseline.entries.length === 1 ? 'entry' : 'entries'} in ${shown} (${kept.entries.length} kept)\n`,
  );
  for (const e of removed) io.stdout.write(`  - ${e.ruleId} “${e.match}” ${e.location}\n`);
  return EXIT_OK;
}
