#!/usr/bin/env node
// Benchmarks the built CLI as a user runs it (child `node bin/adscan` processes) on a
// generated, seeded corpus (scripts/bench/corpus.mjs: CMS-style HTML pages, plain-text ads,
// a WARC.gz archive), and prints:
//   1. the corpus: files, sizes, digest, and the measured visible-text share of the HTML;
//   2. throughput: the HTML corpus with --jobs 1 and --jobs 2 (MB/s, MiB/s, documents/s,
//      wall and CPU seconds, peak RSS, the speed-up), then the whole corpus with default jobs;
//   3. start-up time (median of runs on one short file) and single-ad latency;
//   4. the share of time per stage (decode, extract, normalise, segment, match, report),
//      in-process on a sample of the same corpus (scripts/bench/stage-shares.mjs);
//   5. the figures against issue #6's targets.
// Timings are reported, never judged: the exit code is non-zero only when the CLI crashed
// (exit code other than 0/1, signal, timeout) or its JSON report could not be parsed.
// Run `npm run build` first; `npm run bench -- --help` lists the flags.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from './bench/corpus.mjs';
import { detectRssMethod, killActive, RSS_METHOD_LABEL, runNode } from './bench/child.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = process.env.ADSCAN_BENCH_BIN ? resolve(process.env.ADSCAN_BENCH_BIN) : join(repoRoot, 'bin', 'adscan');
const SHORT_AD = join(repoRoot, 'fixtures', 'ads', 'text', 'psoriasis-hospital.txt');
const LATENCY_TARGET_MS = 500;
const MiB = 1024 * 1024;
const MB = 1e6;
// Issue #6, "Done when".
const TARGET_JOBS1_MBPS = 6;
const TARGET_SPEEDUP = 1.7;
const TARGET_RSS_MB = 600;
const JOBS_UNSUPPORTED = '--jobs not supported by this build';

const USAGE = `usage: npm run bench -- [--mb N] [--seed N] [--runs N] [--sample-mb N] [--format json|jsonl] [--json] [--keep] [--rss auto|time|preload|none]

  --mb N         size of the generated HTML corpus in MiB (default 20); plain-text ads and
                 the WARC archive's pages add about 10% of that each
  --seed N       corpus seed; the same seed and size give byte-identical corpora (default 1)
  --runs N       timed runs of the short-ad latency checks, after one warm-up (default 5);
                 start-up is the median of max(3, N) runs
  --sample-mb N  size of the sample the stage shares are measured on (default: 4, at most --mb)
  --format F     report format of the scans: json (default; -f json -o <tmp>/out.json, the
                 whole report is built in memory) or jsonl (-f jsonl streamed to a file, for
                 checking peak memory on a large corpus)
  --json         print the figures as one JSON object instead of tables
  --keep         keep the temporary directory (corpus and reports) and print its path
  --rss M        how peak memory is measured: /usr/bin/time -v, a --import preload, or not
                 at all (default auto: /usr/bin/time when it works, else the preload)

Environment: ADSCAN_BENCH_BIN=path benchmarks another adscan entry point (default bin/adscan).
Exits 1 only if the CLI crashed (exit code not 0/1, killed, timed out) or its JSON report
did not parse; 2 on bad usage or a missing build. Progress goes to stderr.`;

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      mb: { type: 'string', default: '20' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '5' },
      'sample-mb': { type: 'string' },
      format: { type: 'string', default: 'json' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      rss: { type: 'string', default: 'auto' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const mb = Number(values.mb);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  const sampleMb = values['sample-mb'] === undefined ? Math.min(4, mb) : Number(values['sample-mb']);
  if (!(mb > 0 && mb <= 4096)) throw new Error(`--mb: expected a size in MiB (0 < N ≤ 4096), got "${values.mb}"`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed: expected a whole number, got "${values.seed}"`);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new Error(`--runs: expected 1–100, got "${values.runs}"`);
  if (!(sampleMb > 0 && sampleMb <= 4096)) throw new Error(`--sample-mb: expected a size in MiB (0 < N ≤ 4096), got "${values['sample-mb']}"`);
  if (!['json', 'jsonl'].includes(values.format)) throw new Error(`--format: expected json or jsonl, got "${values.format}"`);
  if (!['auto', 'time', 'preload', 'none'].includes(values.rss)) throw new Error(`--rss: expected auto, time, preload or none, got "${values.rss}"`);
  return { ...values, mb, seed, runs, sampleMb: Math.min(sampleMb, mb) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 2) => (x == null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
const progress = (msg) => process.stderr.write(`bench: ${msg}\n`);
const tail = (s, n = 12) => s.trim().split('\n').slice(-n).join('\n');
const load = () => round(loadavg()[0], 2);

function newestMtime(dir, ext) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) {
      newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function gitDescribe() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return { commit: sha, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** Describes a run that counts as a crash, or returns null. */
function crashOf(run, allowed = [0, 1]) {
  if (run.timedOut) return `timed out after ${Math.round(run.wallMs / 1000)} s (killed)`;
  if (run.signal) return `killed by ${run.signal}`;
  if (run.code === null) return `could not start: ${run.stderr.trim()}`;
  if (!allowed.includes(run.code)) return `exit code ${run.code}`;
  return null;
}

/** Whether this build's `adscan scan` takes --jobs: its help, or the error an unknown option gives. */
function jobsInHelp() {
  const r = spawnSync(process.execPath, [BIN, 'scan', '--help'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return /--jobs\b/.test(`${r.stdout}${r.stderr}`);
}
const rejectsJobs = (run) => run.code !== 0 && run.code !== 1 && /unknown option '?--jobs/i.test(run.stderr);

/**
 * The report's summary. Small reports are parsed whole (which also proves they are valid
 * JSON); a very large one (a 1 GiB corpus) only up to its summary, which comes first.
 */
function readReport(path, format) {
  const bytes = statSync(path).size;
  if (format === 'jsonl') return readJsonlReport(path, bytes);
  if (bytes <= 256 * MiB) {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    return { bytes, summary: report.summary, documentsListed: Array.isArray(report.documents) ? report.documents.length : null, parsedWhole: true };
  }
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(bytes, 4 * MiB));
    readSync(fd, head, 0, head.length, 0);
    const text = head.toString('utf8');
    const at = text.indexOf('"summary"');
    if (at < 0) throw new Error('no "summary" in the first 4 MiB of the report');
    const start = text.indexOf('{', at);
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        return { bytes, summary: JSON.parse(text.slice(start, i + 1)), documentsListed: null, parsedWhole: false };
      }
    }
    throw new Error('the summary does not end in the first 4 MiB of the report');
  } finally {
    closeSync(fd);
  }
}

/** A JSONL report: one line per document, then the summary line; every line is parsed. */
function readJsonlReport(path, bytes) {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(16 * MiB);
    let rest = '';
    let documentsListed = 0;
    let last = null;
    for (let pos = 0; pos < bytes;) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) break;
      pos += n;
      const lines = (rest + chunk.toString('utf8', 0, n)).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        if (line.trim() === '') continue;
        const value = JSON.parse(line);
        if (last !== null) documentsListed++;
        last = value;
      }
    }
    if (rest.trim() !== '') {
      const value = JSON.parse(rest);
      if (last !== null) documentsListed++;
      last = value;
    }
    if (last === null || typeof last.summary !== 'object') throw new Error('the last line is not a summary');
    return { bytes, summary: last.summary, documentsListed, parsedWhole: true };
  } finally {
    closeSync(fd);
  }
}

async function main() {
  let opts;
  try {
    opts = options(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  // ---- build check -------------------------------------------------------------------
  const mainJs = join(repoRoot, 'dist', 'cli', 'main.js');
  if (!existsSync(mainJs)) {
    process.stderr.write(
      `bench: adscan is NOT built — ${relative(repoRoot, mainJs)} is missing.\n` +
        'bench: run `npm run build` first, then `npm run bench`.\n',
    );
    return 2;
  }
  const srcNewest = newestMtime(join(repoRoot, 'src'), '.ts');
  const distNewest = newestMtime(join(repoRoot, 'dist'), '.js');
  const staleWarning = srcNewest > distNewest
    ? 'src/ has files newer than dist/: the build may be stale (run `npm run build`)'
    : null;
  if (staleWarning) progress(`WARNING: ${staleWarning}`);

  const tmp = mkdtempSync(join(tmpdir(), 'adscan-bench-'));
  const cleanup = () => {
    if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = (sig) => {
    killActive();
    cleanup();
    process.stderr.write(`bench: interrupted (${sig}), temporary files removed\n`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    return await bench(opts, tmp, staleWarning);
  } finally {
    cleanup();
    if (opts.keep) progress(`kept temporary directory ${tmp}`);
  }
}

async function bench(opts, tmp, staleWarning) {
  const problems = []; // crashes and unreadable reports: these make the exit code 1
  const warnings = []; // everything else worth a look; never affects the exit code
  if (staleWarning) warnings.push(staleWarning);
  const rss = opts.rss === 'auto' ? detectRssMethod(tmp) : opts.rss;
  const env = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model?.trim() ?? null,
    bin: relative(repoRoot, BIN) || BIN,
    ...gitDescribe(),
    loadAverage: { start: load(), end: null },
  };

  // ---- corpus ------------------------------------------------------------------------
  const corpusDir = join(tmp, 'corpus');
  progress(`generating a ${opts.mb} MiB HTML corpus plus text and WARC (seed ${opts.seed}) in ${corpusDir}`);
  const genStart = performance.now();
  const corpus = buildCorpus({ repoRoot, dir: corpusDir, htmlBytes: Math.round(opts.mb * MiB), seed: opts.seed, onProgress: progress });
  const genSeconds = (performance.now() - genStart) / 1000;
  const pageSizes = corpus.html.files.map((f) => f.bytes).sort((a, b) => a - b);
  const documentBytes = corpus.html.bytes + corpus.text.bytes + corpus.warc.payloadBytes;
  const corpusInfo = {
    seed: opts.seed,
    digest: corpus.digest,
    generateSeconds: round(genSeconds, 2),
    dir: opts.keep ? corpusDir : null,
    html: {
      pages: corpus.html.files.length,
      gbkPages: corpus.html.gbk,
      bytes: corpus.html.bytes,
      MiB: round(corpus.html.bytes / MiB, 2),
      pageBytes: { min: pageSizes[0], median: median(pageSizes), max: pageSizes.at(-1) },
    },
    text: { files: corpus.text.files.length, bytes: corpus.text.bytes, MiB: round(corpus.text.bytes / MiB, 2) },
    warc: {
      file: corpus.warc.rel,
      bytes: corpus.warc.bytes,
      MiB: round(corpus.warc.bytes / MiB, 2),
      records: corpus.warc.records,
      payloadBytes: corpus.warc.payloadBytes,
    },
    documents: corpus.documents,
    diskBytes: corpus.bytes,
    documentBytes,
    visibleText: null,
  };
  progress('measuring the visible-text share of the HTML (adscan extract() on a sample)');
  try {
    const { measureVisibleShare } = await import('./bench/visible-share.mjs');
    const v = await measureVisibleShare({ repoRoot, dir: corpusDir, files: corpus.html.files });
    corpusInfo.visibleText = {
      method: v.method,
      pages: v.pages,
      share: round(v.share, 4),
      pageMin: round(v.pageMin, 4),
      pageMedian: round(v.pageMedian, 4),
      pageMax: round(v.pageMax, 4),
      byField: v.byField,
    };
    if (v.share < 0.1 || v.share > 0.3) warnings.push(`corpus: visible text is ${(v.share * 100).toFixed(1)}% of the HTML, outside the 10–30% of crawled pages`);
  } catch (err) {
    warnings.push(`corpus: visible-text share not measured: ${err.message.split('\n')[0]}`);
  }

  // ---- does this build take --jobs? ----------------------------------------------------
  let jobsSupported = jobsInHelp();
  if (!jobsSupported) progress(`${JOBS_UNSUPPORTED} (not in \`adscan scan --help\`)`);

  // ---- latency: one short ad, from a file and from stdin ------------------------------
  const shortAd = readFileSync(SHORT_AD);
  const shortRel = relative(repoRoot, SHORT_AD);
  const latencyCase = async (label, args, stdin) => {
    const runs = [];
    for (let i = 0; i <= opts.runs; i++) {
      progress(`latency (${label}) ${i === 0 ? 'warm-up' : `run ${i}/${opts.runs}`}`);
      const run = await runNode(args, { cwd: repoRoot, tmp, rss, stdin, timeoutMs: 60_000 });
      runs.push(run);
      const crash = crashOf(run);
      if (crash) {
        problems.push(`latency (${label}): CLI crashed: ${crash}\n${tail(run.stderr)}`);
        break;
      }
    }
    const [warm, ...timed] = runs;
    const ok = timed.filter((r) => !crashOf(r));
    const codes = [...new Set(runs.map((r) => r.code))];
    if (codes.includes(0)) warnings.push(`latency (${label}): exit code 0, expected 1 (the ad has findings)`);
    const med = ok.length ? median(ok.map((r) => r.wallMs)) : null;
    const rssKbs = runs.map((r) => r.maxRssKb).filter((k) => k != null);
    return {
      command: `node bin/adscan ${args.slice(1).join(' ')}${stdin !== undefined ? ` < ${shortRel}` : ''}`,
      warmupMs: round(warm.wallMs, 1),
      runsMs: timed.map((r) => round(r.wallMs, 1)),
      medianMs: round(med, 1),
      minMs: ok.length ? round(Math.min(...ok.map((r) => r.wallMs)), 1) : null,
      targetMs: LATENCY_TARGET_MS,
      withinTarget: med == null ? null : med <= LATENCY_TARGET_MS,
      exitCodes: codes,
      peakRssMiB: rssKbs.length ? round(Math.max(...rssKbs) / 1024, 1) : null,
    };
  };
  const latencyFile = await latencyCase('file', [BIN, 'scan', shortRel, '--no-color']);
  const latencyStdin = await latencyCase('stdin', [BIN, 'scan', '-', '--no-color'], shortAd);

  // ---- the configurations: --jobs 1 and 2 on the HTML, default jobs on everything ------
  const outJson = join(tmp, `out.${opts.format}`);
  // json: written by the CLI to -o; jsonl: streamed on stdout into the file.
  const scanRun = (inputs, jobs, out, runOpts) => runNode(
    [BIN, 'scan', ...inputs, '-f', opts.format, ...(opts.format === 'json' ? ['-o', out] : []), '--fail-on', 'never', ...(jobs == null ? [] : ['--jobs', String(jobs)])],
    { cwd: repoRoot, tmp, rss, ...runOpts, ...(opts.format === 'jsonl' ? { stdoutFile: out } : {}) },
  );
  const shownCommand = (input, jobs) => `node bin/adscan scan ${input} -f ${opts.format} ${opts.format === 'json' ? '-o' : '>'} <tmp>/out.${opts.format} --fail-on never${jobs == null ? '' : jobs === 'N' ? ' [--jobs N]' : ` --jobs ${jobs}`}`;
  const htmlInput = {
    dir: corpus.html.dir,
    shown: '<corpus>/html',
    documents: corpus.html.files.length,
    bytes: corpus.html.bytes,
    diskBytes: corpus.html.bytes,
  };
  const allInput = {
    dir: corpusDir,
    shown: '<corpus>',
    documents: corpus.documents,
    bytes: documentBytes,
    diskBytes: corpus.bytes,
  };
  const configs = [
    { key: 'html-jobs1', label: 'HTML, --jobs 1', input: htmlInput, jobs: 1 },
    { key: 'html-jobs2', label: 'HTML, --jobs 2', input: htmlInput, jobs: 2 },
    { key: 'all-default', label: 'all, default jobs', input: allInput, jobs: null },
  ];

  // ---- start-up: the same JSON command on one short file, per jobs setting -------------
  const startupRuns = Math.max(3, opts.runs);
  const startup = {};
  for (const jobs of [1, 2, null]) {
    const key = jobs == null ? 'default' : `jobs${jobs}`;
    if (jobs != null && !jobsSupported) {
      startup[key] = { skipped: JOBS_UNSUPPORTED };
      continue;
    }
    const walls = [];
    for (let i = 0; i < startupRuns; i++) {
      progress(`start-up (${jobs == null ? 'default jobs' : `--jobs ${jobs}`}) run ${i + 1}/${startupRuns}: 1 short file, JSON to -o`);
      const run = await scanRun([shortRel], jobs, join(tmp, `tiny.${opts.format}`), { timeoutMs: 60_000 });
      if (jobs != null && rejectsJobs(run)) {
        jobsSupported = false;
        startup[key] = { skipped: JOBS_UNSUPPORTED };
        break;
      }
      const crash = crashOf(run);
      if (crash) {
        problems.push(`start-up (${key}): CLI crashed: ${crash}\n${tail(run.stderr)}`);
        break;
      }
      walls.push(run.wallMs);
    }
    if (!startup[key]) startup[key] = { runsMs: walls.map((w) => round(w, 1)), medianMs: walls.length ? round(median(walls), 1) : null };
  }

  // ---- throughput -----------------------------------------------------------------------
  const throughput = [];
  const timeoutMs = 600_000 + opts.mb * 30_000;
  const runConfig = async (cfg) => {
    const entry = {
      key: cfg.key,
      label: cfg.label,
      command: shownCommand(cfg.input.shown, cfg.jobs),
      jobs: cfg.jobs,
      skipped: null,
      documents: cfg.input.documents,
      bytes: cfg.input.bytes,
      diskBytes: cfg.input.diskBytes,
    };
    if (cfg.jobs != null && !jobsSupported) return { ...entry, skipped: JOBS_UNSUPPORTED };
    progress(`throughput: ${cfg.label}: ${cfg.input.documents} documents, ${(cfg.input.bytes / MiB).toFixed(1)} MiB`);
    rmSync(outJson, { force: true });
    const run = await scanRun([cfg.input.dir], cfg.jobs, outJson, { timeoutMs });
    if (cfg.jobs != null && rejectsJobs(run)) {
      jobsSupported = false;
      return { ...entry, skipped: JOBS_UNSUPPORTED };
    }
    const wallS = run.wallMs / 1000;
    const cpuS = run.userS == null ? null : run.userS + run.sysS;
    const st = startup[cfg.jobs == null ? 'default' : `jobs${cfg.jobs}`]?.medianMs;
    const netS = st == null ? null : wallS - st / 1000;
    Object.assign(entry, {
      exitCode: run.code,
      wallSeconds: round(wallS, 2),
      cpuUserSeconds: round(run.userS, 2),
      cpuSystemSeconds: round(run.sysS, 2),
      cpuSeconds: round(cpuS, 2),
      cpuPerWall: cpuS == null ? null : round(cpuS / wallS, 2),
      MBps: round(cfg.input.bytes / MB / wallS, 3),
      MiBps: round(cfg.input.bytes / MiB / wallS, 3),
      docsPerSecond: round(cfg.input.documents / wallS, 1),
      peakRssMiB: run.maxRssKb == null ? null : round(run.maxRssKb / 1024, 1),
      peakRssMB: run.maxRssKb == null ? null : round((run.maxRssKb * 1024) / MB, 1),
      startupExcluded: netS != null && netS > 0
        ? { startupSeconds: round(st / 1000, 3), netSeconds: round(netS, 2), MBps: round(cfg.input.bytes / MB / netS, 3), MiBps: round(cfg.input.bytes / MiB / netS, 3), docsPerSecond: round(cfg.input.documents / netS, 1) }
        : null,
      findings: null,
      suppressed: null,
      failedDocuments: null,
      documentsInReport: null,
      allDocumentsReported: null,
      reportBytes: null,
    });
    const crash = crashOf(run);
    if (crash) {
      problems.push(`throughput (${cfg.label}): CLI crashed: ${crash}\n${tail(run.stderr)}`);
      return entry;
    }
    if (run.code !== 0) warnings.push(`throughput (${cfg.label}): exit code ${run.code} despite --fail-on never`);
    let report;
    try {
      report = readReport(outJson, opts.format);
    } catch (err) {
      problems.push(`throughput (${cfg.label}): the ${opts.format.toUpperCase()} report ${existsSync(outJson) ? 'does not parse' : 'was not written'}: ${err.message}`);
      return entry;
    }
    const s = report.summary;
    entry.reportBytes = report.bytes;
    if (typeof s !== 'object' || s === null || typeof s.documents !== 'number') {
      problems.push(`throughput (${cfg.label}): the JSON report has no summary.documents`);
      return entry;
    }
    Object.assign(entry, {
      findings: s.findings,
      suppressed: s.suppressed,
      failedDocuments: s.failed,
      bySeverity: s.bySeverity,
      documentsInReport: s.documents,
      allDocumentsReported: s.documents === cfg.input.documents && (report.documentsListed == null || report.documentsListed === s.documents),
    });
    if (!entry.allDocumentsReported) warnings.push(`throughput (${cfg.label}): the report lists ${s.documents} documents, the input has ${cfg.input.documents}`);
    if (s.failed) warnings.push(`throughput (${cfg.label}): ${s.failed} document(s) failed to read/scan`);
    if (!s.findings) warnings.push(`throughput (${cfg.label}): no findings on an ad corpus — suspicious`);
    return entry;
  };
  for (const cfg of configs) throughput.push(await runConfig(cfg));
  // Without --jobs, the HTML corpus is still measured once, with the build's own default.
  if (!jobsSupported && !throughput.some((t) => t.key === 'html-default')) {
    throughput.splice(2, 0, await runConfig({ key: 'html-default', label: 'HTML, default jobs', input: htmlInput, jobs: null }));
  }
  const byKey = Object.fromEntries(throughput.map((t) => [t.key, t]));
  const j1 = byKey['html-jobs1'];
  const j2 = byKey['html-jobs2'];
  const measured = (t) => t && !t.skipped && t.wallSeconds != null;
  const speedup = measured(j1) && measured(j2)
    ? {
        wall: round(j1.wallSeconds / j2.wallSeconds, 2),
        startupExcluded: j1.startupExcluded && j2.startupExcluded ? round(j1.startupExcluded.netSeconds / j2.startupExcluded.netSeconds, 2) : null,
      }
    : { skipped: jobsSupported ? 'a --jobs run did not complete' : JOBS_UNSUPPORTED };

  // ---- the machine's own two-way ceiling --------------------------------------------------
  // Two independent `--jobs 1` processes, each on half of the HTML pages, at the same time.
  // Their speed-up over the single `--jobs 1` run is what two cores give this workload with no
  // coordination at all (shared caches, memory bandwidth and virtual CPUs take their share):
  // the yardstick for the --jobs 2 speed-up.
  let ceiling = null;
  if (measured(j1)) {
    const batches = readdirSync(corpus.html.dir).filter((n) => n.startsWith('batch-')).sort().map((n) => join(corpus.html.dir, n));
    const halves = [batches.filter((_, i) => i % 2 === 0), batches.filter((_, i) => i % 2 === 1)];
    progress('two-way ceiling: two independent --jobs 1 processes on the two halves of the HTML, at once');
    const started = performance.now();
    const runs = await Promise.all(halves.map((dirs, i) => scanRun(dirs, 1, join(tmp, `half-${i}.${opts.format}`), { timeoutMs })));
    const wallS = (performance.now() - started) / 1000;
    const crashed = runs.map((r) => crashOf(r)).find(Boolean);
    if (crashed) problems.push(`two-way ceiling: CLI crashed: ${crashed}`);
    else ceiling = { wallSeconds: round(wallS, 2), speedUp: round(j1.wallSeconds / wallS, 2), vsJobs2: measured(j2) ? round(wallS / j2.wallSeconds, 2) : null };
  }

  // ---- stage shares (in-process, on a sample of the same corpus) ------------------------
  let stages = null;
  progress(`stage shares on a ${opts.sampleMb} MiB sample (in-process)`);
  try {
    const out = execFileSync(process.execPath, [join(repoRoot, 'scripts', 'bench', 'stage-shares.mjs'), '--dir', corpusDir, '--sample-mb', String(opts.sampleMb), '--format', opts.format, '--steps', '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 600_000 + opts.sampleMb * 60_000,
      maxBuffer: 16 * MiB,
    });
    stages = JSON.parse(out);
    if (stages.consistency && stages.consistency.same !== stages.consistency.documents) {
      warnings.push(`stage shares: the staged pipeline disagrees with scanSource on ${stages.consistency.documents - stages.consistency.same} of ${stages.consistency.documents} documents — scripts/bench/stage-shares.mjs needs updating`);
    }
  } catch (err) {
    warnings.push(`stage shares: could not be measured: ${(err.stderr || err.message).trim().split('\n').slice(-3).join(' ')}`);
  }

  // ---- against issue #6's targets ---------------------------------------------------------
  const all = byKey['all-default'];
  const peakMB = Math.max(...throughput.filter(measured).map((t) => t.peakRssMB ?? 0));
  const targets = {
    jobs1MBps: { target: `≥ ${TARGET_JOBS1_MBPS} MB/s`, value: measured(j1) ? j1.MBps : null, met: measured(j1) ? j1.MBps >= TARGET_JOBS1_MBPS : null },
    speedup: { target: `≥ ${TARGET_SPEEDUP}×`, value: speedup.wall ?? null, met: speedup.wall == null ? null : speedup.wall >= TARGET_SPEEDUP },
    peakRss: {
      target: `< ${TARGET_RSS_MB} MB on a 1 GB corpus`,
      value: Number.isFinite(peakMB) && peakMB > 0 ? peakMB : null,
      corpusMB: round(corpus.bytes / MB, 1),
      // Judged only on a corpus of the target's size.
      met: Number.isFinite(peakMB) && peakMB > 0 && corpus.html.bytes >= 1e9 ? peakMB < TARGET_RSS_MB : null,
      conclusive: corpus.html.bytes >= 1e9,
    },
    noDocumentLost: { target: 'every input in the report', met: throughput.filter(measured).every((t) => t.allDocumentsReported === true) },
  };
  env.loadAverage.end = load();
  if (Math.max(env.loadAverage.start, env.loadAverage.end) > env.cpus * 0.75) {
    warnings.push(`the machine was busy (load average ${env.loadAverage.start} at the start, ${env.loadAverage.end} at the end, ${env.cpus} CPUs): timings are noisy`);
  }

  const result = {
    environment: env,
    build: { built: true, staleWarning, jobsSupported },
    peakMemoryMethod: rss === 'none' ? null : RSS_METHOD_LABEL[rss],
    corpus: corpusInfo,
    reportFormat: opts.format,
    throughputCommand: shownCommand('<dir>', 'N'),
    throughput,
    speedup,
    twoWayCeiling: ceiling,
    startup,
    latency: { file: latencyFile, stdin: latencyStdin },
    stages,
    targets,
    warnings,
    problems,
    ok: problems.length === 0,
  };
  if (all && !measured(all)) warnings.push('throughput: the whole-corpus run did not complete');

  if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(table(result));
  return problems.length ? 1 : 0;
}

function table(r) {
  const { corpus: c, environment: e } = r;
  const num = (x, unit = '') => (x == null ? 'n/a' : `${x}${unit}`);
  const pct = (x, digits = 1) => (x == null ? 'n/a' : `${(x * 100).toFixed(digits)}%`);
  const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
  const mib = (b) => `${(b / MiB).toFixed(2)} MiB`;
  const row = (label, value) => `  ${label.padEnd(18)} ${value}\n`;
  let out = '\n';
  out += `adscan bench — node ${e.node}, ${e.platform}, ${e.cpus} CPU(s)${e.cpuModel ? ` (${e.cpuModel})` : ''}`;
  out += e.commit ? `, commit ${e.commit}${e.dirty ? ' + uncommitted changes' : ''}\n` : '\n';
  out += `load average ${e.loadAverage.start} at the start, ${e.loadAverage.end} at the end (figures vary with load; compare runs on a quiet machine)\n`;
  out += `peak memory: ${r.peakMemoryMethod ?? 'not measured'}; MB = 10^6 bytes, MiB = 2^20 bytes\n\n`;

  out += `Corpus  seed ${c.seed}, digest ${c.digest}, generated in ${c.generateSeconds} s${c.dir ? ` → ${c.dir}` : ''}\n`;
  out += row('HTML', `${c.html.pages} pages (${c.html.gbkPages} GBK), ${mib(c.html.bytes)}; per page ${kib(c.html.pageBytes.min)} min / ${kib(c.html.pageBytes.median)} median / ${kib(c.html.pageBytes.max)} max`);
  out += row('text', `${c.text.files} file${c.text.files === 1 ? '' : 's'}, ${mib(c.text.bytes)}`);
  const rec = c.warc.records;
  out += row('WARC', `${c.warc.file}: ${rec.warcinfo} warcinfo, ${rec.request} request, ${rec.response} response records; ${mib(c.warc.bytes)} gzipped, ${mib(c.warc.payloadBytes)} of pages`);
  const v = c.visibleText;
  out += row('visible text', v == null ? 'n/a'
    : `${pct(v.share)} of the HTML's bytes (per page ${pct(v.pageMin, 0)}–${pct(v.pageMax, 0)}, median ${pct(v.pageMedian)}; ${v.pages} pages through adscan's extract())`);
  out += '\n';

  out += `Throughput  ${r.throughputCommand}\n`;
  const cols = ['run', 'docs', 'MB', 'wall s', 'CPU s', 'MB/s', 'MiB/s', 'docs/s', 'peak RSS', 'net MB/s'];
  const widths = [20, 6, 8, 7, 7, 7, 7, 7, 10, 9];
  const line = (cells) => `  ${cells.map((x, i) => (i === 0 ? String(x).padEnd(widths[i]) : String(x).padStart(widths[i]))).join(' ')}\n`;
  out += line(cols);
  for (const t of r.throughput) {
    if (t.skipped) {
      out += `  ${t.label.padEnd(widths[0])} ${t.skipped}\n`;
      continue;
    }
    out += line([
      t.label, t.documents, (t.bytes / MB).toFixed(2), num(t.wallSeconds), num(t.cpuSeconds), num(t.MBps), num(t.MiBps), num(t.docsPerSecond),
      t.peakRssMiB == null ? 'n/a' : `${t.peakRssMiB} MiB`, num(t.startupExcluded?.MBps),
    ]);
  }
  const sp = r.speedup;
  out += row('speed-up', sp.skipped ? sp.skipped : `--jobs 2 / --jobs 1 = ${sp.wall}× wall${sp.startupExcluded != null ? `, ${sp.startupExcluded}× with start-up excluded` : ''}`);
  const ce = r.twoWayCeiling;
  if (ce) out += row('2-way ceiling', `two independent --jobs 1 processes on the two halves at once: ${ce.wallSeconds} s, ${ce.speedUp}× the --jobs 1 run (what this machine gives two processes)${ce.vsJobs2 == null ? '' : `; --jobs 2 reaches ${ce.vsJobs2} of it`}`);
  for (const t of r.throughput.filter((x) => !x.skipped && x.exitCode != null)) {
    const sev = t.bySeverity ? ` (${t.bySeverity.error} error, ${t.bySeverity.warning} warning, ${t.bySeverity.info} info)` : '';
    const docs = t.documentsInReport == null ? 'report n/a'
      : `${t.documentsInReport} of ${t.documents} documents in the report ${t.allDocumentsReported ? '✓' : '✗'}, ${t.failedDocuments} failed`;
    out += row(t.label, `exit ${t.exitCode}; ${num(t.findings)} findings${sev}, ${num(t.suppressed)} suppressed; ${docs}; CPU/wall ${num(t.cpuPerWall)}`);
  }
  out += '  (net MB/s: wall time minus the start-up median below; "all" counts the WARC\'s pages uncompressed)\n\n';

  const st = r.startup;
  const stLine = (k, label) => (st[k]?.skipped ? `${label} ${st[k].skipped}` : `${label} ${num(st[k]?.medianMs, ' ms')}`);
  out += `Start-up  one short file, the same command, median of ${st.default?.runsMs?.length ?? 'n/a'} runs: ${stLine('jobs1', '--jobs 1')}; ${stLine('jobs2', '--jobs 2')}; ${stLine('default', 'default jobs')}\n\n`;

  const lat = r.latency;
  out += `Latency of one short ad (${lat.file.runsMs.length} run${lat.file.runsMs.length === 1 ? '' : 's'} after 1 warm-up; target ≤ ${LATENCY_TARGET_MS} ms median)\n`;
  for (const [label, l] of [['file', lat.file], ['stdin', lat.stdin]]) {
    const verdict = l.withinTarget == null ? 'n/a' : l.withinTarget ? 'within target' : 'OVER target';
    out += row(label, `median ${num(l.medianMs, ' ms')} (${verdict}), min ${num(l.minMs, ' ms')}; runs ${l.runsMs.join(' ')}; exit ${l.exitCodes.join(',')}; peak RSS ${num(l.peakRssMiB, ' MiB')}`);
  }
  out += '\n';

  const s = r.stages;
  if (s) {
    out += `Stage shares  in-process, one pass over ${s.sample.files} files (${s.sample.html} HTML, ${s.sample.text} text, ${s.sample.MiB} MiB) of the same corpus\n`;
    out += `  ${'stage'.padEnd(10)} ${'CPU ms'.padStart(8)} ${'share'.padStart(6)} ${'wall ms'.padStart(8)} ${'share'.padStart(6)} ${'MB/s'.padStart(8)}\n`;
    for (const [name, x] of Object.entries(s.stages)) {
      out += `  ${name.padEnd(10)} ${String(x.cpuMs).padStart(8)} ${pct(x.share).padStart(6)} ${String(x.wallMs).padStart(8)} ${pct(x.wallShare).padStart(6)} ${num(x.MBps).padStart(8)}\n`;
    }
    out += `  ${'total'.padEnd(10)} ${String(s.total.cpuMs).padStart(8)} ${''.padStart(6)} ${String(s.total.wallMs).padStart(8)} ${''.padStart(6)} ${num(s.total.MBps).padStart(8)}\n`;
    out += '  (share of CPU time; MB/s per CPU second of the stage; other = fingerprints, inline directives, SHA-256)\n';
    out += `  not in the shares: reading ${s.setup.readMs} ms, imports + rules ${s.setup.rulesMs} ms, warm-up (dictionary) ${s.setup.warmUpMs} ms\n`;
    if (s.normaliseStepsCpuMs) out += `  normalise per step (CPU ms, approximate): ${Object.entries(s.normaliseStepsCpuMs).map(([k, x]) => `${k} ${x}`).join(', ')}\n`;
    out += '\n';
  }

  const tg = r.targets;
  const verdict = (t) => (t.met == null ? 'n/a' : t.met ? 'met' : 'NOT met');
  out += 'Issue #6 targets (judge them on a quiet machine)\n';
  out += row('--jobs 1 HTML', `${num(tg.jobs1MBps.value, ' MB/s')} (${tg.jobs1MBps.target}): ${verdict(tg.jobs1MBps)}`);
  out += row('--jobs 2 / 1', `${num(tg.speedup.value, '×')} (${tg.speedup.target}): ${verdict(tg.speedup)}`);
  out += row('peak RSS', `${num(tg.peakRss.value, ' MB')} on ${tg.peakRss.corpusMB} MB (${tg.peakRss.target}): ${tg.peakRss.conclusive ? verdict(tg.peakRss) : 'not judged at this size — run with --mb 1024'}`);
  out += row('no page lost', verdict(tg.noDocumentLost));

  if (r.warnings.length) out += `\nWarnings:\n${r.warnings.map((w) => `  - ${w}`).join('\n')}\n`;
  if (r.problems.length) out += `\nPROBLEMS (exit code 1):\n${r.problems.map((p) => `  - ${p.replace(/\n/g, '\n    ')}`).join('\n')}\n`;
  out += '\n';
  return out;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`bench: internal error: ${err.stack ?? err}\n`);
    process.exitCode = 2;
  },
);
