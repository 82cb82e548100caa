// Documents handed on as report text (made where they were scanned) instead of objects:
// the text must be exactly what the main thread would have made from the object, for
// documents scanned here, copies of identical content, unreadable and resumed inputs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Checkpoint, type CheckpointHeader } from '../../src/batch/checkpoint.js';
import type { ScanEngine } from '../../src/batch/engine.js';
import { documentOf, renderDocument, type RenderedDocument, type RenderFormat, type RenderRequest } from '../../src/batch/rendered.js';
import { originOf, resultFor, type Origin } from '../../src/batch/result-for.js';
import { runBatch, type BatchPlan } from '../../src/batch/run-batch.js';
import { renderItem, type RenderedItem, type ScannedItem } from '../../src/batch/scan-item.js';
import type { DocumentResult, Finding, SourceDocument } from '../../src/core/types.js';
import { formatJsonlDocument } from '../../src/report/jsonl.js';
import { batchPlan, writeCorpus } from './batch-fixtures.js';
import { jsonDocumentText } from '../../src/report/json-chunks.js';

const RULES = '0123456789abcdef';
const SHA = 'ab'.repeat(32);
const FORMATS: RenderFormat[] = ['json', 'jsonl'];
const text = (r: RenderedDocument, f: RenderFormat) => new TextDecoder().decode(r.texts[f]);

function finding(match: string, offset: number): Finding {
  return {
    ruleId: 'efficacy/cure-guarantee-promise',
    category: 'cure-guarantee',
    severity: 'error',
    message: `保证疗效：“${match}”`,
    match,
    field: 'body',
    start: { offset, line: 1, column: offset + 1 },
    end: { offset: offset + match.length, line: 1, column: offset + match.length + 1 },
    snippet: `本品${match}\u2028糖尿病`,
    law: ['《广告法》第十六条'],
    suggestion: '删除',
    occurrences: 2,
  };
}

/** A content-only result as a scan makes it (scanItem), with the keys of its first URI. */
function content(uri: string, extra: Partial<DocumentResult> = {}): DocumentResult {
  return {
    uri,
    adTypes: ['medical'],
    context: 'ad',
    evidence: [{ supports: 'medical', indicator: '治愈', weight: 2, field: 'body', offset: 4 }],
    findings: [finding('保证治愈', 2)],
    suppressed: [{ ...finding('治愈', 9), severity: 'warning', suppressedBy: 'negated' }],
    error: null,
    charset: 'utf-8',
    format: 'text',
    ...extra,
  } as DocumentResult;
}

describe('a document rendered where it was scanned', () => {
  it('reads back for another URI exactly as the object would have been copied, whatever origin keys either has', () => {
    const origins: Origin[] = [
      { uri: 'https://a.example/1' },
      { uri: 'https://a.example/2', finalUri: 'https://a.example/2?r', id: 'rec-2', fetch: { status: 200, fetchedAt: '2026-11-28T00:00:00Z' } },
      { uri: 'https://a.example/3', id: 'rec-3' },
    ];
    for (const first of origins) {
      const scanned = content(first.uri, { finalUri: first.finalUri, id: first.id, fetch: first.fetch, rulesHash: RULES });
      for (const key of ['finalUri', 'id', 'fetch'] as const) if (scanned[key] === undefined) delete scanned[key];
      const rendered = renderDocument(resultFor(scanned, first, SHA, RULES, undefined, false), FORMATS);
      for (const other of origins) {
        const fromObject = resultFor(scanned, other, SHA, RULES, first.uri);
        const fromText = resultFor(documentOf(rendered), other, SHA, RULES, first.uri, false);
        for (const f of FORMATS) expect(text(renderDocument(fromText, FORMATS), f)).toBe(text(renderDocument(fromObject, FORMATS), f));
        expect(fromText.sameContentAs).toBe(other.uri === first.uri ? undefined : first.uri);
      }
    }
  });

  it('holds each format as the report writers make it, in buffers of their own, with the tally the summary needs', () => {
    const d = resultFor(content('x.txt'), { uri: 'x.txt' }, SHA, RULES, undefined, false);
    const r = renderDocument(d, FORMATS);
    expect(text(r, 'json')).toBe(jsonDocumentText(d));
    expect(text(r, 'jsonl')).toBe(formatJsonlDocument(d));
    expect(text(r, 'jsonl')).toContain('\\u2028');
    for (const t of Object.values(r.texts)) expect(t.byteOffset === 0 && t.byteLength === t.buffer.byteLength).toBe(true);
    expect(r.tally).toEqual({ uri: 'x.txt', error: null, findings: [{ severity: 'error', category: 'cure-guarantee' }], suppressed: 1 });
    expect(renderDocument(d, ['jsonl']).texts.json).toBeUndefined();
  });
});

// --- runBatch: rendered runs against object runs

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'adscan-rendered-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Scans by echoing the bytes as a finding; renders when asked, as a worker does. */
class EchoEngine implements ScanEngine {
  readonly threads = 2;
  rendered = 0;
  async scan(doc: SourceDocument, _adTypes: unknown, render?: RenderRequest): Promise<ScannedItem | RenderedItem> {
    const body = Buffer.from(doc.bytes).toString('utf8');
    await new Promise((r) => setTimeout(r, body.length % 3));
    if (body.includes('crash')) throw new Error('worker exited with code: 70');
    const item: ScannedItem = { result: content(doc.uri, { findings: [finding(body, 0)] }), directives: [] };
    if (!render) return item;
    this.rendered++;
    return renderItem(item, originOf(doc), render);
  }
  describeFailure(err: unknown): string {
    return `worker crashed: ${(err as Error).message}`;
  }
  async close(): Promise<void> {}
}

const corpus = (name: string, files: Record<string, string>) => writeCorpus(dir, name, files);
const plan = (inputs: string[], engine: ScanEngine, over: Partial<BatchPlan> = {}) => batchPlan(inputs, engine, RULES, { mutates: false, ...over });

const FILES = { 'a.txt': '保证治愈', 'b.txt': '根治', 'c.txt': '保证治愈', 'd.txt': 'crash', 'e.txt': '根治', 'f.txt': '包治百病' };

async function objectTexts(root: string, inputs = [root]): Promise<string[]> {
  const out = await runBatch(plan(inputs, new EchoEngine()));
  return out.documents.map(formatJsonlDocument);
}

describe('runBatch with rendering', () => {
  it('hands on the texts an object run would make: scanned, copied, crashed and unreadable documents alike', async () => {
    const root = corpus('mixed', FILES);
    const inputs = [root, join(dir, 'no-such-file.txt')];
    const engine = new EchoEngine();
    const rendered: RenderedDocument[] = [];
    const out = await runBatch(plan(inputs, engine, { render: FORMATS }), { onRendered: (r) => rendered.push(r) });
    expect(out.documents).toEqual([]);
    expect(out).toMatchObject({ scanned: 4, copied: 2 });
    expect(engine.rendered).toBe(3); // the crash renders nothing
    expect(rendered.map((r) => text(r, 'jsonl'))).toEqual(await objectTexts(root, inputs));
    const docs = rendered.map((r) => JSON.parse(text(r, 'json')) as DocumentResult);
    expect(docs.map((d) => d.sameContentAs)).toEqual([undefined, undefined, `${root}/a.txt`, undefined, `${root}/b.txt`, undefined, undefined]);
    expect(docs[3]!.error).toMatch(/worker crashed/);
    expect(rendered[6]!.tally).toMatchObject({ uri: join(dir, 'no-such-file.txt'), error: 'no such file or directory' });
  });

  it('is not used when documents are changed after the scan (suppressions, a baseline)', async () => {
    const root = corpus('mutating', { 'a.txt': '保证治愈' });
    const engine = new EchoEngine();
    const objects: DocumentResult[] = [];
    const rendered: RenderedDocument[] = [];
    await runBatch(plan([root], engine, { render: FORMATS, mutates: true }), { onDocument: (d) => objects.push(d), onRendered: (r) => rendered.push(r) });
    expect(engine.rendered).toBe(0);
    expect(rendered).toEqual([]);
    expect(objects).toHaveLength(1);
  });

  it('records each document in the checkpoint as its JSON Lines line; a resumed run hands on the same texts', async () => {
    const root = corpus('resume', { 'a.txt': '保证治愈', 'b.txt': '根治', 'c.txt': '包治', 'd.txt': '神药', 'e.txt': '特效', 'f.txt': '包治百病' });
    const path = join(dir, 'rendered.ckpt');
    const header: CheckpointHeader = { adscanCheckpoint: 1, rulesHash: RULES, options: {} };
    const stop = new AbortController();
    const first = Checkpoint.open(path, header, { display: 'rendered.ckpt' });
    const before: string[] = [];
    await runBatch(plan([root], new EchoEngine(), { render: ['json'] }), {
      checkpoint: first,
      signal: stop.signal,
      window: 2,
      onRendered: (r) => {
        before.push(text(r, 'json'));
        if (before.length === 3) stop.abort();
      },
    });
    first.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
    expect(lines.length).toBe(before.length);
    expect(lines.map((l) => jsonDocumentText(JSON.parse(l) as DocumentResult))).toEqual(before);

    const second = Checkpoint.open(path, header, { display: 'rendered.ckpt' });
    const engine = new EchoEngine();
    const after: string[] = [];
    const resumed: boolean[] = [];
    const out = await runBatch(plan([root], engine, { render: ['json'] }), {
      checkpoint: second,
      onRendered: (r, info) => {
        after.push(text(r, 'json'));
        resumed.push(info.resumed);
      },
    });
    second.close();
    expect(out.resumed).toBe(before.length);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(resumed.filter(Boolean)).toHaveLength(before.length);
    const all = (await runBatch(plan([root], new EchoEngine()))).documents;
    expect(after.slice(before.length)).toEqual(all.slice(before.length).map(jsonDocumentText));
  });
});
