// Batch scanning through the built CLI: --jobs 1 and --jobs 2 agree, a worker crash loses one
// document, identical content is scanned once, evidence fields, --quiet, and in-process runs
// leave no signal handlers behind.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { AS_OF, assertBuilt, ROOT, runCli, scanJson, TEXT_ADS, type JsonReport } from './helpers.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const CORPUS = ['fixtures/ads', 'fixtures/non-ads'];
/** Documents in fixtures/non-ads (each has its .expect.yaml beside it). */
const NON_ADS = readdirSync('fixtures/non-ads').filter((f) => !f.endsWith('.expect.yaml')).length;
const PSORIASIS = `${TEXT_ADS}/psoriasis-hospital.txt`;

type Scan = Awaited<ReturnType<typeof scanJson>>;
let temp: string;
let jobs1: Scan;
let jobs2: Scan;
let crashed: Scan;
beforeAll(async () => {
  assertBuilt();
  temp = mkdtempSync(join(tmpdir(), 'adscan-batch-'));
  [jobs1, jobs2, crashed] = await Promise.all([
    scanJson(['--jobs', '1', ...CORPUS]),
    scanJson(['--jobs', '2', ...CORPUS]),
    scanJson(['--jobs', '2', ...CORPUS], { env: { ADSCAN_TEST_CRASH_ON: 'psoriasis-hospital' } }),
  ]);
});
afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

type Evidence = { sha256?: string; rulesHash?: string; sameContentAs?: string; fetch?: unknown };
const evidence = (report: JsonReport) => report.documents as (JsonReport['documents'][number] & Evidence)[];

describe('--jobs', () => {
  it('--jobs 2 (worker threads) gives exactly the report of --jobs 1 (in-process), in input order', () => {
    expect(jobs1.code).toBe(1);
    expect(jobs2.code).toBe(1);
    expect(jobs2.stderr).toBe('');
    expect(jobs1.report.documents.length).toBeGreaterThan(10);
    // The JSON report has no timing fields: the whole text must match.
    expect(jobs2.stdout).toBe(jobs1.stdout);
    const uris = jobs1.report.documents.map((d) => d.uri);
    expect(uris).toEqual([...uris].sort());
  });

  it('every document carries the content hash of its bytes and the rule-set hash', () => {
    const docs = evidence(jobs1.report);
    const hashes = new Set(docs.map((d) => d.rulesHash));
    expect(hashes.size).toBe(1);
    expect([...hashes][0]).toMatch(/^[0-9a-f]{16}$/);
    for (const d of docs) {
      expect(d.sha256).toBe(createHash('sha256').update(readFileSync(join(ROOT, d.uri))).digest('hex'));
    }
  });

  it('rejects --jobs 0 and non-numbers (exit 2)', async () => {
    const runs = await Promise.all(['0', 'two', '-1'].map((bad) => runCli(['scan', '--jobs', bad, PSORIASIS])));
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--jobs: expected/);
    }
  });
});

describe('a worker that crashes', () => {
  it('loses only the document it was scanning: reported as failed with the cause, the rest scanned as usual', () => {
    const run = crashed;
    expect(run.code).toBe(1);
    const docs = evidence(run.report);
    expect(docs.map((d) => d.uri)).toEqual(jobs1.report.documents.map((d) => d.uri));
    const failed = docs.filter((d) => d.error !== null);
    expect(failed.map((d) => [d.uri, d.error])).toEqual([[PSORIASIS, 'worker crashed: exited with code 70']]);
    // What is known of the failed document is still there.
    expect(failed[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(failed[0]!.rulesHash).toBe(evidence(jobs1.report)[0]!.rulesHash);
    expect(run.report.summary.failed).toBe(1);
    // Every other document, including those after the crash, is exactly as in a clean run.
    const clean = jobs1.report.documents.filter((d) => d.uri !== PSORIASIS);
    expect(docs.filter((d) => d.uri !== PSORIASIS)).toEqual(clean);
  });
});

describe('workers that cannot start', () => {
  it('fail every document with the cause instead of hanging or exiting silently (exit 2)', async () => {
    // "<init>": a test-only hook that makes each worker die while it starts.
    const run = await scanJson(['--jobs', '2', 'fixtures/non-ads'], { env: { ADSCAN_TEST_CRASH_ON: '<init>' } });
    expect(run.code).toBe(2);
    expect(run.report.documents).toHaveLength(NON_ADS);
    for (const d of run.report.documents) expect(d.error).toMatch(/^worker crashed: (exited with code 70|no worker thread could start \(exited with code 70\))$/);
    expect(run.stderr).toBe('adscan: no input could be read\n');
  });
});

describe('identical content', () => {
  it('is scanned once and reported for every URI, each marked with the first URI that carried it', async () => {
    const dir = join(temp, 'dupes');
    mkdirSync(dir);
    copyFileSync(join(ROOT, PSORIASIS), join(dir, 'a.txt'));
    copyFileSync(join(ROOT, PSORIASIS), join(dir, 'b.txt'));
    copyFileSync(join(ROOT, PSORIASIS), join(dir, 'c.txt'));
    writeFileSync(join(dir, 'd.txt'), '本院专治牛皮癣，保证治愈。\n');
    // A worker handed b.txt or c.txt would crash: they are reported unharmed, so their bytes
    // never went to a worker — the result of a.txt was copied.
    const env = { ADSCAN_TEST_CRASH_ON: `${dir}/b.txt` };
    const [pooled, inProcess] = await Promise.all([scanJson(['--jobs', '2', dir], { env }), scanJson(['--jobs', '1', dir])]);
    for (const r of [pooled, inProcess]) {
      const [a, b, c, d] = evidence(r.report);
      expect([a, b, c, d].map((x) => x!.error)).toEqual([null, null, null, null]);
      expect(b!.uri).toBe(`${dir}/b.txt`);
      expect(b!.sameContentAs).toBe(`${dir}/a.txt`);
      expect(c!.sameContentAs).toBe(`${dir}/a.txt`);
      expect(a!.sameContentAs).toBeUndefined();
      expect(d!.sameContentAs).toBeUndefined();
      expect(b!.sha256).toBe(a!.sha256);
      const { uri: _a, ...restA } = a!;
      const { uri: _b, sameContentAs: _s, ...restB } = b!;
      expect(restB).toEqual(restA);
      expect(a!.findings.length).toBeGreaterThan(0);
    }
    expect(pooled.stdout).toBe(inProcess.stdout);
  });
});

describe('--quiet', () => {
  it('silences warnings on stderr, not the report', async () => {
    const file = join(temp, 'directive.md');
    writeFileSync(file, '# 仁爱医院\n\n<!-- adscan-disable-next-line no-such-rule -->\n本院专治牛皮癣，保证治愈。\n');
    const [loud, quiet] = await Promise.all([runCli(['scan', '--format', 'json', file]), runCli(['scan', '--format', 'json', '--quiet', file])]);
    expect(loud.stderr).toBe(`adscan: warning: ${file}:3: adscan-disable-next-line names no rule, category or pack "no-such-rule"\n`);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
    expect(quiet.code).toBe(loud.code);
  });
});

describe('in-process runs', () => {
  const io = (options: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: Object.assign(new PassThrough(), { write: (s: string) => out.push(s) > 0 }) as unknown as NodeJS.WritableStream,
        stderr: Object.assign(new PassThrough(), { write: (s: string) => err.push(s) > 0, isTTY: options.tty ?? false, columns: 120 }) as unknown as NodeJS.WritableStream,
        stdin: new PassThrough(),
        env: options.env ?? { ...process.env, CI: 'true' },
        cwd: ROOT,
      },
    };
  };

  it('draw a progress line on a terminal stderr, erased at the end; none with --quiet or in CI', async () => {
    const env = { ...process.env };
    delete env.CI;
    const args = ['scan', '--as-of', AS_OF, '--format', 'json', '--jobs', '1', 'fixtures/non-ads'];
    const tty = io({ tty: true, env });
    expect(await run(args, tty.io)).toBe(0);
    const drawn = tty.err.join('');
    expect(drawn).toMatch(/^\r.*documents? · [\d.]+ MB\/s · \d+ findings? · 0 failed.*\x1b\[K/);
    expect(drawn.endsWith('\r\x1b[K')).toBe(true);
    expect(JSON.parse(tty.out.join('')).documents).toHaveLength(NON_ADS);

    const quiet = io({ tty: true, env });
    expect(await run([...args, '--quiet'], quiet.io)).toBe(0);
    expect(quiet.err).toEqual([]);
    const ci = io({ tty: true, env: { ...env, CI: 'true' } });
    expect(await run(args, ci.io)).toBe(0);
    expect(ci.err).toEqual([]);
  });

  it('remove their signal handlers and close their workers, with either engine', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    for (const jobs of ['1', '2']) {
      const { io: cliIo, out, err } = io();
      const code = await run(['scan', '--as-of', AS_OF, '--format', 'json', '--jobs', jobs, 'fixtures/non-ads'], cliIo);
      expect(err.join('')).toBe('');
      expect(code).toBe(0);
      const report = JSON.parse(out.join('')) as JsonReport;
      expect(report.documents).toHaveLength(NON_ADS);
      expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
    }
  });
});
