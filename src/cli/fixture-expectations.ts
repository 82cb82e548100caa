import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { parse as Parse } from 'yaml';
import { AD_TYPES, type DocumentResult, type Finding } from '../core/types.js';
import { readInputs, DEFAULT_SOURCE_OPTIONS, isFailure } from '../sources/index.js';
import { scanSource, sourceFailure } from './document-pipeline.js';
import type { LoadedScanner } from './load-scanner.js';

/** yaml is loaded when fixtures are tested, not by every `adscan scan` (main imports this module). */
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as { parse: typeof Parse }).parse(text);

/** The bundled annotated fixtures: `fixtures/` at the package root. */
export const BUILTIN_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/**
 * `X.expect.yaml` beside a fixture `X.txt` / `X.html` says what a scan of it must give:
 *
 *   asOf: 2026-03-01           # date numbers are checked on (default: a fixed 2026-03-01)
 *   adTypes: [medical]         # optional: the detected types, exactly
 *   context: ad                # optional
 *   findings:                  # each must be reported (warning or error unless `severity`)
 *     - {category: cure-guarantee, match: 保证治愈, line: 4}
 *   only: true                 # no other warning- or error-level finding may be reported
 */
interface Expectation {
  asOf?: string;
  adTypes?: string[];
  context?: string;
  findings?: { category: string; match?: string; line?: number; severity?: string }[];
  only?: boolean;
}

export interface FixtureFailure {
  fixture: string;
  problem: string;
}

export interface FixtureReport {
  fixtures: number;
  failures: FixtureFailure[];
}

const DEFAULT_AS_OF = '2026-03-01';

async function expectationFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.expect.yaml'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function fixtureFor(expectFile: string): Promise<string | null> {
  const base = expectFile.slice(0, -'.expect.yaml'.length);
  const dir = join(base, '..');
  const stem = base.slice(dir.length + 1);
  const names = await readdir(dir);
  const hit = names.find((n) => n !== `${stem}.expect.yaml` && n.startsWith(`${stem}.`) && !n.endsWith('.yaml'));
  return hit ? join(dir, hit) : null;
}

const matches = (f: Finding, e: NonNullable<Expectation['findings']>[number]) =>
  f.category === e.category &&
  (e.match === undefined || f.match === e.match) &&
  (e.line === undefined || f.start.line === e.line) &&
  (e.severity === undefined ? f.severity !== 'info' : f.severity === e.severity);

/** Scans every annotated fixture under `dir` and compares with its expectations. */
export async function testFixtures(loaded: LoadedScanner, dir = BUILTIN_FIXTURES_DIR): Promise<FixtureReport> {
  const report: FixtureReport = { fixtures: 0, failures: [] };
  for (const expectFile of await expectationFiles(dir)) {
    const name = relative(process.cwd(), expectFile);
    const fail = (problem: string) => report.failures.push({ fixture: name, problem });
    let exp: Expectation;
    try {
      exp = (parseYaml(await readFile(expectFile, 'utf8')) ?? {}) as Expectation;
    } catch (err) {
      fail(`cannot read expectations: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const fixture = await fixtureFor(expectFile);
    if (!fixture) {
      fail('no fixture file beside it');
      continue;
    }
    report.fixtures++;
    const today = new Date(`${exp.asOf ?? DEFAULT_AS_OF}T00:00:00Z`);
    let doc: DocumentResult | undefined;
    for await (const item of readInputs([fixture], DEFAULT_SOURCE_OPTIONS, { stdin: process.stdin })) {
      doc = isFailure(item) ? sourceFailure(item) : await scanSource(item, loaded.scanner, { tokenize: loaded.tokenize, today, asOfKnown: true });
    }
    if (!doc || doc.error) {
      fail(`could not be scanned: ${doc?.error ?? 'nothing read'}`);
      continue;
    }
    if (exp.adTypes && (exp.adTypes.some((t) => !AD_TYPES.includes(t as never)) || exp.adTypes.join() !== doc.adTypes.join())) {
      fail(`ad types ${JSON.stringify(doc.adTypes)}, expected ${JSON.stringify(exp.adTypes)}`);
    }
    if (exp.context && exp.context !== doc.context) fail(`context ${doc.context}, expected ${exp.context}`);
    const expected = exp.findings ?? [];
    for (const e of expected) {
      if (!doc.findings.some((f) => matches(f, e))) {
        fail(`missing finding ${e.category}${e.match ? ` “${e.match}”` : ''}${e.line ? ` on line ${e.line}` : ''}`);
      }
    }
    if (exp.only) {
      for (const f of doc.findings) {
        if (f.severity !== 'info' && !expected.some((e) => matches(f, e))) {
          fail(`unexpected ${f.severity} ${f.category} “${f.match}” at ${f.start.line}:${f.start.column} (${f.ruleId})`);
        }
      }
    }
  }
  return report;
}
