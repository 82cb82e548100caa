#!/usr/bin/env node
// Measures the built CLI against the shared corpora: precision/recall per category on the
// labelled dev ads, false alarms on regulatory text, and hits per rule. Run `npm run build`
// first; `npm run eval -- --help` lists the flags.
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import {
  FAMILY_CATEGORIES,
  familyVerdict,
  fmt,
  parseDevCorpus,
  regulatorySummary,
  ruleHits,
  scoreDev,
} from './eval-score.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: node scripts/eval.mjs [--shared PATH] [--bin PATH] [--rules DIR] [--json] [--check]
       node scripts/eval.mjs --noise [options]   (evasion and crawl noise; --noise --help lists them)

  --shared PATH  shared folder with corpus/dev/ads.jsonl and corpus/regulatory/
                 (default: $ADSCAN_SHARED, else ../shared next to the repository)
  --bin PATH     CLI entry point to run with node (default: bin/adscan of the repository)
  --rules DIR    rule files whose rules are listed even when they never fire
                 (default: rules/ of the repository; the CLI itself loads its own)
  --json         print every figure as JSON instead of tables
  --check        exit 1 unless every family category reaches precision and recall 0.9
                 and the regulatory corpus yields no error-level finding`;

class UsageError extends Error {}

function options(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        shared: { type: 'string' },
        bin: { type: 'string' },
        rules: { type: 'string' },
        json: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError(err.message);
  }
  const shared = resolve(parsed.shared ?? process.env.ADSCAN_SHARED ?? join(repoRoot, '..', 'shared'));
  const bin = resolve(parsed.bin ?? join(repoRoot, 'bin', 'adscan'));
  const rules = resolve(parsed.rules ?? join(repoRoot, 'rules'));
  return { help: parsed.help, json: parsed.json, check: parsed.check, shared, bin, rules };
}

function requirePath(path, what, hint) {
  if (!existsSync(path)) throw new Error(`${what} not found: ${path}${hint ? `\n${hint}` : ''}`);
}

/** One CLI run over `targets`; returns the parsed JSON report. */
async function scan(bin, targets) {
  const args = [bin, 'scan', ...targets, '--format', 'json', '--fail-on', 'never'];
  let stdout;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, args, {
      cwd: repoRoot,
      maxBuffer: 512 * 1024 * 1024,
      encoding: 'utf8',
    }));
  } catch (err) {
    const stderr = typeof err.stderr === 'string' ? err.stderr.trim() : '';
    throw new Error(`CLI run failed (exit ${err.code ?? '?'}): node ${args.join(' ')}${stderr ? `\n${stderr}` : ''}`);
  }
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    throw new Error(`CLI did not print JSON: node ${args.join(' ')}\n${stdout.slice(0, 300)}`);
  }
  if (!report || !Array.isArray(report.documents)) throw new Error('CLI JSON has no "documents" array');
  return report;
}

/** The file name at the end of a uri, whichever separator the CLI used. */
const fileName = (uri) => String(uri).split(/[\\/]/).pop();

async function evaluateDev(shared, bin) {
  const cases = parseDevCorpus(await readFile(join(shared, 'corpus', 'dev', 'ads.jsonl'), 'utf8'));
  const dir = await mkdtemp(join(tmpdir(), 'adscan-eval-'));
  try {
    await Promise.all(cases.map((c) => writeFile(join(dir, `${c.id}.txt`), c.text, 'utf8')));
    const report = await scan(bin, [dir]);
    const byFile = new Map(report.documents.map((doc) => [fileName(doc.uri), doc]));
    const results = new Map();
    const failed = [];
    for (const c of cases) {
      const doc = byFile.get(`${c.id}.txt`);
      if (!doc) failed.push({ id: c.id, error: 'missing from the CLI output' });
      else if (doc.error != null) failed.push({ id: c.id, error: doc.error });
      else results.set(c.id, doc);
    }
    return { score: scoreDev(cases, results), failed, documents: report.documents };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function evaluateRegulatory(shared, bin) {
  const dir = join(shared, 'corpus', 'regulatory');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  if (files.length === 0) return { summary: regulatorySummary([]), documents: [], missing: [] };
  const report = await scan(bin, [dir]);
  const documents = report.documents.filter((doc) => files.includes(fileName(doc.uri)));
  const found = new Set(documents.map((doc) => fileName(doc.uri)));
  documents.sort((a, b) => (fileName(a.uri) < fileName(b.uri) ? -1 : 1));
  return { summary: regulatorySummary(documents), documents, missing: files.filter((f) => !found.has(f)) };
}

/**
 * Ids (`<pack>/<id>`) of the rules in the repository's rule files, so rules that never fire
 * are listed too. Best effort: a file that does not parse is skipped here — the CLI run
 * already fails on it.
 */
async function knownRuleIds(dir) {
  if (!existsSync(dir)) return [];
  const ids = new Set();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    let data;
    try {
      data = parseYaml(await readFile(join(entry.parentPath ?? entry.path, entry.name), 'utf8'));
    } catch {
      continue;
    }
    if (typeof data?.pack !== 'string' || !Array.isArray(data.rules)) continue;
    for (const rule of data.rules) if (typeof rule?.id === 'string') ids.add(`${data.pack}/${rule.id}`);
  }
  return [...ids];
}

// ---- printing ----------------------------------------------------------------------------

const families = new Set(FAMILY_CATEGORIES);

function table(header, rows, align) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((cell, i) => (align[i] === 'r' ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const quoted = (matches) => matches.map((m) => JSON.stringify(m)).join(', ');

function printDev({ score, failed }, verdict, out) {
  out.push(`Dev corpus: ${score.documents} documents, ${score.universe.length} scored categories (* = issue family)`);
  const scored = score.categories.filter((c) => c.scored);
  const rows = scored.map((c) => [
    families.has(c.category) ? '*' : ' ',
    c.category,
    c.tp,
    c.fp,
    c.fn,
    fmt(c.precision),
    fmt(c.recall),
    fmt(c.f1),
  ]);
  const m = score.micro;
  rows.push([' ', 'micro (all scored)', m.tp, m.fp, m.fn, fmt(m.precision), fmt(m.recall), fmt(m.f1)]);
  out.push(
    ...table(['', 'category', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']).map(
      (l) => `  ${l}`,
    ),
  );

  const unscored = score.categories.filter((c) => !c.scored);
  if (unscored.length > 0) {
    out.push('', 'Unscored categories (found at warning/error, in no document\'s labels):');
    for (const c of unscored) {
      const mark = families.has(c.category) ? '*' : ' ';
      out.push(`  ${mark} ${c.category}: ${count(c.predicted, 'document')}, ${c.fp} not optional there`);
    }
  }
  if (failed.length > 0) {
    out.push('', `Documents the CLI could not scan (${failed.length}, scored as finding nothing):`);
    for (const f of failed) out.push(`  ${f.id}: ${f.error}`);
  }
  out.push('', `Misses (${score.misses.length}):`);
  for (const miss of score.misses) {
    const seen = miss.seen.map((s) => `${s.as} ${JSON.stringify(s.match)}`).join('; ');
    out.push(`  FN ${miss.id} ${miss.category}${seen ? `  (seen: ${seen})` : ''}`);
  }
  out.push('', `False positives (${score.falsePositives.length}):`);
  for (const fp of score.falsePositives) out.push(`  FP ${fp.id} ${fp.category} ${quoted(fp.matches)}  (${fp.ruleIds.join(', ')})`);
  const unexpectedFamilies = score.unscored.filter((u) => families.has(u.category));
  for (const u of unexpectedFamilies) out.push(`  FP ${u.id} ${u.category} ${quoted(u.matches)}  (${u.ruleIds.join(', ')}; unlabelled family)`);

  out.push('', `Families (precision and recall ≥ ${verdict.threshold}): ${verdict.pass ? 'PASS' : 'FAIL'}`);
  const familyRows = verdict.families.map((f) => [
    f.pass ? 'pass' : 'FAIL',
    f.category,
    f.labelled ? fmt(f.precision) : 'no labels',
    f.labelled ? fmt(f.recall) : '',
    f.why ?? '',
  ]);
  out.push(...table(['', 'category', 'precision', 'recall', ''], familyRows, ['l', 'l', 'r', 'r', 'l']).map((l) => `  ${l}`));
}

function printRegulatory({ summary, missing }, out) {
  out.push('', 'Regulatory corpus (goal: no error-level finding):');
  for (const file of summary.files) {
    const { error, warning, info } = file.counts;
    const failure = file.failure ? `  FAILED: ${file.failure}` : '';
    const figures = `${count(error, 'error')}, ${count(warning, 'warning')}, ${info} info, ${file.suppressed} suppressed`;
    out.push(`  ${fileName(file.uri)}: ${figures}${failure}`);
    for (const g of file.topErrors) {
      const lines = g.lines.length > 0 ? `  (line ${g.lines.slice(0, 5).join(', ')}${g.lines.length > 5 ? ', …' : ''})` : '';
      out.push(`      ${g.count}× ${g.category} ${JSON.stringify(g.match)}${lines}`);
    }
    if (file.distinctErrors > file.topErrors.length) out.push(`      … ${file.distinctErrors - file.topErrors.length} more`);
  }
  for (const name of missing) out.push(`  ${name}: missing from the CLI output`);
  out.push(`regulatory error-level findings: ${summary.errorFindings}`);
}

function flag(r) {
  const fired = r.hits.dev + r.hits.regulatory;
  const kept = r.suppressed.dev + r.suppressed.regulatory;
  if (fired === 0) return kept === 0 ? 'never fired' : 'only suppressed';
  return r.hits.dev === 0 ? 'regulatory only' : '';
}

function printRules(rows, out) {
  out.push('', 'Hits per rule (suppressed in brackets):');
  if (rows.length === 0) {
    out.push('  no rule fired on either corpus');
    return;
  }
  const cells = rows.map((r) => [
    r.ruleId,
    `${r.hits.dev} (${r.suppressed.dev})`,
    `${r.hits.regulatory} (${r.suppressed.regulatory})`,
    flag(r),
  ]);
  out.push(...table(['rule', 'dev', 'regulatory', ''], cells, ['l', 'r', 'r', 'l']).map((l) => `  ${l}`));
}

// ---- main --------------------------------------------------------------------------------

async function main(argv) {
  const opts = options(argv);
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  requirePath(opts.shared, 'shared folder', 'Pass --shared PATH or set ADSCAN_SHARED.');
  requirePath(join(opts.shared, 'corpus', 'dev', 'ads.jsonl'), 'dev corpus');
  requirePath(join(opts.shared, 'corpus', 'regulatory'), 'regulatory corpus');
  requirePath(opts.bin, 'CLI', 'Build it with `npm run build`, or pass --bin PATH.');
  if (!statSync(opts.bin).isFile()) throw new Error(`CLI is not a file: ${opts.bin}`);

  // Sequential on purpose: each CLI run loads the dictionary and can use both cores.
  const dev = await evaluateDev(opts.shared, opts.bin);
  const regulatory = await evaluateRegulatory(opts.shared, opts.bin);
  const verdict = familyVerdict(dev.score);
  const rules = ruleHits({ dev: dev.documents, regulatory: regulatory.documents }, await knownRuleIds(opts.rules));
  const pass = verdict.pass && regulatory.summary.errorFindings === 0;

  if (opts.json) {
    const figures = {
      shared: opts.shared,
      bin: opts.bin,
      dev: { ...dev.score, failed: dev.failed },
      families: verdict,
      regulatory: { ...regulatory.summary, missing: regulatory.missing },
      rules,
      pass,
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    const out = [`adscan eval — shared ${opts.shared}, cli ${opts.bin}`, ''];
    printDev(dev, verdict, out);
    printRegulatory(regulatory, out);
    printRules(rules, out);
    out.push('', `overall: ${pass ? 'PASS' : 'FAIL'}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return opts.check && !pass ? 1 : 0;
}

// `--noise`: the evasion and crawl-noise evaluation instead (scripts/eval-noise.mjs).
if (process.argv.slice(2).includes('--noise')) await import('./eval-noise.mjs');
else main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`eval: ${err.message}\n${err instanceof UsageError ? `\n${USAGE}\n` : ''}`);
    process.exitCode = 2;
  },
);
