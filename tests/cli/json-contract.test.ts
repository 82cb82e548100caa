// The --format json contract, end to end: one CLI run over every text and HTML ad fixture
// plus stdin, then checks of the report's shape, its summary, and that every position
// points at the right characters of the decoded input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  assertBuilt,
  documentFor,
  expectFindingShape,
  expectPositionsAgree,
  isDocumentLevel,
  PAGES,
  positionOf,
  ROOT,
  scanJson,
  TEXT_ADS,
  type JsonDocument,
  type JsonReport,
} from './helpers.js';

// Each CLI run is a Node start-up plus rule compilation; leave room for a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

// CRLF line ends and an astral character before the match: columns count UTF-16 units.
const STDIN_TEXT = '🏥康华医院专家门诊\r\n本院专治牛皮癣，保证治愈。\r\n';

const readText = (uri: string) => readFileSync(join(ROOT, uri), 'utf8');

let report: JsonReport;
let exitCode: number | null;
let stderr: string;

beforeAll(async () => {
  assertBuilt();
  const run = await scanJson([TEXT_ADS, PAGES, '-'], { input: STDIN_TEXT });
  report = run.report;
  exitCode = run.code;
  stderr = run.stderr;
});

const textDocs = () => report.documents.filter((d) => d.uri.startsWith(`${TEXT_ADS}/`));
const htmlDocs = () => report.documents.filter((d) => d.uri.startsWith(`${PAGES}/`));

/** Keys of `obj` that appear in `expected`, in the order the object has them. */
const keyOrder = (obj: object, expected: string[]) => Object.keys(obj).filter((k) => expected.includes(k));

describe('JSON report shape', () => {
  it('is one JSON document with tool, summary and documents, exit 1 because of errors, nothing on stderr', () => {
    expect(exitCode).toBe(1);
    expect(stderr).toBe('');
    expect(Object.keys(report)).toEqual(['tool', 'summary', 'documents']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(report.tool).toEqual({ name: 'adscan', version: pkg.version });
  });

  it('keeps the contract key order in summary, documents and findings', () => {
    expect(keyOrder(report.summary, ['documents', 'findings', 'failed', 'bySeverity', 'byCategory'])).toEqual([
      'documents',
      'findings',
      'failed',
      'bySeverity',
      'byCategory',
    ]);
    expect(Object.keys(report.summary.bySeverity)).toEqual(['error', 'warning', 'info']);
    for (const doc of report.documents) {
      expect(keyOrder(doc, ['uri', 'adTypes', 'context', 'error', 'findings'])).toEqual(['uri', 'adTypes', 'context', 'error', 'findings']);
      for (const f of doc.findings) {
        const order = ['ruleId', 'category', 'severity', 'message', 'match', 'field', 'start', 'end', 'snippet', 'law', 'suggestion'];
        expect(keyOrder(f, order)).toEqual(order);
      }
    }
  });

  it('lists every input in order: the text directory sorted, then the pages, then stdin', () => {
    const uris = report.documents.map((d) => d.uri);
    const texts = uris.filter((u) => u.startsWith(`${TEXT_ADS}/`));
    const pages = uris.filter((u) => u.startsWith(`${PAGES}/`));
    expect(texts).toContain(`${TEXT_ADS}/psoriasis-hospital.txt`);
    expect(texts).toContain(`${TEXT_ADS}/traditional-clinic.txt`);
    expect(texts).toEqual([...texts].sort());
    expect(pages).toEqual([
      `${PAGES}/compliant-dental-clinic.html`,
      `${PAGES}/health-news-advertorial.gbk.html`,
      `${PAGES}/hospital-stomach-cure.html`,
    ]);
    expect(uris).toEqual([...texts, ...pages, '<stdin>']);
  });

  it('gives every document adTypes, context and a null error, and every finding the full set of fields', () => {
    for (const doc of report.documents) {
      expect(doc.error, doc.uri).toBeNull();
      expect(Array.isArray(doc.adTypes)).toBe(true);
      expect(['ad', 'regulatory', 'news', 'unknown']).toContain(doc.context);
      for (const f of doc.findings) expectFindingShape(f);
    }
  });

  it('has a summary that agrees with the documents', () => {
    const all = report.documents.flatMap((d) => d.findings);
    const s = report.summary;
    expect(s.documents).toBe(report.documents.length);
    expect(s.findings).toBe(all.length);
    expect(s.findings).toBeGreaterThan(0);
    expect(s.failed).toBe(report.documents.filter((d) => d.error !== null).length);
    expect(s.suppressed).toBe(report.documents.reduce((n, d) => n + d.suppressed.length, 0));
    const severities = { error: 0, warning: 0, info: 0 };
    const categories: Record<string, number> = {};
    for (const f of all) {
      severities[f.severity]++;
      categories[f.category] = (categories[f.category] ?? 0) + 1;
    }
    expect(s.bySeverity).toEqual(severities);
    expect(s.byCategory).toEqual(categories);
    // Categories in code-point order, so the report does not depend on rule firing order.
    const keys = Object.keys(s.byCategory);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('positions in text inputs', () => {
  it('slice the original at every finding to exactly the match, with agreeing line/column', () => {
    const docs = textDocs();
    expect(docs.length).toBeGreaterThanOrEqual(8);
    let checked = 0;
    for (const doc of docs) {
      const original = readText(doc.uri);
      expect(doc.format).toBe('text');
      for (const f of doc.findings) {
        expectPositionsAgree(original, f);
        expect(f.field).toBe('body');
        if (!isDocumentLevel(f)) {
          expect(original.slice(f.start.offset, f.end.offset), `${doc.uri} ${f.ruleId}`).toBe(f.match);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('finds 保证治愈 in the psoriasis ad where the file has it, plus the document-level missing certificate', () => {
    const uri = `${TEXT_ADS}/psoriasis-hospital.txt`;
    const doc = documentFor(report, uri);
    const original = readText(uri);
    expect(doc.adTypes).toContain('medical');
    expect(doc.context).toBe('ad');
    const at = original.indexOf('保证治愈');
    const cure = doc.findings.find((f) => f.match === '保证治愈');
    expect(cure).toBeDefined();
    expect(cure!.category).toBe('cure-guarantee');
    expect(cure!.severity).toBe('error');
    expect(cure!.start).toEqual(positionOf(original, at));
    expect(cure!.start).toMatchObject({ line: 4, column: 8 });
    expect(cure!.end.offset).toBe(at + 4);
    expect(cure!.snippet).toContain('保证治愈');

    const missing = doc.findings.find((f) => f.category === 'missing-review-certificate');
    expect(missing).toBeDefined();
    expect(missing!.match).toBe('');
    expect(missing!.start).toEqual({ offset: 0, line: 1, column: 1 });
    expect(missing!.end).toEqual({ offset: 0, line: 1, column: 1 });
  });

  it('reports nothing for the compliant hospital ad', () => {
    const doc = documentFor(report, `${TEXT_ADS}/compliant-hospital.txt`);
    expect(doc.adTypes).toContain('medical');
    expect(doc.findings).toEqual([]);
  });

  it('indexes the Traditional original, not the Simplified text the rules matched', () => {
    const uri = `${TEXT_ADS}/traditional-clinic.txt`;
    const doc = documentFor(report, uri);
    const original = readText(uri);
    const matches = doc.findings.map((f) => f.match);
    expect(matches).toContain('藥到病除');
    const f = doc.findings.find((x) => x.match === '藥到病除')!;
    expect(f.category).toBe('cure-guarantee');
    expect(f.start).toEqual(positionOf(original, original.indexOf('藥到病除')));
    // Nothing in the report leaks the normalised (Simplified) form.
    for (const m of matches) expect(m).not.toMatch(/药|说|这里|彻底好/);
    for (const x of doc.findings.filter((y) => !isDocumentLevel(y))) expect(original.slice(x.start.offset, x.end.offset)).toBe(x.match);
  });
});

describe('stdin', () => {
  it('is the document <stdin>, with UTF-16 columns and CRLF line breaks counted like the files', () => {
    const doc = documentFor(report, '<stdin>');
    expect(doc.error).toBeNull();
    expect(doc.format).toBe('text');
    expect(doc.adTypes).toContain('medical');
    const f = doc.findings.find((x) => x.match === '保证治愈');
    expect(f).toBeDefined();
    // Line 2 column 9: the 🏥 on line 1 (two code units) does not shift line 2.
    expect(f!.start).toEqual({ offset: STDIN_TEXT.indexOf('保证治愈'), line: 2, column: 9 });
    expect(f!.end).toEqual({ offset: STDIN_TEXT.indexOf('保证治愈') + 4, line: 2, column: 13 });
    for (const x of doc.findings) {
      expectPositionsAgree(STDIN_TEXT, x);
      if (!isDocumentLevel(x)) expect(STDIN_TEXT.slice(x.start.offset, x.end.offset)).toBe(x.match);
    }
  });
});

// HTML: `match` is the text a reader sees (tags dropped, entities decoded, whitespace
// collapsed); start/end index the decoded page source, spanning every source character the
// match came from — so tags and entity references may sit inside the span.
const stripTags = (s: string) => s.replace(/<[^>]*>/g, '');
const noSpace = (s: string) => s.replace(/\s+/gu, '');

function decodedSource(doc: JsonDocument): string {
  const bytes = readFileSync(join(ROOT, doc.uri));
  return iconv.decode(bytes, doc.charset!);
}

/** The element the offset sits inside, as its opening tag's name, when the offset is inside a tag. */
function enclosingTag(original: string, offset: number): string | null {
  const lt = original.lastIndexOf('<', offset);
  const gt = original.lastIndexOf('>', offset - 1);
  if (lt < 0 || gt > lt) return null;
  return /^<([a-zA-Z]+)/.exec(original.slice(lt))?.[1]?.toLowerCase() ?? null;
}

describe('positions in HTML inputs', () => {
  it('detects the pages as HTML and the GBK page as a GBK-family charset', () => {
    const docs = htmlDocs();
    expect(docs).toHaveLength(3);
    for (const d of docs) expect(d.format).toBe('html');
    const gbk = documentFor(report, `${PAGES}/health-news-advertorial.gbk.html`);
    expect(gbk.charset).toMatch(/^(gbk|gb18030|gb2312)$/);
    // The fixture really is not UTF-8, so this exercises decoding.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(ROOT, gbk.uri)))).toThrow();
    expect(documentFor(report, `${PAGES}/hospital-stomach-cure.html`).charset).toBe('utf-8');
    expect(documentFor(report, `${PAGES}/compliant-dental-clinic.html`).findings).toEqual([]);
  });

  it('maps every match back to the source stretch it was extracted from, in the right field', () => {
    const fieldsSeen = new Set<string>();
    let checked = 0;
    for (const doc of htmlDocs()) {
      const original = decodedSource(doc);
      for (const f of doc.findings) {
        const where = `${doc.uri} ${f.ruleId} “${f.match}” @${f.start.offset}`;
        expectPositionsAgree(original, f);
        if (isDocumentLevel(f)) continue;
        fieldsSeen.add(f.field);
        const source = original.slice(f.start.offset, f.end.offset);
        const attribute = f.field === 'meta' || f.field === 'alt';
        const visible = attribute ? decodeHTMLAttribute(source) : decodeHTML(stripTags(source));
        expect(noSpace(visible), where).toBe(noSpace(f.match));
        // The span starts on the match's first character (or the reference that encodes it), not on markup.
        expect(source[0] === f.match[0] || source[0] === '&', where).toBe(true);
        // And it lies where the field says.
        const tag = enclosingTag(original, f.start.offset);
        if (f.field === 'meta') {
          expect(tag, where).toBe('meta');
          expect(original.slice(original.lastIndexOf('<', f.start.offset), f.start.offset), where).toMatch(/content=["']?[^"']*$/);
        } else if (f.field === 'alt') {
          expect(tag, where).toBe('img');
          expect(original.slice(original.lastIndexOf('<', f.start.offset), f.start.offset), where).toMatch(/alt=["']?[^"']*$/);
        } else if (f.field === 'title') {
          expect(tag, where).toBeNull();
          expect(original.lastIndexOf('<title', f.start.offset), where).toBeGreaterThan(original.lastIndexOf('</title', f.start.offset));
        } else {
          expect(tag, where).toBeNull();
          expect(original.lastIndexOf('<body', f.start.offset), where).toBeGreaterThanOrEqual(0);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
    // The fixtures put violations in meta, body and alt text.
    expect([...fieldsSeen].sort()).toEqual(expect.arrayContaining(['alt', 'body', 'meta']));
  });

  it('spans inline markup: a match split by <span> tags covers the tags in the source', () => {
    const doc = documentFor(report, `${PAGES}/hospital-stomach-cure.html`);
    const original = decodedSource(doc);
    const split = doc.findings.filter((f) => /</.test(original.slice(f.start.offset, f.end.offset)));
    expect(split.length).toBeGreaterThan(0);
    for (const f of split) expect(f.end.offset - f.start.offset).toBeGreaterThan(f.match.length);
  });

  it('decodes the GBK page: Chinese matches in meta, body and alt point at the decoded source', () => {
    const doc = documentFor(report, `${PAGES}/health-news-advertorial.gbk.html`);
    const original = decodedSource(doc);
    const news = doc.findings.filter((f) => f.match === '本报讯');
    expect(news.map((f) => f.field).sort()).toEqual(['body', 'meta']);
    for (const f of news) expect(original.slice(f.start.offset, f.end.offset)).toBe('本报讯');
    expect(doc.findings.some((f) => f.field === 'alt')).toBe(true);
  });
});
