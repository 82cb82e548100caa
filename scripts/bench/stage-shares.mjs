#!/usr/bin/env node
// Where a scan's time goes, in-process on a sample of the `npm run bench` corpus. Runs the
// pipeline from dist/ stage by stage, as dist/cli/document-pipeline.js and
// dist/batch/scan-item.js wire it, and times each stage separately:
//
//   decode     bytes → text           dist/extract/decode-document.js  decodeDocument
//   extract    text → fields          dist/extract/format.js detectFormat +
//                                     dist/extract/html/html-fields.js extractHtmlFields
//   normalise  field → matching text  dist/normalize/index.js          normalize
//   segment    jieba tokens           the tokenize function passed to the engine (wrapped)
//   match      classify + rules       dist/engine scanDocument, minus the segment time in it
//   report     the report             dist/report summarize + formatReport('json' or --format)
//   other      per-document extras    fingerprints, inline directives, SHA-256 of the bytes
//
// Reading the files, loading the rules and loading the dictionary are timed but kept out of
// the shares (a warm-up loads the dictionary first). One pass, no worker threads.
//
//   node scripts/bench/stage-shares.mjs [--dir CORPUS | --mb 4 --seed 1] [--sample-mb 4] [--format json] [--steps] [--json]
//
// --dir takes a corpus written by scripts/bench/corpus.mjs (its html/ and text/ folders are
// sampled evenly); without it a corpus of --mb MiB is generated in a temporary directory.
// --steps also times normalisation step by step (dist/normalize normalizeSteps). Run
// `npm run build` first; `npm run bench` runs this and prints its figures.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MiB = 1024 * 1024;
const STAGES = ['decode', 'extract', 'normalise', 'segment', 'match', 'report'];

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    mb: { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
    'sample-mb': { type: 'string', default: '4' },
    steps: { type: 'boolean', default: false },
    format: { type: 'string', default: 'json' },
    json: { type: 'boolean', default: false },
  },
});
const sampleBytesWanted = Math.max(1, Math.round(Number(values['sample-mb']) * MiB));

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU milliseconds, accumulated per stage between marks. */
class Stopwatch {
  constructor(names) {
    this.wall = Object.fromEntries(names.map((n) => [n, 0]));
    this.cpu = Object.fromEntries(names.map((n) => [n, 0]));
    this.mark();
  }

  mark() {
    this.w = performance.now();
    this.c = cpuMs();
  }

  /** Adds the time since the last mark (or lap) to `name`, and marks again. */
  lap(name) {
    const w = performance.now();
    const c = cpuMs();
    this.add(name, w - this.w, c - this.c);
    this.w = w;
    this.c = c;
  }

  add(name, wall, cpu) {
    this.wall[name] += wall;
    this.cpu[name] += cpu;
  }

  snapshot(name) {
    return { wall: this.wall[name], cpu: this.cpu[name] };
  }
}

const dist = (p) => import(pathToFileURL(join(repoRoot, 'dist', p)).href);
const setupStart = performance.now();
const { loadScanner } = await dist('cli/load-scanner.js');
const { scanDocument } = await dist('engine/index.js');
const { decodeDocument } = await dist('extract/decode-document.js');
const { detectFormat } = await dist('extract/format.js');
const { extractHtmlFields } = await dist('extract/html/html-fields.js');
const { OffsetMap } = await dist('core/offset-map.js');
const { normalize, normalizeSteps } = await dist('normalize/index.js');
const { formatReport, summarize } = await dist('report/index.js');
const { scanSource } = await dist('cli/document-pipeline.js');
// Per-document extras the batch adds; optional, so a refactor there does not break the bench.
const triage = await dist('triage/index.js').catch(() => ({}));

let tempDir = null;
let corpusDir = values.dir ? resolve(values.dir) : null;
if (!corpusDir) {
  const { buildCorpus } = await import('./corpus.mjs');
  tempDir = mkdtempSync(join(tmpdir(), 'adscan-stages-'));
  corpusDir = buildCorpus({ repoRoot, dir: tempDir, htmlBytes: Math.round(Number(values.mb) * MiB), seed: Number(values.seed) }).dir;
}

try {
  // ---- the sample: evenly spaced over the sorted html/ and text/ files ------------------
  const all = [];
  for (const sub of ['html', 'text']) {
    let entries = [];
    try {
      entries = readdirSync(join(corpusDir, sub), { recursive: true });
    } catch {
      continue;
    }
    for (const e of entries.map(String).sort()) {
      const path = join(corpusDir, sub, e);
      const st = statSync(path);
      if (st.isFile()) all.push({ path, rel: relative(corpusDir, path), bytes: st.size, kind: sub });
    }
  }
  if (all.length === 0) throw new Error(`no html/ or text/ files under ${corpusDir}`);
  const totalBytes = all.reduce((n, f) => n + f.bytes, 0);
  const want = Math.min(all.length, Math.max(1, Math.ceil(all.length * Math.min(1, sampleBytesWanted / totalBytes))));
  const sample = Array.from({ length: want }, (_, k) => all[Math.floor((k * all.length) / want)]);

  // ---- set-up: rules, and the dictionary through one warm-up document ------------------
  const loaded = await loadScanner({});
  const rulesMs = performance.now() - setupStart;
  const today = new Date(Date.UTC(2026, 0, 15));
  const sw = new Stopwatch([...STAGES, 'other', 'read']);
  let segmentCalls = 0;
  const tokenize = (text) => {
    const w = performance.now();
    const c = cpuMs();
    try {
      return loaded.tokenize(text);
    } finally {
      sw.add('segment', performance.now() - w, cpuMs() - c);
      segmentCalls++;
    }
  };
  const warmStart = performance.now();
  const warmText = readFileSync(join(repoRoot, 'fixtures', 'ads', 'text', 'psoriasis-hospital.txt'));
  await scanSource({ uri: 'warm-up.txt', bytes: warmText }, loaded.scanner, { tokenize: loaded.tokenize, today });
  loaded.tokenize('本院专治牛皮癣，保证治愈');
  const warmMs = performance.now() - warmStart;

  // ---- the timed pass --------------------------------------------------------------------
  let sampleBytes = 0;
  let htmlFiles = 0;
  const documents = [];
  for (const f of sample) {
    sw.mark();
    const bytes = readFileSync(f.path);
    sw.lap('read');
    sampleBytes += bytes.length;

    let decoded;
    try {
      decoded = decodeDocument(bytes, undefined);
    } catch (err) {
      sw.lap('decode');
      documents.push({ uri: f.rel, adTypes: [], context: 'unknown', evidence: [], findings: [], suppressed: [], error: err.message });
      continue;
    }
    sw.lap('decode');

    const format = detectFormat(decoded.text, f.rel, undefined);
    const fields = format === 'html'
      ? extractHtmlFields(decoded.text)
      : [{ name: 'body', text: decoded.text, map: OffsetMap.identity(decoded.text.length) }];
    if (format === 'html') htmlFiles++;
    sw.lap('extract');

    const engineFields = fields.map((fl) => {
      const n = normalize(fl.text);
      return { name: fl.name, text: n.text, normMap: n.map, extracted: fl.text, extractMap: fl.map };
    });
    sw.lap('normalise');

    const segmentBefore = sw.snapshot('segment');
    const r = scanDocument({ original: decoded.text, fields: engineFields }, loaded.scanner, { tokenize, today, asOfKnown: false });
    sw.lap('match');
    const segmentAfter = sw.snapshot('segment');
    sw.add('match', segmentBefore.wall - segmentAfter.wall, segmentBefore.cpu - segmentAfter.cpu);

    const doc = { uri: f.rel, adTypes: r.adTypes, context: r.context, evidence: r.evidence, findings: r.findings, suppressed: r.suppressed, error: null, charset: decoded.charset, format };
    triage.fingerprintDocument?.(doc, decoded.text);
    triage.applyInlineDisables?.(doc, decoded.text);
    doc.sha256 = createHash('sha256').update(bytes).digest('hex');
    sw.lap('other');
    documents.push(doc);
  }

  sw.mark();
  const report = formatReport(values.format, { tool: { name: 'adscan', version: 'bench' }, summary: summarize(documents), documents });
  sw.lap('report');

  // ---- normalisation, step by step (optional) ---------------------------------------------
  let normaliseSteps = null;
  if (values.steps) {
    // The time of the steps up to each one minus the time of the steps before it, over
    // every field of the sample (extracted again, untimed).
    const fieldTexts = [];
    for (const f of sample) {
      try {
        const d = decodeDocument(readFileSync(f.path), undefined);
        const fl = detectFormat(d.text, f.rel, undefined) === 'html' ? extractHtmlFields(d.text) : [{ text: d.text }];
        for (const x of fl) fieldTexts.push(x.text);
      } catch {
        // counted as failed above
      }
    }
    const names = normalizeSteps('').map((st) => st.name);
    normaliseSteps = {};
    let previous = 0;
    for (let k = 0; k < names.length; k++) {
      const skip = names.slice(k + 1);
      const c = cpuMs();
      for (const text of fieldTexts) normalizeSteps(text, { skip });
      const prefix = cpuMs() - c;
      normaliseSteps[names[k]] = Math.round(Math.max(0, prefix - previous));
      previous = prefix;
    }
  }

  // ---- does the staged pipeline still find what the CLI's pipeline finds? -----------------
  const check = { documents: 0, same: 0 };
  for (const [k, f] of sample.slice(0, 5).entries()) {
    const doc = documents[k];
    const viaCli = await scanSource({ uri: f.rel, bytes: readFileSync(f.path) }, loaded.scanner, { tokenize: loaded.tokenize, today });
    check.documents++;
    if (viaCli.findings.length === doc.findings.length && viaCli.suppressed.length === doc.suppressed.length) check.same++;
  }

  const names = [...STAGES, 'other'];
  const total = { cpu: names.reduce((n, k) => n + sw.cpu[k], 0), wall: names.reduce((n, k) => n + sw.wall[k], 0) };
  const MB = sampleBytes / 1e6;
  const row = (name) => ({
    cpuMs: Math.round(sw.cpu[name]),
    wallMs: Math.round(sw.wall[name]),
    share: +(sw.cpu[name] / total.cpu).toFixed(4),
    wallShare: +(sw.wall[name] / total.wall).toFixed(4),
    MBps: sw.cpu[name] > 0 ? +(MB / (sw.cpu[name] / 1000)).toFixed(1) : null,
  });
  const failed = documents.filter((d) => d.error).length;
  const figures = {
    method: 'one pass in-process over the sample; share = the stage\'s CPU time (process.cpuUsage) over all stages\'; wall times beside it; MB/s = sample bytes (10^6) per CPU second of the stage',
    corpus: tempDir ? null : corpusDir,
    sample: {
      files: sample.length,
      html: htmlFiles,
      text: sample.length - htmlFiles - failed,
      failed,
      bytes: sampleBytes,
      MiB: +(sampleBytes / MiB).toFixed(2),
      ofCorpusFiles: all.length,
    },
    setup: { rulesMs: Math.round(rulesMs), warmUpMs: Math.round(warmMs), readMs: Math.round(sw.wall.read) },
    stages: Object.fromEntries(names.map((k) => [k, row(k)])),
    total: { cpuMs: Math.round(total.cpu), wallMs: Math.round(total.wall), MBps: +(MB / (total.cpu / 1000)).toFixed(2) },
    segmentCalls,
    findings: documents.reduce((n, d) => n + d.findings.length, 0),
    reportFormat: values.format,
    reportBytes: Buffer.byteLength(report),
    normaliseStepsCpuMs: normaliseSteps,
    consistency: { ...check, note: 'findings and suppressed counts of the first documents, staged vs dist/cli/document-pipeline.js scanSource' },
  };

  if (values.json) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    const s = figures.sample;
    const lines = [
      `stage shares — ${s.files} files (${s.html} HTML, ${s.text} text), ${s.MiB} MiB, one pass in-process`,
      `  ${'stage'.padEnd(10)} ${'CPU ms'.padStart(8)} ${'share'.padStart(6)} ${'wall ms'.padStart(8)} ${'share'.padStart(6)}  MB/s (CPU)`,
      ...names.map((k) => {
        const x = figures.stages[k];
        return `  ${k.padEnd(10)} ${String(x.cpuMs).padStart(8)} ${(x.share * 100).toFixed(1).padStart(5)}% ${String(x.wallMs).padStart(8)} ${(x.wallShare * 100).toFixed(1).padStart(5)}%  ${x.MBps ?? 'n/a'}`;
      }),
      `  ${'total'.padEnd(10)} ${String(figures.total.cpuMs).padStart(8)} ${''.padStart(6)} ${String(figures.total.wallMs).padStart(8)} ${''.padStart(6)}  ${figures.total.MBps}`,
      `  not in the shares: reading ${figures.setup.readMs} ms, imports + rules ${figures.setup.rulesMs} ms, warm-up (dictionary) ${figures.setup.warmUpMs} ms`,
      `  check: ${check.same}/${check.documents} documents give the same counts as scanSource`,
    ];
    if (normaliseSteps) lines.push(`  normalise per step (CPU ms): ${Object.entries(normaliseSteps).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
} finally {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
