// Reading and writing the triage files (config, suppressions, baseline) for the CLI: the
// parsing and validation are pure (src/triage); here are the file system and the messages.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { describeFsError } from '../sources/messages.js';
import {
  CONFIG_FILE_NAMES,
  DEFAULT_SUPPRESSIONS_FILE,
  parseBaseline,
  parseConfig,
  parseSuppressionFile,
  serializeBaseline,
  TriageFileError,
  type AdscanConfig,
  type Baseline,
  type SuppressionFile,
} from '../triage/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { CliError } from './exit-codes.js';

/** A path as messages show it: relative to the working directory when inside it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel === '' ? abs : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

async function readText(abs: string, what: string, cwd: string): Promise<string> {
  try {
    return await readFile(abs, 'utf8');
  } catch (err) {
    throw new CliError(`${what}: cannot read ${displayPath(abs, cwd)}: ${describeFsError(err)}`);
  }
}

/** The first `.adscanrc.yaml` (or `.yml`) in `cwd` or one of its parents. */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The configuration: `--config FILE`, else the one found upward from the working
 * directory; none with `--no-config` (`flag === false`). A bad file is a usage error that
 * names file, line and column.
 */
export async function loadConfig(flag: string | false | undefined, cwd: string, formats: readonly string[]): Promise<AdscanConfig | null> {
  if (flag === false) return null;
  const abs = flag !== undefined ? resolve(cwd, flag) : findConfigFile(cwd);
  if (abs === null) return null;
  if (flag !== undefined) {
    const info = await stat(abs).catch(() => null);
    if (!info?.isFile()) throw new CliError(`--config: no such file: ${flag}`);
  }
  const text = await readText(abs, 'config', cwd);
  try {
    return parseConfig(displayPath(abs, cwd), dirname(abs), text, { formats });
  } catch (err) {
    if (err instanceof TriageFileError) throw new CliError(`invalid configuration:\n${err.message}`);
    throw err;
  }
}

/**
 * The suppression file: `--suppressions FILE`, else the config's `suppressions`, else
 * `.adscan-suppressions.yaml` beside the config file (or in the working directory when
 * there is no config) if it exists. An explicitly named file must exist.
 */
export async function loadSuppressions(flag: string | false | undefined, config: AdscanConfig | null, cwd: string): Promise<SuppressionFile | null> {
  if (flag === false) return null;
  let abs: string;
  if (flag !== undefined) abs = resolve(cwd, flag);
  else if (config?.suppressions) abs = config.suppressions;
  else {
    abs = join(config?.dir ?? cwd, DEFAULT_SUPPRESSIONS_FILE);
    if (!existsSync(abs)) return null;
  }
  const text = await readText(abs, 'suppressions', cwd);
  try {
    return parseSuppressionFile(displayPath(abs, cwd), dirname(abs), text);
  } catch (err) {
    if (err instanceof TriageFileError) throw new CliError(`invalid suppression file:\n${err.message}`);
    throw err;
  }
}

export async function readBaselineFile(abs: string, cwd: string): Promise<Baseline> {
  if (!existsSync(abs)) {
    throw new CliError(`baseline: cannot read ${displayPath(abs, cwd)}: no such file or directory (write one with --write-baseline)`);
  }
  const text = await readText(abs, 'baseline', cwd);
  try {
    return parseBaseline(displayPath(abs, cwd), text);
  } catch (err) {
    if (err instanceof TriageFileError) throw new CliError(`invalid baseline:\n${err.message}`);
    throw err;
  }
}

export async function writeBaselineFile(abs: string, baseline: Baseline, cwd: string): Promise<void> {
  try {
    await writeFileAtomic(abs, serializeBaseline(baseline));
  } catch (err) {
    throw new CliError(`baseline: cannot write ${displayPath(abs, cwd)}: ${describeFsError(err)}`);
  }
}
