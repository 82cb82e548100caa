import { createScanner, type Scanner, type Tokenize } from '../engine/index.js';
import { loadRuleFiles, type RuleSetData } from '../rules/load.js';
import { RuleLoadError } from '../rules/yaml-source.js';
import { getSegmenter } from '../segment/index.js';
import { CliError } from './exit-codes.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packageVersion } from '../sources/package-version.js';
import { collectRuleFiles } from './rule-files.js';

/** dist/rules-cache.json, written by the build: bundled rule files parsed and validated. */
function builtinCache(): Map<string, unknown> | undefined {
  try {
    const json = readFileSync(new URL('../rules-cache.json', import.meta.url), 'utf8');
    return new Map(Object.entries(JSON.parse(json) as Record<string, unknown>));
  } catch {
    return undefined; // running from src/, or not built: parse the YAML
  }
}

export interface LoadedScanner {
  scanner: Scanner;
  data: RuleSetData;
  tokenize: Tokenize;
  /**
   * Identifies the rule set findings came from: a hash of the validated rule data after the
   * configuration's changes, and of the adscan version (whose engine interprets the rules).
   */
  rulesHash: string;
}

/** Reads, validates and compiles the rules once per process; a bad rule file is a usage error. */
export async function loadScanner(opts: {
  rules?: string[];
  builtinRules?: boolean;
  fullDict?: boolean;
  /** Applied to the validated rule data before compilation (config: rules off, severity overrides). */
  transform?: (data: RuleSetData) => RuleSetData;
}): Promise<LoadedScanner> {
  const files = await collectRuleFiles(opts.rules ?? [], opts.builtinRules !== false);
  let data: RuleSetData;
  try {
    data = loadRuleFiles(files, { parsed: builtinCache() });
  } catch (err) {
    if (err instanceof RuleLoadError) throw new CliError(`invalid rules:\n${err.message}`);
    throw err;
  }
  if (opts.transform) data = opts.transform(data);
  const scanner = createScanner(data);
  // The dictionary itself loads lazily, on the first sentence that needs tokens.
  const segmenter = getSegmenter({ dict: opts.fullDict ? 'full' : 'compact' });
  segmenter.addWords(scanner.rules.userWords);
  return { scanner, data, tokenize: (text) => segmenter.tokens(text), rulesHash: rulesHash(data) };
}

/** 16 hex digits of SHA-256 over the package version and the rule data in a canonical form. */
export function rulesHash(data: RuleSetData): string {
  const h = createHash('sha256').update(packageVersion()).update('\0');
  // Not `files`: their paths differ between machines while the rules are the same.
  const { packs, classify, masks } = data;
  h.update(JSON.stringify({ packs, classify, masks }, (_key, value: unknown) => canonical(value)));
  return h.digest('hex').slice(0, 16);
}

/** Sorted object keys, so the hash does not depend on the order a YAML file listed them. */
function canonical(value: unknown): unknown {
  if (value instanceof RegExp) return value.toString();
  if (value instanceof Map) return [...value.entries()].sort();
  if (value instanceof Set) return [...value].sort();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
