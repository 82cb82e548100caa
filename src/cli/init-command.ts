import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AD_TYPES } from '../core/types.js';
import { describeFsError } from '../sources/messages.js';
import { writeFileAtomic } from './atomic-write.js';
import { CliError, EXIT_OK } from './exit-codes.js';
import type { CliIo } from './io.js';
import { formatNames } from './scan-options.js';

export const STARTER_CONFIG_NAME = '.adscanrc.yaml';

/** The commented starter configuration `adscan init` writes (valid as it is). */
export function starterConfig(formats: readonly string[] = formatNames()): string {
  return `# adscan configuration. \`adscan scan\` uses the first .adscanrc.yaml it finds in the
# working directory or a parent (or the file given with --config; --no-config ignores it).
# Paths and globs are relative to this file. Command-line flags override these settings.

# Rule packs (files or directories of YAML rules), added to the bundled packs; a pack with
# the name of a bundled one replaces it.
# rulePacks:
#   - rules/local/
# builtinRules: false          # only the packs above

# Rules on or off, by rule id (pack/id), category or pack. The most specific setting wins,
# so a pack can be switched off and one of its rules back on.
# rules:
#   absolute-terms: off
#   efficacy/cure-rate-term: off
#   publisher: off

# Severity overrides (error | warning | info), by rule id, category or pack.
# severity:
#   absolute-terms: warning
#   efficacy/cure-guarantee-promise: error

# Ad types of the documents matching a glob, as --ad-type gives them for a whole run
# (${AD_TYPES.join(', ')}).
# adTypes:
#   "ads/drug/**": [drug]
#   "ads/clinics/**": [medical, medical-beauty]

# Documents that are not scanned. A pattern without "/" matches a file or directory name
# anywhere; "dir/" means everything under dir.
# ignore:
#   - "archive/"
#   - "*.draft.md"

# Exit 1 when a finding is at or above: error | warning | info | never.
failOn: error

# Date (YYYY-MM-DD) on which review and approval numbers must be valid.
# asOf: 2026-03-01

# Report format on standard output, and report files written in the same run
# (formats: ${formats.join(', ')}). --report on the command line replaces this list.
# format: pretty
# reports:
#   - sarif:out/adscan.sarif
#   - junit:out/adscan-junit.xml

# Accepted findings: a suppression file (default: .adscan-suppressions.yaml beside this
# file) and a baseline written with --write-baseline.
# suppressions: .adscan-suppressions.yaml
# baseline: .adscan-baseline.json
`;
}

/** `adscan init [--force]`: writes the starter configuration into the working directory. */
export async function runInit(opts: { force?: boolean }, io: CliIo): Promise<number> {
  const path = join(io.cwd, STARTER_CONFIG_NAME);
  if (existsSync(path) && !opts.force) {
    throw new CliError(`init: ${STARTER_CONFIG_NAME} already exists (use --force to overwrite it)`);
  }
  try {
    await writeFileAtomic(path, starterConfig());
  } catch (err) {
    throw new CliError(`init: cannot write ${STARTER_CONFIG_NAME}: ${describeFsError(err)}`);
  }
  io.stdout.write(`wrote ${STARTER_CONFIG_NAME}\n`);
  return EXIT_OK;
}
