import type { Finding } from '../../src/core/types.js';
import { scanSource } from '../../src/cli/document-pipeline.js';
import { loadScanner, type LoadedScanner } from '../../src/cli/load-scanner.js';
import { LOOKALIKES } from '../../src/normalize/variants.js';
import { itemsOf, noisySpan, render } from '../../scripts/noise/items.mjs';
import { KINDS, useLookalikeTables, type Chooser } from '../../scripts/noise/kinds.mjs';

/** A day on which nothing in these tests depends on number validity. */
const TODAY = new Date(Date.UTC(2026, 0, 15));

let loaded: Promise<LoadedScanner> | undefined;

/** The built-in rules and the compact dictionary, loaded once per test file. */
export function scanner(): Promise<LoadedScanner> {
  if (!loaded) {
    useLookalikeTables(LOOKALIKES);
    loaded = loadScanner({ builtinRules: true });
  }
  return loaded;
}

/** Scans `text` through the whole pipeline (extract → normalise → engine) as a .txt or .html document. */
export async function scan(text: string, html = false) {
  const { scanner: s, tokenize } = await scanner();
  return scanSource({ uri: html ? 'doc.html' : 'doc.txt', bytes: Buffer.from(text, 'utf8') }, s, { tokenize, today: TODAY });
}

/** Content findings (warning or error, with a match): what noise must not hide. */
export const counted = (f: Finding) => f.match !== '' && (f.severity === 'error' || f.severity === 'warning');

export interface Case {
  text: string;
  /** Clean content findings: category and span. */
  targets: { category: string; start: number; end: number }[];
}

/** Scans each clean text once and keeps its content findings as targets. */
export async function cases(texts: readonly string[], keep: (f: Finding) => boolean = () => true): Promise<Case[]> {
  const out: Case[] = [];
  for (const text of texts) {
    const r = await scan(text);
    const targets = r.findings.filter((f) => counted(f) && keep(f)).map((f) => ({ category: f.category, start: f.start.offset, end: f.end.offset }));
    if (targets.length === 0) throw new Error(`no content finding on the clean text: ${text}`);
    out.push({ text, targets });
  }
  return out;
}

export interface Outcome {
  applied: boolean;
  noisy: string;
  /** Categories whose finding did not come back on exactly the disguised phrase, with what came. */
  missing: { category: string; expected: string[]; got: string[] }[];
}

/**
 * Disguises the case with `kind`, scans the disguised document and checks that every category
 * found on the clean text comes back on exactly the disguised phrase — from the first original
 * character of its first character to the last of its last, nothing outside.
 */
export async function disguiseAndScan(c: Case, kind: string, r: Chooser): Promise<Outcome> {
  const items = itemsOf(c.text);
  const spans = c.targets.map((t) => [t.start, t.end] as [number, number]);
  const result = KINDS[kind]!(items, spans, r);
  const rendered = render(items, result.html?.prefix ?? '', result.html?.suffix ?? '');
  if (!result.applied) return { applied: false, noisy: rendered.text, missing: [] };
  const report = await scan(rendered.text, result.html !== undefined);
  const found = report.findings.filter(counted);
  const missing: Outcome['missing'] = [];
  for (const category of new Set(c.targets.map((t) => t.category))) {
    const expected = c.targets.filter((t) => t.category === category).map((t) => noisySpan(items, rendered, t.start, t.end));
    const same = found.filter((f) => f.category === category);
    const hit = expected.some(([s, e]) => same.some((f) => f.start.offset === s && f.end.offset === e));
    if (!hit) {
      missing.push({
        category,
        expected: expected.map(([s, e]) => rendered.text.slice(s, e)),
        got: same.map((f) => rendered.text.slice(f.start.offset, f.end.offset)),
      });
    }
  }
  return { applied: true, noisy: rendered.text, missing };
}
