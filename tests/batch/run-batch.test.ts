// runBatch with a stand-in engine: input order, bounded work in flight, identical content
// scanned once, a crash losing one document, checkpoint resumption and stopping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Checkpoint, type CheckpointHeader } from '../../src/batch/checkpoint.js';
import type { ScanEngine } from '../../src/batch/engine.js';
import { runBatch, type BatchPlan } from '../../src/batch/run-batch.js';
import type { ScannedItem } from '../../src/batch/scan-item.js';
import type { DocumentResult, SourceDocument } from '../../src/core/types.js';
import { batchPlan, writeCorpus } from './batch-fixtures.js';

const RULES = 'feedfacecafebeef';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts scans and the most at once; a document whose text has "crash" rejects. */
class FakeEngine implements ScanEngine {
  readonly threads: number;
  calls: string[] = [];
  running = 0;
  peak = 0;
  constructor(threads = 2) {
    this.threads = threads;
  }
  async scan(doc: SourceDocument): Promise<ScannedItem> {
    const text = Buffer.from(doc.bytes).toString('utf8');
    this.calls.push(doc.uri);
    this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      await sleep((text.length * 7) % 11);
      if (text.includes('crash')) throw new Error('worker exited with code: 70');
      const result: DocumentResult = {
        uri: doc.uri,
        adTypes: ['medical'],
        context: 'ad',
        evidence: [],
        findings: [],
        suppressed: [],
        error: null,
        charset: `len-${text.length}`,
      };
      const directives = text.includes('warn') ? [{ line: 1, selector: 'no-such-rule' }] : [];
      return { result, directives };
    } finally {
      this.running--;
    }
  }
  describeFailure(err: unknown): string {
    return `worker crashed: ${(err as Error).message}`;
  }
  async close(): Promise<void> {}
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'adscan-run-batch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpus = (name: string, files: Record<string, string>) => writeCorpus(dir, name, files);
const plan = (inputs: string[], engine: ScanEngine, over: Partial<BatchPlan> = {}) => batchPlan(inputs, engine, RULES, over);

const names = (docs: DocumentResult[]) => docs.map((d) => d.uri.slice(d.uri.lastIndexOf('/') + 1));

describe('runBatch', () => {
  it('hands documents on in input order with a bounded number in flight', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`${String(i).padStart(2, '0')}.txt`] = `第${i}篇${'字'.repeat(i)}`;
    const root = corpus('order', files);
    const engine = new FakeEngine(2);
    const seen: string[] = [];
    const out = await runBatch(plan([root], engine), { window: 5, onDocument: (d) => seen.push(d.uri) });
    expect(names(out.documents)).toEqual(Object.keys(files));
    expect(seen).toEqual(out.documents.map((d) => d.uri));
    expect(engine.peak).toBeLessThanOrEqual(5);
    expect(engine.peak).toBeGreaterThan(1);
    expect(out).toMatchObject({ scanned: 40, copied: 0, resumed: 0, stopped: false });
    for (const d of out.documents) {
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(d.rulesHash).toBe(RULES);
    }
  });

  it('scans identical content once and reports it for every URI, each with its own copy', async () => {
    const root = corpus('dupes', { 'a.txt': '保证治愈', 'b.txt': '保证治愈', 'c.txt': '其他', 'd.html': '保证治愈', 'e.txt': '保证治愈' });
    const engine = new FakeEngine();
    const triaged: string[] = [];
    const out = await runBatch(plan([root], engine, { triage: (d) => triaged.push(d.uri) }));
    // d.html has the same bytes but another extension, which can change the format.
    expect(names(engine.calls.map((uri) => ({ uri }) as DocumentResult)).sort()).toEqual(['a.txt', 'c.txt', 'd.html']);
    expect(out).toMatchObject({ scanned: 3, copied: 2 });
    const [a, b, c, d, e] = out.documents;
    expect(b!.uri).toBe(`${root}/b.txt`);
    expect(b!.sameContentAs).toBe(a!.uri);
    expect(e!.sameContentAs).toBe(a!.uri);
    expect(a!.sameContentAs).toBeUndefined();
    expect(c!.sameContentAs).toBeUndefined();
    expect(d!.sameContentAs).toBeUndefined();
    expect(b!.sha256).toBe(a!.sha256);
    // Copies, not shared objects: triage of one URI cannot leak into another.
    expect(b!.findings).not.toBe(a!.findings);
    // Each URI's own copy is triaged (suppressions depend on the path).
    expect(triaged.sort()).toEqual(out.documents.map((x) => x.uri).sort());
  });

  it('copies results deeply only where they are shared or changed in place', async () => {
    const root = corpus('sharing', { 'a.txt': '保证治愈', 'b.txt': '保证治愈', 'c.txt': '其他' });
    /** Hands out one finding object per scan and remembers the results it returned. */
    class RecordingEngine extends FakeEngine {
      returned = new Map<string, DocumentResult>();
      override async scan(doc: SourceDocument): Promise<ScannedItem> {
        const item = await super.scan(doc);
        item.result.findings = [{ ruleId: 'x/y', match: '保证治愈' } as DocumentResult['findings'][number]];
        this.returned.set(doc.uri, item.result);
        return item;
      }
    }
    const finding = (d: DocumentResult) => d.findings[0]!;

    // Nothing changes documents in place: the first URI keeps the engine's findings, the copy gets its own.
    const shallow = new RecordingEngine();
    const [a, b, c] = (await runBatch(plan([root], shallow, { mutates: false }))).documents;
    expect(finding(a!)).toBe(finding(shallow.returned.get(a!.uri)!));
    expect(finding(c!)).toBe(finding(shallow.returned.get(c!.uri)!));
    expect(finding(b!)).not.toBe(finding(a!));
    expect(finding(b!)).toEqual(finding(a!));
    expect(a).not.toBe(shallow.returned.get(a!.uri)); // its own top level: uri, hashes

    // Documents are changed in place (a baseline or suppressions): every one is a deep copy, and
    // what onDocument does to the first never reaches the copy scanned from the same result.
    const deep = new RecordingEngine();
    const out = await runBatch(plan([root], deep, { mutates: true }), {
      onDocument: (d) => {
        finding(d).match = `changed for ${d.uri}`;
      },
    });
    const [a2, b2] = out.documents;
    expect(finding(a2!)).not.toBe(finding(deep.returned.get(a2!.uri)!));
    expect(finding(deep.returned.get(a2!.uri)!).match).toBe('保证治愈');
    expect(finding(b2!).match).toBe(`changed for ${b2!.uri}`);
    expect(finding(a2!).match).toBe(`changed for ${a2!.uri}`);
  });

  it('a crash loses only that document, reported with the cause and what is known of it', async () => {
    const root = corpus('crash', { '1.txt': 'fine', '2.txt': 'crash here', '3.txt': 'fine too', '4.txt': 'crash here' });
    const engine = new FakeEngine();
    const out = await runBatch(plan([root], engine));
    expect(out.documents.map((d) => d.error)).toEqual([null, 'worker crashed: worker exited with code: 70', null, 'worker crashed: worker exited with code: 70']);
    const failed = out.documents[1]!;
    expect(failed.uri).toBe(`${root}/2.txt`);
    expect(failed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(failed.rulesHash).toBe(RULES);
    // A crash is not the content's answer: the same bytes elsewhere are scanned again.
    expect(engine.calls).toHaveLength(4);
    expect(out.copied).toBe(0);
  });

  it('reports unreadable inputs with the rules hash, and skips what the configuration ignores', async () => {
    const root = corpus('ignore', { 'keep.txt': '保留', 'skip.txt': '忽略' });
    const out = await runBatch(plan([root, join(dir, 'missing.txt')], new FakeEngine(), { ignored: (uri) => uri.endsWith('skip.txt') }));
    expect(names(out.documents)).toEqual(['keep.txt', 'missing.txt']);
    expect(out.documents[1]!.error).toMatch(/no such file|not found|ENOENT/i);
    expect(out.documents[1]!.rulesHash).toBe(RULES);
  });

  it('warnings name each URI, in input order', async () => {
    const root = corpus('warn', { 'a.txt': 'warn me', 'b.txt': 'warn me' });
    const warnings: string[] = [];
    await runBatch(plan([root], new FakeEngine()), { warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([
      `${root}/a.txt:1: adscan-disable-next-line names no rule, category or pack "no-such-rule"`,
      `${root}/b.txt:1: adscan-disable-next-line names no rule, category or pack "no-such-rule"`,
    ]);
  });

  it('resumes from a checkpoint: stored documents are not scanned again and keep their place', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`${String(i).padStart(2, '0')}.txt`] = `文本${i}`;
    const root = corpus('resume', files);
    const path = join(dir, 'resume.ckpt');
    const header: CheckpointHeader = { adscanCheckpoint: 1, rulesHash: RULES, options: {} };

    // A first run stopped after 5 documents were handed on.
    const stop = new AbortController();
    const first = Checkpoint.open(path, header, { display: 'resume.ckpt' });
    let n = 0;
    const partial = await runBatch(plan([root], new FakeEngine()), {
      checkpoint: first,
      signal: stop.signal,
      window: 2,
      onDocument: () => {
        if (++n === 5) stop.abort();
      },
    });
    first.close();
    expect(partial.stopped).toBe(true);
    expect(partial.documents.length).toBeGreaterThanOrEqual(5);
    expect(partial.documents.length).toBeLessThan(12);
    expect(first.recorded).toBe(partial.documents.length);

    const engine = new FakeEngine();
    const second = Checkpoint.open(path, header, { display: 'resume.ckpt' });
    const resumedFlags: boolean[] = [];
    const full = await runBatch(plan([root], engine), { checkpoint: second, onDocument: (_d, info) => resumedFlags.push(info.resumed) });
    second.close();
    expect(names(full.documents)).toEqual(Object.keys(files));
    expect(full.resumed).toBe(partial.documents.length);
    expect(engine.calls).toHaveLength(12 - partial.documents.length);
    expect(resumedFlags).toEqual(Object.keys(files).map((_f, i) => i < partial.documents.length));
    expect(full.documents.slice(0, partial.documents.length)).toEqual(partial.documents);

    // A third run finds everything in the checkpoint.
    const engine3 = new FakeEngine();
    const third = Checkpoint.open(path, header, { display: 'resume.ckpt' });
    const all = await runBatch(plan([root], engine3), { checkpoint: third });
    third.close();
    expect(engine3.calls).toEqual([]);
    expect(all.documents).toEqual(full.documents);
  });

  it('resumed documents keep their place among inputs the reader never asks about (unreadable paths)', async () => {
    const a = corpus('mixed-a', { '1.txt': '一', '2.txt': '二' });
    const b = corpus('mixed-b', { '3.txt': '三', '4.txt': '四' });
    const inputs = [a, join(dir, 'nowhere.txt'), b, join(dir, 'nowhere-either.txt')];
    const path = join(dir, 'mixed.ckpt');
    const header: CheckpointHeader = { adscanCheckpoint: 1, rulesHash: RULES, options: {} };
    const first = Checkpoint.open(path, header, { display: 'mixed.ckpt' });
    const whole = await runBatch(plan(inputs, new FakeEngine()), { checkpoint: first });
    first.close();
    const second = Checkpoint.open(path, header, { display: 'mixed.ckpt' });
    const engine = new FakeEngine();
    const again = await runBatch(plan(inputs, engine), { checkpoint: second });
    second.close();
    expect(engine.calls).toEqual([]);
    expect(names(again.documents)).toEqual(['1.txt', '2.txt', 'nowhere.txt', '3.txt', '4.txt', 'nowhere-either.txt']);
    expect(again.documents).toEqual(whole.documents);
  });

  it('restores the input order of resumed documents whatever order the reader asks `skip` in', async () => {
    const path = join(dir, 'ahead.ckpt');
    const header: CheckpointHeader = { adscanCheckpoint: 1, rulesHash: RULES, options: {} };
    const items: (SourceDocument | { uri: string; error: string })[] = [
      { uri: 'a.txt', bytes: Buffer.from('甲') },
      { uri: 'gone.txt', error: 'no such file' },
      { uri: 'b.txt', bytes: Buffer.from('乙') },
      { uri: 'c.txt', bytes: Buffer.from('丙') },
      { uri: 'd.txt', bytes: Buffer.from('丁') },
    ];
    // A reader that reads everything at once: `skip` is asked for every document before
    // anything is yielded, and never for the failure (as for an unreadable path).
    const eager: BatchPlan['read'] = async function* (_inputs, options) {
      const keep = items.filter((it) => 'error' in it || !options.skip?.({ uri: it.uri }));
      for (const it of keep) yield it;
    };
    const first = Checkpoint.open(path, header, { display: 'ahead.ckpt' });
    const stop = new AbortController();
    const partial = await runBatch(plan([], new FakeEngine(), { read: eager }), {
      checkpoint: first,
      signal: stop.signal,
      window: 1,
      onDocument: (d) => {
        if (d.uri === 'b.txt') stop.abort();
      },
    });
    first.close();
    expect(names(partial.documents)).toEqual(['a.txt', 'gone.txt', 'b.txt']);

    const second = Checkpoint.open(path, header, { display: 'ahead.ckpt' });
    const engine = new FakeEngine();
    const all = await runBatch(plan([], engine, { read: eager }), { checkpoint: second });
    second.close();
    expect(engine.calls).toEqual(['c.txt', 'd.txt']);
    expect(names(all.documents)).toEqual(['a.txt', 'gone.txt', 'b.txt', 'c.txt', 'd.txt']);
    expect(all.documents.slice(0, 3)).toEqual(partial.documents);
  });
});
