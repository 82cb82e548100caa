#!/usr/bin/env node
// Benchmarks the built CLI as a user runs it (a child `node bin/adscan` process):
//   1. throughput and peak memory scanning a generated, seeded corpus (~20 MiB by default);
//   2. latency of scanning one short ad, from a file and from stdin.
// Timings are reported, never judged: the exit code is non-zero only when the CLI crashed
// (exit code other than 0/1, signal, timeout) or its JSON report could not be parsed.
// Run `npm run build` first; `npm run bench -- --help` lists the flags.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from './bench/corpus.mjs';
import { detectRssMethod, killActive, RSS_METHOD_LABEL, runNode } from './bench/child.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(repoRoot, 'bin', 'adscan');
const SHORT_AD = join(repoRoot, 'fixtures', 'ads', 'text', 'psoriasis-hospital.txt');
const LATENCY_TARGET_MS = 500;
const MiB = 1024 * 1024;

const USAGE = `usage: npm run bench -- [--mb N] [--seed N] [--runs N] [--json] [--keep] [--rss auto|time|preload|none]

  --mb N      size of the generated corpus in MiB (default 20)
  --seed N    corpus seed; the same seed and size give byte-identical corpora (default 1)
  --runs N    timed runs of the short-ad latency checks, after one warm-up (default 5)
  --json      print the figures as one JSON object instead of tables
  --keep      keep the temporary directory (corpus and report) and print its path
  --rss M     how peak memory is measured: /usr/bin/time -v, a --import preload, or not
              at all (default auto: /usr/bin/time when it works, else the preload)

Exits 1 only if the CLI crashed (exit code not 0/1, killed, timed out) or its JSON report
did not parse; 2 on bad usage or a missing build. Progress goes to stderr.`;

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      mb: { type: 'string', default: '20' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '5' },
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
  if (!(mb > 0 && mb <= 4096)) throw new Error(`--mb: expected a size in MiB (0 < N ≤ 4096), got "${values.mb}"`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed: expected a whole number, got "${values.seed}"`);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new Error(`--runs: expected 1–100, got "${values.runs}"`);
  if (!['auto', 'time', 'preload', 'none'].includes(values.rss)) throw new Error(`--rss: expected auto, time, preload or none, got "${values.rss}"`);
  return { ...values, mb, seed, runs };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 2) => (x == null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
const kbToMiB = (kb) => (kb == null ? null : round(kb / 1024, 1));
const progress = (msg) => process.stderr.write(`bench: ${msg}\n`);

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

const tail = (s, n = 12) => s.trim().split('\n').slice(-n).join('\n');

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
    ...gitDescribe(),
  };

  // ---- corpus ------------------------------------------------------------------------
  const corpusDir = join(tmp, 'corpus');
  progress(`generating a ${opts.mb} MiB corpus (seed ${opts.seed}) in ${corpusDir}`);
  const genStart = performance.now();
  const corpus = buildCorpus({ repoRoot, dir: corpusDir, totalBytes: Math.round(opts.mb * MiB), seed: opts.seed });
  const genSeconds = (performance.now() - genStart) / 1000;
  const sizes = corpus.files.map((f) => f.bytes).sort((a, b) => a - b);
  const count = (kind) => corpus.files.filter((f) => f.kind === kind).length;
  const corpusInfo = {
    seed: opts.seed,
    targetMiB: opts.mb,
    files: corpus.files.length,
    txt: count('txt'),
    html: count('html'),
    gbkHtml: count('gbk-html'),
    bytes: corpus.bytes,
    MiB: round(corpus.bytes / MiB, 2),
    minBytes: sizes[0],
    medianBytes: median(sizes),
    maxBytes: sizes.at(-1),
    digest: corpus.digest,
    generateSeconds: round(genSeconds, 2),
    dir: opts.keep ? corpusDir : null,
  };

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
      peakRssMiB: rssKbs.length ? kbToMiB(Math.max(...rssKbs)) : null,
    };
  };
  const latencyFile = await latencyCase('file', [BIN, 'scan', shortRel, '--no-color']);
  const latencyStdin = await latencyCase('stdin', [BIN, 'scan', '-', '--no-color'], shortAd);

  // ---- start-up cost: the same JSON command on one short file --------------------------
  const STARTUP_RUNS = 3;
  const tinyWalls = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    progress(`start-up baseline run ${i + 1}/${STARTUP_RUNS} (1 short file, JSON to -o)`);
    const run = await runNode(
      [BIN, 'scan', shortRel, '--format', 'json', '-o', join(tmp, 'tiny.json'), '--fail-on', 'never'],
      { cwd: repoRoot, tmp, rss, timeoutMs: 60_000 },
    );
    const crash = crashOf(run);
    if (crash) {
      problems.push(`start-up baseline: CLI crashed: ${crash}\n${tail(run.stderr)}`);
      break;
    }
    tinyWalls.push(run.wallMs);
  }
  const startupMs = tinyWalls.length ? median(tinyWalls) : null;

  // ---- throughput: the whole corpus ---------------------------------------------------
  const outJson = join(tmp, 'out.json');
  const bigArgs = [BIN, 'scan', corpusDir, '--format', 'json', '-o', outJson, '--fail-on', 'never'];
  progress(`scanning the corpus: ${corpusInfo.files} files, ${corpusInfo.MiB} MiB (this is the long part)`);
  const big = await runNode(bigArgs, { cwd: repoRoot, tmp, rss, timeoutMs: 600_000 + opts.mb * 30_000 });
  const bigCrash = crashOf(big);
  const wallS = big.wallMs / 1000;
  const throughput = {
    command: 'node bin/adscan scan <corpus> --format json -o <tmp>/out.json --fail-on never',
    exitCode: big.code,
    wallSeconds: round(wallS, 2),
    MiBPerSecond: round(corpus.bytes / MiB / wallS, 3),
    docsPerSecond: round(corpus.files.length / wallS, 1),
    startupExcluded: null,
    peakRssMiB: kbToMiB(big.maxRssKb),
    cpuUserSeconds: round(big.userS, 2),
    cpuSystemSeconds: round(big.sysS, 2),
    findings: null,
    suppressed: null,
    failedDocuments: null,
    bySeverity: null,
    documentsInReport: null,
    documentsMatchCorpus: null,
    reportBytes: null,
  };
  if (startupMs != null) {
    const netS = wallS - startupMs / 1000;
    throughput.startupExcluded = {
      method: `wall time minus the median wall time of ${tinyWalls.length} one-short-file runs of the same command`,
      startupSeconds: round(startupMs / 1000, 3),
      netSeconds: round(netS, 2),
      MiBPerSecond: netS > 0 ? round(corpus.bytes / MiB / netS, 3) : null,
      docsPerSecond: netS > 0 ? round(corpus.files.length / netS, 1) : null,
    };
  }
  if (bigCrash) {
    problems.push(`throughput: CLI crashed: ${bigCrash}\n${tail(big.stderr)}`);
  } else {
    if (big.code !== 0) warnings.push(`throughput: exit code ${big.code} despite --fail-on never`);
    let report = null;
    try {
      throughput.reportBytes = statSync(outJson).size;
      report = JSON.parse(readFileSync(outJson, 'utf8'));
    } catch (err) {
      problems.push(`throughput: the JSON report ${existsSync(outJson) ? 'does not parse' : 'was not written'}: ${err.message}`);
    }
    const s = report?.summary;
    if (report && (typeof s !== 'object' || s === null || typeof s.documents !== 'number')) {
      problems.push('throughput: the JSON report has no summary.documents');
    } else if (s) {
      throughput.findings = s.findings;
      throughput.suppressed = s.suppressed;
      throughput.failedDocuments = s.failed;
      throughput.bySeverity = s.bySeverity;
      throughput.documentsInReport = s.documents;
      throughput.documentsMatchCorpus = s.documents === corpus.files.length;
      if (!throughput.documentsMatchCorpus) {
        warnings.push(`throughput: report lists ${s.documents} documents but the corpus has ${corpus.files.length} files`);
      }
      if (s.failed) warnings.push(`throughput: ${s.failed} corpus document(s) failed to read/scan`);
      if (!s.findings) warnings.push('throughput: no findings on an ad corpus — suspicious');
    }
  }

  // ---- normalisation's share of scan time (in-process, on the same generator) -----------
  let normalization = null;
  progress('measuring normalisation\'s share of scan time');
  try {
    const mb = String(Math.min(opts.mb, 5));
    const out = execFileSync(process.execPath, [join(repoRoot, 'scripts', 'bench', 'normalize-share.mjs'), '--mb', mb, '--seed', String(opts.seed), '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 600_000,
    });
    normalization = JSON.parse(out);
  } catch (err) {
    warnings.push(`normalisation share: could not be measured: ${err.message.split('\n')[0]}`);
  }

  const result = {
    environment: env,
    build: { built: true, staleWarning },
    peakMemoryMethod: rss === 'none' ? null : RSS_METHOD_LABEL[rss],
    corpus: corpusInfo,
    throughput,
    latency: { file: latencyFile, stdin: latencyStdin },
    normalization,
    warnings,
    problems,
    ok: problems.length === 0,
  };

  if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(table(result));
  return problems.length ? 1 : 0;
}

function table(r) {
  const { corpus: c, throughput: t, latency } = r;
  const e = r.environment;
  const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
  const num = (x, unit = '') => (x == null ? 'n/a' : `${x}${unit}`);
  const row = (label, value) => `  ${label.padEnd(30)} ${value}\n`;
  let out = '\n';
  out += `adscan bench — node ${e.node}, ${e.platform}, ${e.cpus} CPU(s)${e.cpuModel ? ` (${e.cpuModel})` : ''}`;
  out += e.commit ? `, commit ${e.commit}${e.dirty ? ' + uncommitted changes' : ''}\n` : '\n';
  out += `peak memory: ${r.peakMemoryMethod ?? 'not measured'}; MiB = 2^20 bytes\n\n`;

  out += `Corpus  seed ${c.seed}, digest ${c.digest}, generated in ${c.generateSeconds} s\n`;
  out += row('files', `${c.files} (${c.txt} .txt, ${c.html} .html, ${c.gbkHtml} GBK .html)`);
  out += row('size', `${c.MiB} MiB (${c.bytes} bytes); per file ${kb(c.minBytes)} min / ${kb(c.medianBytes)} median / ${kb(c.maxBytes)} max`);
  out += '\n';

  out += `Throughput  ${t.command}\n`;
  out += row('exit code', num(t.exitCode));
  out += row('wall time', `${num(t.wallSeconds)} s`);
  out += row('rate, start-up included', `${num(t.MiBPerSecond)} MiB/s, ${num(t.docsPerSecond)} docs/s`);
  if (t.startupExcluded) {
    const x = t.startupExcluded;
    out += row('rate, start-up excluded (*)', `${num(x.MiBPerSecond)} MiB/s, ${num(x.docsPerSecond)} docs/s (${x.netSeconds} s after ${x.startupSeconds} s start-up)`);
  }
  out += row('peak RSS', `${num(t.peakRssMiB, ' MiB')}`);
  out += row('CPU time', t.cpuUserSeconds == null ? 'n/a' : `${t.cpuUserSeconds} s user + ${t.cpuSystemSeconds} s sys`);
  const sev = t.bySeverity ? ` (${t.bySeverity.error} error, ${t.bySeverity.warning} warning, ${t.bySeverity.info} info)` : '';
  out += row('findings', `${num(t.findings)}${sev}; ${num(t.suppressed)} suppressed`);
  out += row('documents in report', t.documentsInReport == null ? 'n/a'
    : `${t.documentsInReport} ${t.documentsMatchCorpus ? '=' : '≠'} ${c.files} corpus files${t.documentsMatchCorpus ? ' ✓' : ' ✗'}; ${t.failedDocuments} failed`);
  out += row('report size', t.reportBytes == null ? 'n/a' : `${(t.reportBytes / MiB).toFixed(1)} MiB of JSON`);
  if (t.startupExcluded) out += `  (*) ${t.startupExcluded.method}\n`;
  out += '\n';

  out += `Latency of one short ad (${latency.file.runsMs.length} runs after 1 warm-up; target ≤ ${LATENCY_TARGET_MS} ms median)\n`;
  for (const [label, l] of [['file', latency.file], ['stdin', latency.stdin]]) {
    out += `  ${label}: ${l.command}\n`;
    out += row('  runs (ms)', `${l.runsMs.join('  ')}   (warm-up ${l.warmupMs})`);
    const verdict = l.withinTarget == null ? 'n/a' : l.withinTarget ? 'within target' : 'OVER target';
    out += row('  median', `${num(l.medianMs, ' ms')} — ${verdict}; min ${num(l.minMs, ' ms')}`);
    out += row('  exit code(s)', `${l.exitCodes.join(', ')} (1 expected: findings)`);
    out += row('  peak RSS', num(l.peakRssMiB, ' MiB'));
  }

  const n = r.normalization;
  if (n) {
    out += `\nNormalisation (in-process, ${n.corpus.MiB} MiB of the same corpus, one pass)\n`;
    out += row('share of scan time', `${(n.normalizeShareOfScan * 100).toFixed(1)}% (${n.normalizeMs} ms of ${n.scanMs} ms; extraction ${n.extractMs} ms)`);
    out += row('rate', `${n.normalizeMiBPerSecond} MiB/s`);
    out += row('per step (ms)', Object.entries(n.stepsMs).map(([k, v]) => `${k} ${v}`).join(', '));
  }

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
