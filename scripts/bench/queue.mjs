#!/usr/bin/env node
// Distributed-scanning benchmark (issue #7): documents/s with 1 and with 2 `adscan worker`
// processes on one machine, and Redis memory per queued and per finished document.
// Starts its own redis-server (Debian's) on a free loopback port in a temporary directory,
// scans HTML pages of the bench corpus generator, prints a table (or --json).
//   node scripts/bench/queue.mjs [--mb N] [--seed N] [--rounds N] [--json]
// With --rounds N, 1- and 2-worker runs alternate, in both orders (1 2, 2 1, …), so that a
// machine whose speed drifts favours neither; each pair's speed-up and their median print.
// Needs `npm run build` and redis-server on PATH.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { buildCorpus } from './corpus.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(repoRoot, 'bin', 'adscan');
const { values } = parseArgs({
  options: { mb: { type: 'string', default: '20' }, seed: { type: 'string', default: '3' }, rounds: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
});
const ROUNDS = Math.max(1, Math.floor(Number(values.rounds)) || 1);
const say = (m) => process.stderr.write(`queue-bench: ${m}\n`);

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const adscan = (args) =>
  new Promise((ok, fail) => {
    execFile(process.execPath, [BIN, ...args], { cwd: repoRoot, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      if (err && err.code !== 1) fail(new Error(`adscan ${args.join(' ')}: ${stderr || err.message}`));
      else ok(stdout);
    });
  });

async function redisInfoMemory(client) {
  return Number(/used_memory:(\d+)/.exec(await client.info('memory'))[1]);
}

/** CPU seconds (user + system) Redis has used since it started. */
async function redisCpuSeconds(client) {
  const info = await client.info('cpu');
  return Number(/used_cpu_user:([\d.]+)/.exec(info)[1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)[1]);
}

const TICKS = 100; // USER_HZ, the unit of /proc/<pid>/stat's times on Linux
/** CPU seconds (user + system) a live process has used, from /proc; NaN where there is no /proc. */
function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}

async function run(workers, redis, poller, queue, dir, documents) {
  say(`enqueueing ${documents} pages for ${workers} worker(s)`);
  await adscan(['queue', 'add', '--redis', redis, '--queue', queue, dir]);
  const redisCpuBefore = await redisCpuSeconds(poller);
  const started = performance.now();
  const procs = Array.from({ length: workers }, () =>
    spawn(process.execPath, [BIN, 'worker', '--redis', redis, '--queue', queue, '--concurrency', '2'], { cwd: repoRoot, stdio: 'ignore' }),
  );
  // Polled on one open connection, not with `adscan queue status` or redis-cli: starting a
  // process five times a second takes a few per cent of a core from the workers measured.
  // BullMQ keeps finished job ids in sorted sets.
  const finished = async () => (await Promise.all(['completed', 'failed'].map((set) => poller.zcard(`adscan:${queue}:${set}`)))).map(Number);
  let done;
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    done = await finished();
    if (done[0] + done[1] >= documents) break;
  }
  const seconds = (performance.now() - started) / 1000;
  // Read before the workers exit: their CPU, start-up included, and Redis's over the run.
  const workerCpu = procs.reduce((sum, p) => sum + processCpuSeconds(p.pid), 0);
  const redisCpu = (await redisCpuSeconds(poller)) - redisCpuBefore;
  const status = JSON.parse(await adscan(['queue', 'status', '--redis', redis, '--queue', queue, '--json']));
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r() : p.once('exit', r)))));
  return {
    workers,
    documents,
    seconds,
    docsPerSecond: documents / seconds,
    failed: status.failed,
    workerCpuSeconds: Number(workerCpu.toFixed(1)),
    redisCpuSeconds: Number(redisCpu.toFixed(1)),
  };
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'adscan-queue-bench-'));
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmp], { stdio: 'ignore' });
  const redis = `redis://127.0.0.1:${port}`;
  let poller;
  try {
    await new Promise((r) => setTimeout(r, 500));
    poller = new Redis(port, '127.0.0.1', { lazyConnect: true });
    await poller.connect();
    const corpus = buildCorpus({ repoRoot, dir: join(tmp, 'corpus'), htmlBytes: Number(values.mb) * 1024 * 1024, seed: Number(values.seed), textShare: 0, warcShare: 0 });
    const dir = corpus.html.dir;
    const documents = corpus.html.files.length;
    // Warm-up: page cache, and the workers' first compile of everything.
    const before = await redisInfoMemory(poller);
    await adscan(['queue', 'add', '--redis', redis, '--queue', 'memory', dir]);
    const queued = await redisInfoMemory(poller);
    // Each run has a queue of its own; the first round's 1-worker run measures Redis memory.
    const pairs = [];
    let finished = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const pair = {};
      for (const workers of round % 2 === 1 ? [1, 2] : [2, 1]) {
        pair[workers] = await run(workers, redis, poller, `r${round}-w${workers}`, dir, documents);
        if (round === 1 && workers === 1) finished = await redisInfoMemory(poller);
      }
      pairs.push({ round, oneWorker: pair[1], twoWorkers: pair[2], speedUp: pair[2].docsPerSecond / pair[1].docsPerSecond });
    }
    const ratios = pairs.map((p) => p.speedUp).sort((a, b) => a - b);
    const median = ratios.length % 2 ? ratios[(ratios.length - 1) / 2] : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
    const result = {
      corpus: { documents, MiB: Number((corpus.html.bytes / 1048576).toFixed(1)) },
      oneWorker: pairs[0].oneWorker,
      twoWorkers: pairs[0].twoWorkers,
      rounds: pairs,
      speedUp: median,
      redisBytesPerQueuedDocument: Math.round((queued - before) / documents),
      redisBytesPerFinishedDocument: Math.round((finished - queued) / documents),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      process.stdout.write(`queue bench: ${documents} HTML pages, ${result.corpus.MiB} MiB, workers with --concurrency 2\n`);
      for (const p of pairs) {
        for (const r of [p.oneWorker, p.twoWorkers]) {
          process.stdout.write(`  ${ROUNDS > 1 ? `round ${p.round}: ` : ''}${r.workers} worker(s): ${r.seconds.toFixed(1)} s, ${r.docsPerSecond.toFixed(1)} docs/s, ${r.failed} failed; CPU: workers ${r.workerCpuSeconds} s, Redis ${r.redisCpuSeconds} s\n`);
        }
        if (ROUNDS > 1) process.stdout.write(`  round ${p.round}: speed-up 2/1 ${p.speedUp.toFixed(2)}×\n`);
      }
      process.stdout.write(`  speed-up 2/1${ROUNDS > 1 ? `, median of ${ROUNDS} rounds` : ''}: ${result.speedUp.toFixed(2)}×\n`);
      process.stdout.write(`  Redis memory: ${result.redisBytesPerQueuedDocument} B per queued document, ${result.redisBytesPerFinishedDocument} B per finished document awaiting its report\n`);
    }
  } finally {
    poller?.disconnect();
    server.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`queue-bench: ${err.stack ?? err}\n`);
  process.exit(1);
});
