import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Checkpoint, documentKey, headerMismatches, inputKey, settingsHash, type CheckpointHeader } from '../../src/batch/checkpoint.js';
import { CliError } from '../../src/cli/exit-codes.js';
import type { DocumentResult } from '../../src/core/types.js';

const HEADER: CheckpointHeader = { adscanCheckpoint: 1, rulesHash: '0123456789abcdef', options: { adTypes: null, asOf: '2026-03-01', fullDict: false } };
const doc = (uri: string, extra: Partial<DocumentResult> = {}): DocumentResult => ({
  uri,
  adTypes: ['medical'],
  context: 'ad',
  evidence: [],
  findings: [],
  suppressed: [],
  error: null,
  ...extra,
});

let dir: string;
let n = 0;
const fresh = () => join(dir, `cp-${++n}`, 'checkpoint.jsonl');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'adscan-checkpoint-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Checkpoint', () => {
  it('starts a file with the header, appends a line per document, and gives them back on reopening', () => {
    const path = fresh();
    const cp = Checkpoint.open(path, HEADER, { display: 'cp' });
    expect(cp.resumable).toBe(0);
    cp.record(doc('a.txt'));
    cp.record(doc('b.txt', { error: 'empty document' }));
    expect(cp.recorded).toBe(2);
    cp.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(JSON.parse(lines[0]!)).toEqual(HEADER);
    expect(lines).toHaveLength(4); // header, two documents, '' after the last newline

    const again = Checkpoint.open(path, HEADER, { display: 'cp' });
    expect(again.resumable).toBe(2);
    expect(again.has(inputKey({ uri: 'a.txt' }))).toBe(true);
    expect(again.take(inputKey({ uri: 'b.txt' }))?.doc.error).toBe('empty document');
    expect(again.take(inputKey({ uri: 'b.txt' }))).toBeUndefined(); // each used once
    expect(again.take(inputKey({ uri: 'c.txt' }))).toBeUndefined();
    again.close();
  });

  it('keys inputs by URI plus archive record id and caller id', () => {
    expect(documentKey(doc('x.warc', { fetch: { recordId: '<urn:uuid:1>' } }))).toBe(inputKey({ uri: 'x.warc', recordId: '<urn:uuid:1>' }));
    expect(documentKey(doc('x.warc', { fetch: { recordId: '<urn:uuid:1>' } }))).not.toBe(inputKey({ uri: 'x.warc', recordId: '<urn:uuid:2>' }));
    expect(documentKey(doc('r.jsonl', { id: '7' }))).toBe(inputKey({ uri: 'r.jsonl', id: '7' }));
  });

  it('ignores a torn last line (a run killed mid-write) and appends after the last whole line', () => {
    const path = fresh();
    const cp = Checkpoint.open(path, HEADER, { display: 'cp' });
    cp.record(doc('a.txt'));
    cp.close();
    appendFileSync(path, '{"uri":"b.txt","adTypes":["med');
    const again = Checkpoint.open(path, HEADER, { display: 'cp' });
    expect(again.tornLine).toBe(true);
    expect(again.resumable).toBe(1);
    again.record(doc('c.txt'));
    again.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { uri?: string }).uri)).toEqual([undefined, 'a.txt', 'c.txt']);
  });

  it('a torn header means nothing was recorded: the file starts over', () => {
    const path = fresh();
    Checkpoint.open(path, HEADER, { display: 'cp' }).close();
    writeFileSync(path, '{"adscanCheck');
    const cp = Checkpoint.open(path, HEADER, { display: 'cp' });
    cp.close();
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(HEADER)}\n`);
  });

  it('refuses a file written with other rules or options, naming each difference (exit 2)', () => {
    const path = fresh();
    Checkpoint.open(path, HEADER, { display: 'run.ckpt' }).close();
    const other: CheckpointHeader = { ...HEADER, rulesHash: 'fedcba9876543210', options: { ...HEADER.options, adTypes: 'drug' } };
    let error: unknown;
    try {
      Checkpoint.open(path, other, { display: 'run.ckpt', labels: { adTypes: '--ad-type' } });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toBe(
      '--checkpoint run.ckpt: written with different settings: rules (hash 0123456789abcdef → fedcba9876543210); --ad-type ((none) → drug). Use another checkpoint file, or delete it to start over',
    );
  });

  it('refuses a file that is not a checkpoint, or is damaged before its last line', () => {
    const notOne = fresh();
    Checkpoint.open(notOne, HEADER, { display: 'x' }).close();
    writeFileSync(notOne, '{"some":"json"}\n');
    expect(() => Checkpoint.open(notOne, HEADER, { display: 'x' })).toThrow('--checkpoint x: not an adscan checkpoint');
    const damaged = fresh();
    Checkpoint.open(damaged, HEADER, { display: 'x' }).close();
    appendFileSync(damaged, 'garbage\n{"uri":"a.txt","findings":[]}\n');
    expect(() => Checkpoint.open(damaged, HEADER, { display: 'x' })).toThrow('--checkpoint x: line 2 is not JSON');
  });

  it('reads a checkpoint larger than its read buffer', () => {
    const path = fresh();
    const cp = Checkpoint.open(path, HEADER, { display: 'cp' });
    const big = 'x'.repeat(300_000);
    for (let i = 0; i < 20; i++) cp.record(doc(`${i}.txt`, { charset: big }));
    cp.close();
    const again = Checkpoint.open(path, HEADER, { display: 'cp' });
    expect(again.resumable).toBe(20);
    expect(again.take(inputKey({ uri: '19.txt' }))?.doc.charset).toBe(big);
    again.close();
  });
});

describe('headerMismatches and settingsHash', () => {
  it('lists only what differs', () => {
    expect(headerMismatches(HEADER, structuredClone(HEADER))).toEqual([]);
    expect(headerMismatches(HEADER, { ...HEADER, options: { ...HEADER.options, asOf: null } }, { asOf: '--as-of' })).toEqual(['--as-of (2026-03-01 → (none))']);
  });

  it('hashes settings independently of key order, with Maps and Sets sorted', () => {
    expect(settingsHash({ a: 1, b: [1, 2] })).toBe(settingsHash({ b: [1, 2], a: 1 }));
    expect(settingsHash(new Map([['x', 1], ['y', 2]]))).toBe(settingsHash(new Map([['y', 2], ['x', 1]])));
    expect(settingsHash({ a: 1 })).not.toBe(settingsHash({ a: 2 }));
    expect(settingsHash({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
  });
});
