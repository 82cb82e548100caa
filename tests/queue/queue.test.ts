// Distributed scanning end to end: a private redis-server, the built CLI as `queue add`,
// `worker` (two processes, one SIGKILLed part-way), `queue status` and `queue report`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, assertBuilt, BIN, runCli } from '../cli/helpers.js';
import { writeCorpus } from './corpus.js';
import { skipQueueTests, startRedis, type RedisServer } from './redis.js';

interface Doc {
  uri: string;
  error: string | null;
  findings: { ruleId: string; start: { offset: number }; end: { offset: number } }[];
  fetch?: { attempts?: number };
  rulesHash?: string;
}
interface Report {
  summary: { documents: number; failed: number };
  documents: Doc[];
}

/** What must agree between a local scan and the queue's report: rule ids and spans per document. */
function findingsByUri(docs: Doc[]): Map<string, string> {
  return new Map(docs.map((d) => [d.uri, d.findings.map((f) => `${f.ruleId}@${f.start.offset}-${f.end.offset}`).sort().join(' ')]));
}

/** A long-running CLI process (a worker), with its output collected. */
function spawnCli(args: string[], cwd: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const err: Buffer[] = [];
  child.stderr!.on('data', (b: Buffer) => err.push(b));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr: Buffer.concat(err).toString('utf8') }));
  });
  return { child, done };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(skipQueueTests)('queue and workers on Redis', () => {
  let redis: RedisServer;
  let dir: string;
  const q = (name: string) => ['--redis', redis.url, '--queue', name];
  /** Counts straight from BullMQ's keys, without starting a CLI. */
  const finished = async (name: string) =>
    (await redis.client.zcard(`adscan:${name}:completed`)) + (await redis.client.zcard(`adscan:${name}:failed`));

  beforeAll(async () => {
    assertBuilt();
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), 'adscan-queue-'));
  }, 20_000);

  afterAll(async () => {
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('scans every document exactly once, with the findings of a local scan, though a worker is SIGKILLed', async () => {
    const COUNT = 300;
    const files = writeCorpus(join(dir, 'corpus'), COUNT);
    // Redis memory per queued document, measured after BullMQ's scripts are loaded (by another queue).
    writeFileSync(join(dir, 'warm.txt'), '今天天气很好。\n');
    expect((await runCli(['queue', 'add', ...q('warm-up'), 'warm.txt'], { cwd: dir })).code).toBe(0);
    const before = Number(/used_memory:(\d+)/.exec(await redis.client.info('memory'))![1]);
    const add = await runCli(['queue', 'add', ...q('e2e'), '--as-of', AS_OF, 'corpus'], { cwd: dir });
    expect(add.stderr).toContain(`queued ${COUNT} documents`);
    expect(add.code).toBe(0);
    const after = Number(/used_memory:(\d+)/.exec(await redis.client.info('memory'))![1]);
    // References, not documents: a queued file costs about a kilobyte of Redis (job hash, id sets).
    expect((after - before) / COUNT).toBeLessThan(1536);

    // Enqueuing again (another spelling of the same directory, a file inside it) adds nothing.
    const again = await runCli(['queue', 'add', ...q('e2e'), '--as-of', AS_OF, './corpus/', `corpus/${files[0]!.rel}`], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('queued 0 documents');
    expect(await redis.client.llen('adscan:e2e:wait')).toBe(COUNT);

    const workerArgs = ['worker', ...q('e2e'), '--stall-interval', '1000'];
    const doomed = spawnCli([...workerArgs, '--concurrency', '4'], dir);
    const survivor = spawnCli([...workerArgs, '--concurrency', '2', '--until-empty'], dir);
    // SIGKILL one worker part-way: what it held must stall back to the queue, not be lost.
    await until('a third of the documents', async () => (await finished('e2e')) >= COUNT / 3);
    const activeAtKill = await redis.client.llen('adscan:e2e:active');
    doomed.child.kill('SIGKILL');
    const killed = await doomed.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(await finished('e2e')).toBeLessThan(COUNT);

    const status = await runCli(['queue', 'status', ...q('e2e'), '--json'], { cwd: dir });
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as { waiting: number; active: number; completed: number };
    expect(s.completed).toBeGreaterThan(0);

    const end = await survivor.done;
    expect(end.stderr).toContain('stopped');
    expect(end.code).toBe(0);
    // The killed worker held jobs; the survivor found them stalled and scanned them again.
    expect(activeAtKill).toBeGreaterThan(0);
    expect(end.stderr).toMatch(/job [0-9a-f]{32} stalled/);

    const reportRun = await runCli(['queue', 'report', ...q('e2e'), '-f', 'json', '-o', 'queue-report.json'], { cwd: dir, timeoutMs: 30_000 });
    expect(reportRun.stderr).toContain(`reported ${COUNT} documents`);
    expect([0, 1]).toContain(reportRun.code);
    const report = JSON.parse(readFileSync(join(dir, 'queue-report.json'), 'utf8')) as Report;

    const local = await runCli(['scan', '-f', 'json', '--fail-on', 'never', 'corpus'], { cwd: dir, timeoutMs: 60_000 });
    expect(local.code).toBe(0);
    const scanned = JSON.parse(local.stdout) as Report;
    expect(scanned.documents).toHaveLength(COUNT);

    // Every document exactly once, none failed, the same findings at the same places.
    const uris = report.documents.map((d) => d.uri);
    expect(new Set(uris).size).toBe(uris.length);
    expect(uris.length).toBe(COUNT);
    expect(report.summary.failed).toBe(0);
    const expected = findingsByUri(scanned.documents);
    const got = findingsByUri(report.documents);
    const differing = [...expected].filter(([uri, f]) => got.get(uri) !== f).map(([uri, f]) => ({ uri, local: f, queue: got.get(uri) }));
    expect(differing).toEqual([]);
    // Reported in the order they were enqueued (the order a local scan reads them).
    expect(uris).toEqual(scanned.documents.map((d) => d.uri));
    expect(report.documents.filter((d) => d.findings.length > 0).length).toBeGreaterThan(COUNT / 2);
    expect(new Set(report.documents.map((d) => d.rulesHash)).size).toBe(1);

    // The report consumed the results; the documents stay known, so enqueuing again adds nothing.
    expect(await finished('e2e')).toBe(0);
    const third = await runCli(['queue', 'add', ...q('e2e'), '--as-of', AS_OF, 'corpus'], { cwd: dir });
    expect(third.stderr).toContain(`queued 0 documents on "e2e", ${COUNT} already queued`);
  }, 90_000);

  it('refuses to start a worker whose rules differ from the queue\'s (exit 2)', async () => {
    writeFileSync(join(dir, 'one.txt'), '本院专治牛皮癣，保证治愈。\n');
    const add = await runCli(['queue', 'add', ...q('rules'), 'one.txt'], { cwd: dir });
    expect(add.code).toBe(0);
    const worker = await runCli(['worker', ...q('rules'), '--no-builtin-rules', '--rules', join(import.meta.dirname, '..', '..', 'rules', 'packs', 'efficacy.yaml'), '--until-empty'], { cwd: dir });
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/worker refuses to start: queue "rules" was filled for rule set [0-9a-f]{16}.*but these rules are [0-9a-f]{16}/);
    // Nothing was taken from the queue.
    expect(await redis.client.llen('adscan:rules:wait')).toBe(1);
    // And `queue add` with other rules is refused the same way.
    const other = await runCli(['queue', 'add', ...q('rules'), '--no-builtin-rules', '--rules', join(import.meta.dirname, '..', '..', 'rules', 'packs', 'efficacy.yaml'), 'one.txt'], { cwd: dir });
    expect(other.code).toBe(2);
  }, 30_000);

  it('leaves results in Redis packed, and reports one it cannot read as a failed document', async () => {
    writeFileSync(join(dir, 'p1.txt'), '本院专治牛皮癣，保证治愈，有效率高达98%。\n');
    writeFileSync(join(dir, 'p2.txt'), '本院治疗白癜风，药到病除，无效退款。\n');
    expect((await runCli(['queue', 'add', ...q('codec'), '--as-of', AS_OF, 'p1.txt', 'p2.txt'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['worker', ...q('codec'), '--until-empty'], { cwd: dir })).code).toBe(0);
    const ids = await redis.client.zrange('adscan:codec:completed', 0, -1);
    expect(ids).toHaveLength(2);
    const stored = await Promise.all(ids.map((id) => redis.client.hget(`adscan:codec:${id}`, 'returnvalue')));
    for (const value of stored) expect(JSON.parse(value!)).toMatchObject({ v: 1, z: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) });
    // Damage one stored result: the report goes on and says which document it lost.
    await redis.client.hset(`adscan:codec:${ids[0]}`, 'returnvalue', JSON.stringify({ v: 1, z: 'AAAA' }));
    const report = await runCli(['queue', 'report', ...q('codec'), '-f', 'json'], { cwd: dir });
    const docs = (JSON.parse(report.stdout) as Report).documents;
    expect(docs).toHaveLength(2);
    const lost = docs.filter((d) => d.error !== null);
    expect(lost.map((d) => d.error)).toEqual(['the result the worker left in Redis could not be read']);
    const kept = docs.find((d) => d.error === null)!;
    expect(kept.findings.length).toBeGreaterThan(0);
  }, 30_000);

  describe('fetching', () => {
    let server: Server;
    let base: string;
    const hits = new Map<string, number>();

    beforeAll(async () => {
      server = createServer((req, res) => {
        hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
        if (req.url === '/broken') {
          res.writeHead(500, { 'content-type': 'text/plain' }).end('oops');
        } else if (req.url === '/gone') {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('no');
        } else {
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('本院专治白癜风，保证治愈，无效退款。');
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const address = server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('retries a failing fetch with backoff, then reports it as a failed document with its cause', async () => {
      writeFileSync(join(dir, 'urls.txt'), `# today\n${base}/ad\n${base}/broken\n${base}/gone\n${base}/ad\nnot a url\n`);
      const add = await runCli(['queue', 'add', ...q('fetch'), '--url-list', 'urls.txt', '--attempts', '3', '--backoff', '50'], { cwd: dir });
      expect(add.code).toBe(0);
      expect(add.stderr).toContain('queued 4 documents');
      const worker = await runCli(['worker', ...q('fetch'), '--until-empty', '--stall-interval', '1000'], { cwd: dir, timeoutMs: 30_000 });
      expect(worker.code).toBe(0);

      const report = await runCli(['queue', 'report', ...q('fetch'), '-f', 'jsonl'], { cwd: dir });
      const lines = report.stdout.trim().split('\n').map((l) => JSON.parse(l) as Doc & { summary?: { documents: number; failed: number } });
      const docs = new Map(lines.filter((l) => l.uri !== undefined).map((l) => [l.uri, l]));
      expect(docs.size).toBe(4);
      expect(docs.get(`${base}/ad`)!.findings.map((f) => f.ruleId)).toContain('efficacy/cure-guarantee-promise');
      expect(docs.get(`${base}/broken`)!.error).toMatch(/HTTP 500/);
      expect(docs.get(`${base}/broken`)!.fetch?.attempts).toBe(3);
      expect(docs.get(`${base}/gone`)!.error).toMatch(/HTTP 404/);
      expect(docs.get('urls.txt:6')!.error).toMatch(/not an http\(s\) URL/);
      // 500 is retried by the queue (attempts), 404 is not; a URL listed twice is fetched once.
      expect(hits.get('/broken')).toBe(3);
      expect(hits.get('/gone')).toBe(1);
      expect(hits.get('/ad')).toBe(1);
      expect(lines.at(-1)!.summary).toMatchObject({ documents: 4, failed: 3 });
    }, 45_000);
  });

  it('stops cleanly on SIGTERM, and says so when Redis cannot be reached', async () => {
    writeFileSync(join(dir, 'two.txt'), '今天天气很好。\n');
    expect((await runCli(['queue', 'add', ...q('term'), 'two.txt'], { cwd: dir })).code).toBe(0);
    const worker = spawnCli(['worker', ...q('term')], dir);
    await until('the document', async () => (await finished('term')) === 1, 20_000);
    worker.child.kill('SIGTERM');
    const end = await worker.done;
    expect(end.code).toBe(0);
    expect(end.stderr).toContain('SIGTERM');
    expect(end.stderr).toContain('stopped: 1 scanned');

    const drained = await runCli(['queue', 'drain', ...q('term')], { cwd: dir });
    expect(drained.code).toBe(0);
    expect(JSON.parse(drained.stdout).uri).toBe('two.txt');
    expect(await finished('term')).toBe(0);

    const down = await runCli(['queue', 'status', '--redis', 'redis://127.0.0.1:1', '--queue', 'x']);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('cannot connect to Redis at redis://127.0.0.1:1');
  }, 30_000);
});
