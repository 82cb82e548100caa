import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { RuleFileText } from '../rules/load.js';
import { CliError } from './exit-codes.js';

/** The bundled rule packs: `rules/` at the package root (two levels above dist/cli or src/cli). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/** Rule files under `path` (a file or a directory, recursively), in sorted order. */
export async function readRuleFiles(path: string, displayBase?: string): Promise<RuleFileText[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new CliError(`rules: no such file or directory: ${path}`);
  }
  if (info.isFile()) return [{ path: display(path, displayBase), text: await readFile(path, 'utf8') }];
  const out: RuleFileText[] = [];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(path, e.name);
    if (e.isDirectory()) out.push(...(await readRuleFiles(full, displayBase)));
    else if (e.isFile() && isYaml(e.name)) out.push({ path: display(full, displayBase), text: await readFile(full, 'utf8') });
  }
  return out;
}

function display(path: string, base?: string): string {
  return base ? relative(base, path) || path : path;
}

/** Built-in packs (unless disabled) followed by the user's, which add or replace packs by name. */
export async function collectRuleFiles(userPaths: string[], builtin: boolean): Promise<RuleFileText[]> {
  const files: RuleFileText[] = [];
  if (builtin) files.push(...(await readRuleFiles(BUILTIN_RULES_DIR, join(BUILTIN_RULES_DIR, '..'))));
  for (const p of userPaths) files.push(...(await readRuleFiles(p)));
  if (files.length === 0) throw new CliError('no rule files: pass --rules PATH');
  return files;
}
