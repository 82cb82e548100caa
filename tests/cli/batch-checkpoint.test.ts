// --checkpoint and stopping by signal, through the built CLI: an interrupted run resumed from
// its checkpoint reports exactly what an uninterrupted run does, with no document twice.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AS_OF, assertBuilt, BIN, ROOT, runCli, scanJson, type CliRun, type JsonReport } from './helpers.js';

vi.setConfig({ testTimeout: 40_000, hookTimeout: 60_000 });

// The fixtures plus enough generated documents that a run stopped after a few documents still
// has inputs it has not even read: the reader and the workers work a bounded way ahead, and a
// corpus smaller than that would be finished entirely by the documents already under way. The
// generated folder's name holds "fixtures" so that the crash hook below matches it too.
const CORPUS = ['fixtures/ads', 'fixtures/non-ads'];
/** Documents in fixtures/non-ads (each has its .expect.yaml beside it). */
const NON_ADS = readdirSync('fixtures/non-ads').filter((f) => !f.endsWith('.expect.yaml')).length;
const GENERATED = 80;

let temp: string;
let full: Awaited<ReturnType<typeof scanJson>>;
beforeAll(async () => {
  assertBuilt();
  temp = mkdtempSync(join(tmpdir(), 'adscan-checkpoint-cli-'));
  const generated = join(temp, 'generated-fixtures');
  mkdirSync(generated);
  const ads = readdirSync(join(ROOT, 'fixtures', 'ads', 'text')).filter((n) => n.endsWith('.txt')).sort();
  for (let i = 0; i < GENERATED; i++) {
    const text = readFileSync(join(ROOT, 'fixtures', 'ads', 'text', ads[i % ads.length]!), 'utf8');
    writeFileSync(join(generated, `doc-${String(i).padStart(3, '0')}.txt`), `${text}\n第${i}期广告。\n`);
  }
  CORPUS.push(generated);
  full = await scanJson(['--jobs', '1', ...CORPUS]);
});
afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/**
 * The checkpoint's whole lines. A run still writing may have a line half on disk (a reader
 * can see a write in progress), so whatever follows the last newline is left out.
 */
const checkpointLines = (path: string) => {
  const text = readFileSync(path, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
};

function expectNoDuplicates(report: JsonReport): void {
  const uris = report.documents.map((d) => d.uri);
  expect(new Set(uris).size).toBe(uris.length);
}

describe('--checkpoint with an interrupted run', () => {
  it('SIGINT after some documents: exit 130, partial reports, a resume hint; the rerun completes the same report', async () => {
    const checkpoint = join(temp, 'int.ckpt');
    const partialFile = join(temp, 'partial.sarif');
    // The process sends itself SIGINT once 3 documents are finished (a test-only hook).
    const first = await scanJson(['--jobs', '2', '--checkpoint', checkpoint, '--report', `sarif:${partialFile}`, ...CORPUS], {
      env: { ADSCAN_TEST_SIGNAL_AFTER: '3' },
    });
    expect(first.code).toBe(130);
    expect(first.stderr).toContain('adscan: SIGINT: finishing the documents under way');
    expect(first.stderr).toMatch(/adscan: interrupted: the reports cover the \d+ documents finished; run the same command again to resume from .*int\.ckpt\n$/);
    const done = first.report.documents.length;
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(full.report.documents.length);
    // What was finished is reported as in the full run, in order, and written atomically.
    expect(first.report.documents).toEqual(full.report.documents.slice(0, done));
    expect(existsSync(partialFile)).toBe(true);
    // The checkpoint: a header and the finished documents.
    const stored = checkpointLines(checkpoint);
    expect(stored[0]).toMatchObject({ adscanCheckpoint: 1, rulesHash: expect.stringMatching(/^[0-9a-f]{16}$/), options: { asOf: AS_OF } });
    expect(stored.slice(1).map((d) => d.uri)).toEqual(first.report.documents.map((d) => d.uri));

    const second = await scanJson(['--jobs', '2', '--checkpoint', checkpoint, ...CORPUS]);
    expect(second.code).toBe(full.code);
    expect(second.stderr).toBe('');
    // The whole run, exactly as an uninterrupted one: findings, summary, order.
    expect(second.stdout).toBe(full.stdout);
    expectNoDuplicates(second.report);
    const after = checkpointLines(checkpoint);
    expect(after).toHaveLength(1 + full.report.documents.length);
    expect(new Set(after.slice(1).map((d) => d.uri)).size).toBe(full.report.documents.length);

    // A third run reads everything from the checkpoint and scans nothing: a worker handed any
    // document would crash, yet nothing fails.
    const third = await scanJson(['--jobs', '2', '--checkpoint', checkpoint, ...CORPUS], { env: { ADSCAN_TEST_CRASH_ON: 'fixtures' } });
    expect(third.stdout).toBe(full.stdout);
  });

  it('SIGTERM: exit 143; JSONL streams the stored documents too when resumed', async () => {
    const checkpoint = join(temp, 'term.ckpt');
    const first = await runCli(['scan', '--jobs', '1', '--format', 'jsonl', '--checkpoint', checkpoint, ...CORPUS], {
      env: { ADSCAN_TEST_SIGNAL_AFTER: '2:SIGTERM' },
    });
    expect(first.code).toBe(143);
    expect(first.stderr).toContain('adscan: SIGTERM:');
    const [resumed, uninterrupted] = await Promise.all([
      runCli(['scan', '--jobs', '1', '--format', 'jsonl', '--checkpoint', checkpoint, ...CORPUS]),
      runCli(['scan', '--jobs', '1', '--format', 'jsonl', ...CORPUS]),
    ]);
    expect(resumed.code).toBe(uninterrupted.code);
    expect(resumed.stdout).toBe(uninterrupted.stdout);
  });

  it('a SIGINT from outside while an input is still being read (stdin held open) stops at once and reports what is done', async () => {
    const checkpoint = join(temp, 'outside.ckpt');
    const args = [BIN, 'scan', '--as-of', AS_OF, '--jobs', '2', '--format', 'json', '--checkpoint', checkpoint, 'fixtures/non-ads', '-'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const closed = new Promise<CliRun>((resolve) =>
      child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') })),
    );
    // Wait for every file to be finished (the header and a line each), then interrupt.
    const deadline = Date.now() + 30_000;
    while (!(existsSync(checkpoint) && checkpointLines(checkpoint).length >= 1 + NON_ADS)) {
      if (Date.now() > deadline) throw new Error(`no checkpoint lines; stderr: ${Buffer.concat(err).toString('utf8')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    const run = await closed;
    expect(run.code).toBe(130);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.documents.map((d) => d.uri)).toEqual(full.report.documents.filter((d) => d.uri.startsWith('fixtures/non-ads/')).map((d) => d.uri));

    // Resumed with the text on stdin: the files come from the checkpoint, stdin is scanned.
    const text = readFileSync(join(ROOT, 'fixtures/ads/text/psoriasis-hospital.txt'), 'utf8');
    const [resumed, direct] = await Promise.all([
      scanJson(['--jobs', '2', '--checkpoint', checkpoint, 'fixtures/non-ads', '-'], { input: text }),
      scanJson(['--jobs', '1', 'fixtures/non-ads', '-'], { input: text }),
    ]);
    expect(resumed.stdout).toBe(direct.stdout);
    expect(resumed.report.documents.map((d) => d.uri).at(-1)).toBe('<stdin>');
  });
});

describe('--checkpoint files', () => {
  it('a checkpoint written with other settings is a usage error naming them (exit 2)', async () => {
    const checkpoint = join(temp, 'mismatch.ckpt');
    const first = await runCli(['scan', '--jobs', '1', '--checkpoint', checkpoint, 'fixtures/non-ads']);
    expect(first.code).toBe(0);
    const other = await runCli(['scan', '--jobs', '1', '--as-of', '2026-04-01', '--ad-type', 'drug', '--checkpoint', checkpoint, 'fixtures/non-ads']);
    expect(other.code).toBe(2);
    expect(other.stdout).toBe('');
    expect(other.stderr).toMatch(/^adscan: --checkpoint .*mismatch\.ckpt: written with different settings: --ad-type \(\(none\) → drug\); --as-of \(2026-03-01 → 2026-04-01\)\. /);
    // The file is left as it was.
    expect(checkpointLines(checkpoint)).toHaveLength(1 + NON_ADS);
  });

  it('tolerates a torn last line (a run killed mid-write): that document is scanned again', async () => {
    const checkpoint = join(temp, 'torn.ckpt');
    const done = await scanJson(['--jobs', '1', '--checkpoint', checkpoint, ...CORPUS]);
    expect(done.stdout).toBe(full.stdout);
    // Keep the header and the first five documents, then half of the sixth line.
    const lines = readFileSync(checkpoint, 'utf8').split('\n');
    const torn = join(temp, 'torn2.ckpt');
    writeFileSync(torn, `${lines.slice(0, 6).join('\n')}\n`);
    appendFileSync(torn, lines[6]!.slice(0, 40));
    const resumed = await scanJson(['--jobs', '1', '--checkpoint', torn, ...CORPUS]);
    expect(resumed.stdout).toBe(full.stdout);
    expectNoDuplicates(resumed.report);
    const after = checkpointLines(torn);
    expect(after).toHaveLength(1 + full.report.documents.length);
  });
});
