import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

// A run whose reports are all JSON or JSON Lines keeps finished documents in a spool file,
// not in memory, and writes the reports piece by piece. Its output must be exactly what the
// in-memory path (any run that also asks for another format) writes.
const work = mkdtempSync(join(tmpdir(), 'adscan-spool-cli-'));
const spoolParent = mkdtempSync(join(tmpdir(), 'adscan-spool-tmp-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(spoolParent, { recursive: true, force: true });
});

/**
 * The same scan twice, writing JSON (-o) and JSON Lines: spooled, and in memory (a CSV report
 * too keeps the documents in memory). Each run's reports are named after its tag.
 */
async function spooledAndInMemory(inputs: string[], jobs: string, tags: [string, string]) {
  const env = { TMPDIR: spoolParent };
  const run = (tag: string, extra: string[]) =>
    runCli(['scan', ...inputs, '-f', 'json', '-o', join(work, `${tag}.json`), '--report', `jsonl:${join(work, `${tag}.jsonl`)}`, ...extra, '--jobs', jobs], { env });
  const [s, m] = tags;
  const spooled = await run(s, []);
  const inMemory = await run(m, ['--report', `csv:${join(work, `${m}.csv`)}`]);
  const read = (tag: string, ext: string) => readFileSync(join(work, `${tag}.${ext}`), 'utf8');
  return { spooled, inMemory, json: [read(s, 'json'), read(m, 'json')], jsonl: [read(s, 'jsonl'), read(m, 'jsonl')] };
}

describe('reports of spooled runs', () => {
  it('are byte-identical to the in-memory reports, exit codes included, and leave no spool behind', async () => {
    const inputs = ['fixtures/ads', 'fixtures/non-ads', 'no-such-file.txt'];
    const { spooled, inMemory, json, jsonl } = await spooledAndInMemory(inputs, '1', ['a', 'b']);
    expect(spooled.code).toBe(1);
    expect(inMemory.code).toBe(1);
    const a = json[0]!;
    expect(a).toBe(json[1]);
    expect(jsonl[0]).toBe(jsonl[1]);
    const report = JSON.parse(a) as { summary: { documents: number; findings: number; failed: number }; documents: { uri: string }[] };
    expect(report.summary.documents).toBe(report.documents.length);
    expect(report.summary.failed).toBe(1);
    expect(report.summary.findings).toBeGreaterThan(50);
    expect(readdirSync(spoolParent)).toEqual([]);
  });

  it('streams the JSON report to stdout as well', async () => {
    const run = await runCli(['scan', 'fixtures/ads/text', '-f', 'json', '--jobs', '1']);
    expect(run.code).toBe(1);
    const file = await runCli(['scan', 'fixtures/ads/text', '-f', 'json', '--jobs', '1', '--report', `csv:${join(work, 'c.csv')}`]);
    expect(run.stdout).toBe(file.stdout);
    expect(JSON.parse(run.stdout).documents.length).toBeGreaterThan(3);
  });

  it('JSON Lines streamed to stdout beside a spooled JSON report: each as the in-memory run writes it', async () => {
    const env = { TMPDIR: spoolParent };
    const inputs = ['fixtures/ads/text', 'fixtures/non-ads'];
    const streamed = await runCli(['scan', ...inputs, '-f', 'jsonl', '--jobs', '1', '--report', `json:${join(work, 'd.json')}`], { env });
    const inMemory = await runCli(['scan', ...inputs, '-f', 'jsonl', '--jobs', '1', '--report', `json:${join(work, 'e.json')}`, '--report', `csv:${join(work, 'e.csv')}`], { env });
    expect(streamed.code).toBe(1);
    expect(streamed.stdout).toBe(inMemory.stdout);
    expect(streamed.stdout.trim().split('\n').length).toBeGreaterThan(5);
    expect(readFileSync(join(work, 'd.json'), 'utf8')).toBe(readFileSync(join(work, 'e.json'), 'utf8'));
    expect(readdirSync(spoolParent)).toEqual([]);
  });

  it('with worker threads, which send documents as report text: identical content and all, as the in-memory run writes them', async () => {
    // Copies of one page under other names: each copy's text is made on the main thread from
    // the first one's, and must still say which URI carried the bytes first.
    const FIRST = 'fixtures/ads/text/device-bad-number.txt';
    const pages = join(work, 'pages');
    mkdirSync(pages, { recursive: true });
    for (const name of ['a', 'b', 'c']) copyFileSync(FIRST, join(pages, `${name}.txt`));
    const inputs = ['fixtures/ads/text', pages, 'no-such-file.txt'];
    const { spooled, inMemory, json, jsonl } = await spooledAndInMemory(inputs, '2', ['f', 'g']);
    expect(spooled.code).toBe(1);
    expect(inMemory.code).toBe(1);
    const a = json[0]!;
    expect(a).toBe(json[1]);
    expect(jsonl[0]).toBe(jsonl[1]);
    const docs = (JSON.parse(a) as { documents: { uri: string; sameContentAs?: string; error: string | null }[] }).documents;
    const copies = docs.filter((d) => d.uri.startsWith(pages));
    expect(copies.map((d) => d.sameContentAs)).toEqual([FIRST, FIRST, FIRST]);
    expect(docs.find((d) => d.uri === FIRST)!.sameContentAs).toBeUndefined();
    expect(docs.filter((d) => d.error !== null)).toHaveLength(1);
    expect(readdirSync(spoolParent)).toEqual([]);
  });

  it('with worker threads: binary and empty inputs are reported failed with their cause, as in the in-memory run', async () => {
    const odd = join(work, 'odd');
    mkdirSync(odd, { recursive: true });
    writeFileSync(join(odd, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    writeFileSync(join(odd, 'empty.txt'), '');
    const inputs = ['fixtures/ads/text/device-bad-number.txt', odd];
    const spooled = await runCli(['scan', ...inputs, '-f', 'json', '-o', join(work, 'h.json'), '--jobs', '2']);
    const inMemory = await runCli(['scan', ...inputs, '-f', 'json', '-o', join(work, 'i.json'), '--report', `csv:${join(work, 'i.csv')}`, '--jobs', '2']);
    expect(spooled.code).toBe(inMemory.code);
    const a = readFileSync(join(work, 'h.json'), 'utf8');
    expect(a).toBe(readFileSync(join(work, 'i.json'), 'utf8'));
    const docs = (JSON.parse(a) as { documents: { uri: string; error: string | null }[] }).documents;
    expect(docs.map((d) => d.uri.slice(d.uri.lastIndexOf('/') + 1))).toEqual(['device-bad-number.txt', 'binary.html', 'empty.txt']);
    expect(docs[0]!.error).toBeNull();
    expect(docs[1]!.error).toMatch(/binary/);
    expect(docs[2]!.error).toMatch(/empty/);
  });
});
