import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { DocumentResult, Finding, ScanResult, SuppressedFinding } from '../../src/core/types.js';
import { formatHtml } from '../../src/report/html.js';
import type { ReportOptions } from '../../src/report/index.js';
import { SCRIPT } from '../../src/report/html/script.js';
import { STYLES } from '../../src/report/html/styles.js';
import { printable } from '../../src/report/printable.js';
import { doc, finding, result, sampleDocuments } from './sample-result.js';

const fixture = (name: string): ScanResult =>
  JSON.parse(readFileSync(new URL(`../../fixtures/report/${name}`, import.meta.url), 'utf8')) as ScanResult;

const render = (scan: ScanResult, options = {}) => {
  const html = formatHtml(scan, options);
  return { html, $: load(html) };
};

/** The data the page's script reads. */
const tableData = ($: CheerioAPI) => JSON.parse($('script#adscan-data').text());

describe('formatHtml: escaping of scanned content', () => {
  const xss = fixture('xss-result.json');
  const { html, $ } = render(xss, { startTime: new Date('2026-01-01T00:00:00Z') });

  it('creates no element, attribute or script from the content', () => {
    expect($('img, iframe, a, object, embed, link, base, form, input[type=hidden], meta[http-equiv=refresh]')).toHaveLength(0);
    // Exactly the two scripts the formatter writes: the JSON data and the hashed client script.
    const scripts = $('script');
    expect(scripts).toHaveLength(2);
    expect(scripts.eq(0).attr('type')).toBe('application/json');
    expect(scripts.eq(1).text()).toBe(SCRIPT);
    expect($('style')).toHaveLength(1);
    expect($('style').text()).toBe(STYLES);
    // No event-handler attribute anywhere, and no src/href at all.
    const handlers = $('*')
      .toArray()
      .flatMap((el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {}))
      .filter((name) => /^on/i.test(name) || name === 'src' || name === 'href' || name === 'srcdoc' || name === 'style');
    expect(handlers).toEqual([]);
    // The only <svg> elements are the three charts; the payload's <svg onload> is text.
    expect($('svg').toArray().map((el) => $(el).attr('id'))).toEqual(['chart-severity', 'chart-category', 'chart-adtype']);
    expect($('b')).toHaveLength(0);
  });

  it('never writes a payload raw', () => {
    for (const raw of ['<script>window', '<img', '<svg onload', '<iframe', 'onerror="', 'onmouseover="', '</style><style>', '<a href']) {
      expect(html).not.toContain(raw);
    }
  });

  it('shows every content field as text', () => {
    const text = $('body').text();
    const [page, failed, news] = xss.documents as [DocumentResult, DocumentResult, DocumentResult];
    const first = page.findings[0]!;
    const shown = (value: string) => expect(text).toContain(printable(value));
    shown(page.uri);
    shown(page.finalUri!);
    shown(page.charset!);
    shown(page.evidence[0]!.indicator);
    shown(page.evidence[0]!.supports);
    for (const f of [...page.findings, ...page.suppressed] as Array<Finding & Partial<SuppressedFinding>>) {
      shown(f.ruleId);
      shown(f.category);
      shown(f.message);
      shown(f.match);
      shown(f.snippet);
      shown(f.suggestion);
      if (f.reason) shown(f.reason);
      for (const law of f.law) shown(law);
      if (f.suppressedBy) shown(f.suppressedBy);
    }
    shown(failed.uri);
    shown(failed.error!);
    shown(news.uri);
    shown((news.suppressed[0] as SuppressedFinding).suppressedBy);
    shown(xss.tool.version);

    expect($('.uri-text').first().text()).toBe(page.uri);
    expect($('li.finding .snippet mark.hit').first().text()).toBe(first.match);
    expect($('td.read-error').eq(1).text()).toBe(failed.error);
    expect($('.read-error-box').text()).toContain(failed.error);
    expect($('li.finding').first().attr('data-category')).toBe(first.category);
  });

  it('embeds the table data as JSON that cannot leave its element and parses back to the content', () => {
    const raw = $('script#adscan-data').text();
    expect(raw).not.toMatch(/[<>&]/);
    const data = tableData($);
    expect(data.docs.map((d: { uri: string }) => d.uri)).toEqual(xss.documents.map((d) => d.uri));
    expect(data.docs[1].readError).toBe(xss.documents[1]!.error);
    expect(data.categories).toContain(xss.documents[0]!.findings[0]!.category);
  });

  it('keeps bidi overrides from reordering the page', () => {
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('formatHtml: structure', () => {
  const scan = result(sampleDocuments());
  const { html, $ } = render(scan);

  it('is a UTF-8 page with the charset declared first', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('is self-contained: no external resources and a CSP that allows only its own style and script', () => {
    expect(html).not.toMatch(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|@import|url\(/i);
    const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash($('script:not([type])').text())}`);
    expect(csp).toContain(`style-src ${hash($('style').text())}`);
    expect(csp).not.toContain('unsafe');
  });

  it('shows the summary counts', () => {
    const card = (id: string) => $(`#count-${id} dd`).text();
    expect(card('documents')).toBe('5');
    expect(card('with-findings')).toBe('2');
    expect(card('findings')).toBe('4');
    expect(card('error')).toBe('2');
    expect(card('warning')).toBe('1');
    expect(card('info')).toBe('1');
    expect(card('suppressed')).toBe('3');
    expect(card('failed')).toBe('1');
  });

  it('draws charts by severity, category and ad type', () => {
    expect($('svg#chart-severity rect')).toHaveLength(3);
    expect($('svg#chart-severity').attr('role')).toBe('img');
    const categories = $('svg#chart-category .chart-label').toArray().map((el) => $(el).text());
    expect(categories).toEqual(['cure-guarantee', 'absolute-terms', 'cure-rate']);
    const adTypes = $('svg#chart-adtype g.chart-row title').toArray().map((el) => $(el).text());
    expect(adTypes).toEqual(['medical: 4 in 2 docs', 'medical-beauty: 1 in 1 doc', 'drug: 0 in 1 doc', 'unclassified: 0 in 1 doc']);
  });

  it('has one table section per document, with counts per severity and the read error', () => {
    const rows = $('tbody.doc');
    expect(rows).toHaveLength(5);
    const cells = (i: number) =>
      rows.eq(i).find('tr.doc-row td').toArray().map((el) => $(el).text());
    expect(cells(0)).toEqual(['ads/a.txt', 'medical · ad', '3', '2', '1', '0', '0', '']);
    expect(cells(2)).toEqual(['ads/繁體.html', 'medical, medical-beauty · ad', '1', '0', '0', '1', '1', '']);
    expect(cells(4)).toEqual(['https://example.com/missing', '— · unknown', '0', '0', '0', '0', '0', 'HTTP 404 Not Found']);
    expect(rows.eq(4).find('.read-error-box').text()).toBe('Read error: HTTP 404 Not Found');
    expect($('th[data-sort]').toArray().map((el) => $(el).attr('data-sort'))).toEqual([
      'uri', 'findings', 'error', 'warning', 'info', 'suppressed', 'readError',
    ]);
  });

  it('shows each finding with its highlighted match, rule, legal basis and suggestion', () => {
    const items = $('tbody.doc').eq(0).find('ol.findings.active > li.finding');
    expect(items).toHaveLength(3);
    const cure = items.eq(1);
    expect(cure.attr('data-severity')).toBe('error');
    expect(cure.find('.rule').text()).toBe('medical/cure-guarantee');
    expect(cure.find('.snippet').html()).toBe('…专治牛皮癣，<mark class="hit">保证治愈</mark>，无效退款…');
    expect(cure.find('.where').text()).toBe('body 2:9');
    expect(cure.find('dd.law li').toArray().map((el) => $(el).text())).toEqual([
      '广告法第十六条第一款第一项',
      '医疗广告管理办法第七条',
    ]);
    expect(cure.find('dd.suggestion').text()).toBe('删除保证治愈的表述');
    // snippetMatch picks the second 根治, which a text search would miss.
    expect(items.eq(2).find('.snippet').html()).toBe('根治不是口号，三个疗程即可<mark class="hit">根治</mark>');
    // Without snippetMatch the match is searched for in the snippet.
    const traditional = $('tbody.doc').eq(2).find('ol.findings.active > li.finding');
    expect(traditional.find('.snippet').html()).toBe('本院痔瘡<mark class="hit">治癒率</mark>高達98%');
    expect(traditional.find('.badge.reason').text()).toBe('reason: needs-data');
  });

  it('lists suppressed findings separately, folded, with the reason', () => {
    const news = $('tbody.doc').eq(3);
    expect(news.find('ol.findings.active')).toHaveLength(0);
    const details = news.find('details.suppressed');
    expect(details.attr('open')).toBeUndefined();
    expect(details.find('summary').text()).toBe('2 suppressed findings (kept out by document context)');
    expect(details.find('dd.suppressed-by').toArray().map((el) => $(el).text())).toEqual(['quoted-mention', 'quoted-mention']);
  });

  it('shows occurrences, a match missing from the snippet, and document-level findings', () => {
    const scan2 = result([
      doc({
        uri: 'a.txt',
        findings: [
          finding({ ruleId: 'r/rep', category: 'c', match: '最', severity: 'warning', occurrences: 4, snippet: '最好' }),
          finding({ ruleId: 'r/gone', category: 'c', match: '不在', snippet: '片段' }),
          finding({ ruleId: 'r/doc', category: 'missing-number', match: '', snippet: '' }),
        ],
      }),
    ]);
    const { $: $2 } = render(scan2);
    const items = $2('li.finding');
    expect(items.eq(0).find('.badge.occurrences').text()).toBe('×4 occurrences');
    expect(items.eq(1).find('.snippet').text()).toBe('片段');
    expect(items.eq(1).find('dd mark.hit').text()).toBe('不在');
    expect(items.eq(2).find('.where').text()).toBe('body 1:1 · document-level');
    expect(items.eq(2).find('.snippet')).toHaveLength(0);
  });

  it('embeds per-document data for filtering and sorting', () => {
    const data = tableData($);
    expect(data.severities).toEqual(['error', 'warning', 'info']);
    expect(data.docs).toHaveLength(5);
    const a = data.docs[0];
    expect(a).toMatchObject({ uri: 'ads/a.txt', findings: 3, error: 2, warning: 1, info: 0, suppressed: 0, readError: null });
    expect(a.f.map(([s, c]: [number, number]) => [data.severities[s], data.categories[c]])).toEqual([
      ['warning', 'absolute-terms'],
      ['error', 'cure-guarantee'],
      ['error', 'cure-guarantee'],
    ]);
    expect(a.text).toContain('保证治愈');
    expect(data.docs[4].readError).toBe('HTTP 404 Not Found');
    // The category filter offers the categories with their counts.
    expect($('#filter-category option').toArray().map((el) => $(el).text())).toEqual([
      'any', 'cure-guarantee (2)', 'absolute-terms (1)', 'cure-rate (1)',
    ]);
  });

  it('is deterministic and reads no clock', () => {
    expect(formatHtml(scan, {})).toBe(html);
    expect(html).not.toContain('scanned');
    expect(render(scan, { startTime: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) }).$('.meta').text()).toBe(
      'adscan 0.1.0 · scanned 2026-01-02T03:04:05.000Z · 5 documents',
    );
    expect(render(scan, { startTime: new Date(NaN) }).html).toBe(html);
    expect(render(scan, { title: '<广告> 报告' }).$('head > title').text()).toBe('<广告> 报告');
  });

  it('does not modify the result', () => {
    const input = result(sampleDocuments());
    const before = JSON.stringify(input);
    formatHtml(input, { cwd: '/' });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('takes the options every formatter is given', () => {
    // What src/report/index.ts registers: html: formatHtml (a Formatter).
    const formatter: (result: ScanResult, options: ReportOptions) => string = formatHtml;
    expect(formatter(scan, { color: true })).toBe(html);
  });

  it('shortens absolute paths under cwd, like the pretty report', () => {
    const { $: $2 } = render(result([doc({ uri: '/work/ads/a.txt' }), doc({ uri: '/elsewhere/b.txt' })]), { cwd: '/work' });
    expect($2('.uri-text').toArray().map((el) => $2(el).text())).toEqual(['ads/a.txt', '/elsewhere/b.txt']);
  });

  it('renders an empty scan', () => {
    const { $: $2 } = render(result([]));
    expect($2('#count-documents dd').text()).toBe('0');
    expect($2('tbody.doc')).toHaveLength(0);
    expect($2('td.empty').first().text()).toBe('No documents were scanned.');
    expect($2('svg#chart-category').text()).toContain('none');
  });

  it('renders a real scan result', () => {
    const ads = fixture('ads-result.json');
    const { $: $2 } = render(ads);
    expect($2('tbody.doc')).toHaveLength(ads.documents.length);
    expect($2('ol.findings.active > li.finding')).toHaveLength(ads.summary.findings);
    expect($2('details.suppressed li.finding')).toHaveLength(ads.summary.suppressed);
    expect($2('#count-error dd').text()).toBe(String(ads.summary.bySeverity.error));
    // Every finding whose snippet holds its match shows it highlighted.
    const marks = $2('ol.findings.active .snippet mark.hit').toArray().map((el) => $2(el).text());
    const expected = ads.documents
      .flatMap((d) => d.findings)
      .map((f) => (f.snippetMatch ? printable(f.snippet).slice(...f.snippetMatch) : f.snippet.includes(f.match) ? f.match : ''))
      .filter((match) => match.length > 0);
    expect(marks).toEqual(expected);
  });
});
