#!/usr/bin/env node
// `npm run eval -- --noise`: how well adscan sees through evasion and crawl noise (issue #4).
//
// Every dev-corpus document is scanned clean; its content findings (warning or error, with a
// match) are the targets. Then, for each kind of noise and several seeds, noise is applied to
// the targets' phrases (and, depending on the kind, their clause or sentence — see
// scripts/noise/kinds.mjs), the disguised document is scanned again, and each category found
// on the clean text counts as recovered when a finding of that category comes back on exactly
// the disguised phrase: from the first original character of its first character to the last
// of its last — nothing outside it. Documents without targets are disguised as well (every
// clause), to count categories that the noise alone brings up (false positives).
//
// Runs in-process against dist/ (run `npm run build` first). `--check` exits 1 when a kind
// recovers less than --threshold (default 0.95) of the categories.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { itemsOf, noisySpan, render } from './noise/items.mjs';
import { KIND_NAMES, KINDS, REPLACING_KINDS, seeded, useLookalikeTables } from './noise/kinds.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run eval -- --noise [--shared PATH] [--seeds N] [--kinds a,b] [--threshold X] [--json] [--check] [--verbose]

  --shared PATH    shared folder with corpus/dev/ads.jsonl (default: $ADSCAN_SHARED, else ../shared)
  --seeds N        disguised variants per document and kind (default 10)
  --kinds LIST     comma-separated kinds (default: all: ${KIND_NAMES.join(', ')})
  --threshold X    share of categories each kind must recover for --check (default 0.95)
  --json           print the figures as JSON
  --check          exit 1 if a kind recovers less than the threshold or adds false positives
  --verbose        list every miss with the disguised text`;

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      noise: { type: 'boolean', default: true },
      shared: { type: 'string' },
      seeds: { type: 'string', default: '10' },
      kinds: { type: 'string' },
      threshold: { type: 'string', default: '0.95' },
      json: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const seeds = Number(values.seeds);
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 1000) throw new Error(`--seeds: expected 1–1000, got "${values.seeds}"`);
  const kinds = values.kinds ? values.kinds.split(',').map((k) => k.trim()) : KIND_NAMES;
  for (const k of kinds) if (!KINDS[k]) throw new Error(`--kinds: unknown kind "${k}" (known: ${KIND_NAMES.join(', ')})`);
  const shared = resolve(values.shared ?? process.env.ADSCAN_SHARED ?? join(repoRoot, '..', 'shared'));
  return { ...values, seeds, kinds, threshold: Number(values.threshold), shared };
}

/** A small stable hash for seeds. */
function hash(...parts) {
  let h = 2166136261;
  for (const ch of parts.join('\u0000')) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
  return h >>> 0;
}

const TODAY = new Date(Date.UTC(2026, 0, 15));
const counted = (f) => f.match !== '' && (f.severity === 'error' || f.severity === 'warning');

async function main(argv) {
  const opts = options(argv);
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const corpus = join(opts.shared, 'corpus', 'dev', 'ads.jsonl');
  if (!existsSync(corpus)) throw new Error(`dev corpus not found: ${corpus} (pass --shared PATH or set ADSCAN_SHARED)`);
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'load-scanner.js'))) throw new Error('dist/ is missing: run `npm run build` first');

  const { loadScanner } = await import('../dist/cli/load-scanner.js');
  const { scanSource } = await import('../dist/cli/document-pipeline.js');
  const { LOOKALIKES } = await import('../dist/normalize/variants.js');
  useLookalikeTables(LOOKALIKES);
  const loaded = await loadScanner({});
  // Findings of document-level checks point at registration numbers, not claims.
  const numberRules = new Set(loaded.scanner.rules.rules.filter((r) => r.check).map((r) => r.id));
  const scan = async (text, html) => {
    const doc = { uri: html ? 'doc.html' : 'doc.txt', bytes: Buffer.from(text, 'utf8') };
    return scanSource(doc, loaded.scanner, { tokenize: loaded.tokenize, today: TODAY });
  };

  const cases = readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));

  const started = performance.now();
  const rows = new Map(opts.kinds.map((k) => [k, { kind: k, categories: 0, exact: 0, anywhere: 0, findings: 0, findingsExact: 0, notApplicable: 0, documents: 0, newFalsePositives: 0, misses: [] }]));
  for (const c of cases) {
    const clean = await scan(c.text, false);
    const allTargets = clean.findings.filter((f) => counted(f) && f.field === 'body');
    const cleanCategories = new Set(clean.findings.filter(counted).map((f) => f.category));

    for (const kind of opts.kinds) {
      const row = rows.get(kind);
      const targets = REPLACING_KINDS.has(kind) ? allTargets.filter((f) => !numberRules.has(f.ruleId)) : allTargets;
      const byCategory = new Map();
      for (const f of targets) {
        if (!byCategory.has(f.category)) byCategory.set(f.category, []);
        byCategory.get(f.category).push([f.start.offset, f.end.offset]);
      }
      // Documents without targets: disguise every clause, to see what the noise alone brings up.
      const spans = allTargets.length > 0 ? targets.map((f) => [f.start.offset, f.end.offset]) : clauseSpans(c.text);
      if (spans.length === 0) continue;
      for (let seed = 1; seed <= opts.seeds; seed++) {
        const items = itemsOf(c.text);
        const r = seeded(hash(kind, c.id, seed));
        const result = KINDS[kind](items, spans, r);
        if (!result.applied) {
          row.notApplicable++;
          continue;
        }
        const html = result.html !== undefined;
        const rendered = render(items, result.html?.prefix ?? '', result.html?.suffix ?? '');
        const noisy = await scan(rendered.text, html);
        row.documents++;
        const found = noisy.findings.filter(counted);
        for (const f of found) {
          if (!cleanCategories.has(f.category) && f.severity === 'error') {
            row.newFalsePositives++;
            if (opts.verbose) row.misses.push({ id: c.id, seed, fp: f.category, match: f.match, text: rendered.text });
          }
        }
        for (const [category, cleanSpans] of byCategory) {
          row.categories++;
          const expected = cleanSpans.map(([s, e]) => noisySpan(items, rendered, s, e));
          const same = found.filter((f) => f.category === category);
          const exact = (f, [s, e]) => f.start.offset === s && f.end.offset === e;
          const hit = expected.some((span) => same.some((f) => exact(f, span)));
          if (hit) row.exact++;
          if (same.length > 0) row.anywhere++;
          row.findings += expected.length;
          row.findingsExact += expected.filter((span) => same.some((f) => exact(f, span))).length;
          if (!hit) {
            row.misses.push({
              id: c.id,
              seed,
              category,
              expected: expected.map(([s, e]) => rendered.text.slice(s, e)),
              got: same.map((f) => rendered.text.slice(f.start.offset, f.end.offset)),
              text: opts.verbose ? rendered.text : undefined,
            });
          }
        }
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;

  const list = [...rows.values()].map((r) => ({ ...r, rate: r.categories ? r.exact / r.categories : null }));
  const totals = list.reduce(
    (t, r) => ({ categories: t.categories + r.categories, exact: t.exact + r.exact, fp: t.fp + r.newFalsePositives }),
    { categories: 0, exact: 0, fp: 0 },
  );
  const failing = list.filter((r) => r.rate !== null && r.rate < opts.threshold);
  const pass = failing.length === 0 && totals.fp === 0;

  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ seeds: opts.seeds, threshold: opts.threshold, kinds: list, totals, pass, seconds }, null, 2)}\n`);
  } else {
    const out = [
      `adscan noise eval — ${cases.length} dev documents × ${opts.seeds} seeds per kind (${seconds.toFixed(1)} s)`,
      'A category counts as recovered when a finding of it comes back on exactly the disguised phrase.',
      '',
    ];
    const header = ['kind', 'docs', 'categories', 'recovered', 'rate', 'anywhere', 'findings', 'n/a', 'new FP'];
    const cells = list.map((r) => [
      r.kind,
      r.documents,
      r.categories,
      r.exact,
      r.rate === null ? '—' : `${(100 * r.rate).toFixed(1)}%`,
      r.anywhere,
      `${r.findingsExact}/${r.findings}`,
      r.notApplicable,
      r.newFalsePositives,
    ]);
    cells.push(['all', '', totals.categories, totals.exact, totals.categories ? `${((100 * totals.exact) / totals.categories).toFixed(1)}%` : '—', '', '', '', totals.fp]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => String(row[i]).length)));
    const line = (row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
    out.push(`  ${line(header)}`, ...cells.map((row) => `  ${line(row)}`));
    out.push(
      '',
      '  categories: (document, category, seed) cases — a category found on the clean text, in a disguised variant;',
      '  anywhere: found at all, whatever the span; findings: clean findings recovered exactly; n/a: variants the',
      '  kind could not make (no digits, phrase too short to mask); new FP: error-level categories the clean text lacks.',
    );
    const missed = list.filter((r) => r.misses.length > 0);
    if (missed.length > 0) {
      out.push('', 'Misses:');
      for (const r of missed) {
        for (const m of r.misses.slice(0, opts.verbose ? Infinity : 5)) {
          if (m.fp) out.push(`  ${r.kind} ${m.id} seed ${m.seed}: new ${m.fp} ${JSON.stringify(m.match)}${m.text ? `\n      ${JSON.stringify(m.text)}` : ''}`);
          else out.push(`  ${r.kind} ${m.id} seed ${m.seed}: ${m.category} expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}${m.text ? `\n      ${JSON.stringify(m.text)}` : ''}`);
        }
        if (!opts.verbose && r.misses.length > 5) out.push(`  ${r.kind}: … ${r.misses.length - 5} more (--verbose lists them)`);
      }
    }
    out.push('', `noise: ${pass ? 'PASS' : 'FAIL'} (every kind ≥ ${(100 * opts.threshold).toFixed(0)}% and no new false positive)`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return opts.check && !pass ? 1 : 0;
}

/**
 * Spans of the Han runs of at least two characters: what noise disguises in a clean document.
 * Runs that belong to a registration number ((浙)医广【2024】…, 浙药广审(文)第…号, 国食健注G…)
 * are left out: a number with a character replaced is malformed, not disguised.
 */
function clauseSpans(text) {
  const NUMBER_PART = /广审|医广|准字|健注|械注|食健|械备|^第$|^号$/u;
  return [...text.matchAll(/\p{Script=Han}{2,}/gu)]
    .filter((m) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
      const before = text.slice(Math.max(0, m.index - 1), m.index);
      return !NUMBER_PART.test(m[0]) && !/^[(（【\[]|^\d/u.test(after) && !/[)）】\]]/u.test(before);
    })
    .map((m) => [m.index, m.index + m[0].length]);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`eval --noise: ${err.message}\n`);
    process.exitCode = 2;
  },
);
