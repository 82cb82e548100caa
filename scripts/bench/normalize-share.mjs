#!/usr/bin/env node
// Normalisation's share of scan time, in-process on the `npm run bench` corpus (same
// generator, seed and size): every document is extracted, then each of its fields is
// normalised step by step and the whole document scanned (scanText, which normalises again
// inside). Prints the time per normalisation step, normalisation in all, and the scan.
//   node scripts/bench/normalize-share.mjs [--mb 5] [--seed 1] [--json]
// Run `npm run build` first. `npm run bench` runs it and reports the share as a line of its own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from './corpus.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: { mb: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
});

const { loadScanner } = await import('../../dist/cli/load-scanner.js');
const { scanText } = await import('../../dist/cli/document-pipeline.js');
const { extract } = await import('../../dist/extract/index.js');
const { normalizeSteps, normalize } = await import('../../dist/normalize/index.js');

const dir = mkdtempSync(join(tmpdir(), 'adscan-normshare-'));
try {
  const corpus = buildCorpus({ repoRoot, dir, totalBytes: Math.round(Number(values.mb) * 1024 * 1024), seed: Number(values.seed) });
  const loaded = await loadScanner({});
  const docs = [];
  let extractMs = 0;
  for (const f of corpus.files) {
    const t0 = performance.now();
    const x = await extract({ uri: f.rel, bytes: readFileSync(join(dir, f.rel)) });
    extractMs += performance.now() - t0;
    docs.push(x);
  }
  // Warm up lazily built tables (opencc, readings, lexicon) outside the measurement.
  normalize('當(dang)事人 zhi愈 处*药 保保证证 ⻅');
  const stepMs = new Map();
  let normalizeMs = 0;
  for (const x of docs) {
    for (const field of x.fields) {
      const t0 = performance.now();
      normalize(field.text);
      normalizeMs += performance.now() - t0;
    }
  }
  // Per step: the time of the steps up to it minus the time of the steps before it.
  const names = normalizeSteps('').map((st) => st.name);
  let previousPrefix = 0;
  for (let k = 0; k < names.length; k++) {
    const skip = names.slice(k + 1);
    let prefixMs = 0;
    for (const x of docs) {
      for (const field of x.fields) {
        const t0 = performance.now();
        normalizeSteps(field.text, { skip });
        prefixMs += performance.now() - t0;
      }
    }
    stepMs.set(names[k], Math.max(0, prefixMs - previousPrefix));
    previousPrefix = prefixMs;
  }
  let scanMs = 0;
  const today = new Date(Date.UTC(2026, 0, 15));
  for (const x of docs) {
    const t0 = performance.now();
    scanText(x.original, x.fields, loaded.scanner, { tokenize: loaded.tokenize, today });
    scanMs += performance.now() - t0;
  }
  const total = extractMs + scanMs;
  const figures = {
    corpus: { files: corpus.files.length, MiB: +(corpus.bytes / 1048576).toFixed(2), seed: Number(values.seed) },
    extractMs: Math.round(extractMs),
    scanMs: Math.round(scanMs),
    normalizeMs: Math.round(normalizeMs),
    normalizeShareOfScan: +(normalizeMs / scanMs).toFixed(3),
    normalizeShareOfExtractAndScan: +(normalizeMs / total).toFixed(3),
    normalizeMiBPerSecond: +((corpus.bytes / 1048576) / (normalizeMs / 1000)).toFixed(1),
    stepsMs: Object.fromEntries([...stepMs].map(([k, v]) => [k, Math.round(v)])),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else {
    const lines = [
      `normalisation share — ${figures.corpus.files} files, ${figures.corpus.MiB} MiB (bench corpus, seed ${figures.corpus.seed})`,
      `  extract                 ${figures.extractMs} ms`,
      `  scan (normalise + rest) ${figures.scanMs} ms`,
      `  normalise               ${figures.normalizeMs} ms = ${(100 * figures.normalizeShareOfScan).toFixed(1)}% of scan, ${(100 * figures.normalizeShareOfExtractAndScan).toFixed(1)}% of extract + scan (${figures.normalizeMiBPerSecond} MiB/s)`,
      '  per step (ms, approximate: time of the steps up to it minus those before it):',
      ...Object.entries(figures.stepsMs).map(([k, v]) => `    ${k.padEnd(11)} ${v}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }

} finally {
  rmSync(dir, { recursive: true, force: true });
}
