import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { formatReport, isFormatName } from '../../src/report/index.js';
import type { DocumentResult, Finding, Severity } from '../../src/core/types.js';
import { formatMarkdown, type MarkdownOptions } from '../../src/report/markdown.js';
import { doc, finding, result, sampleDocuments } from './sample-result.js';

// CommonMark + GFM tables, raw HTML allowed as GitHub allows some: escaping must keep it out.
const md = new MarkdownIt({ html: true, linkify: false });

interface Rendered {
  text: string;
  headline: string;
  tables: string[][][];
  html: string;
}

/** Renders with a real Markdown parser and reads the tables back as cell text. */
function render(documents: DocumentResult[], options: MarkdownOptions = {}): Rendered {
  const text = formatMarkdown(result(documents), options);
  const tokens = md.parse(text, {});
  const tables: string[][][] = [];
  let row: string[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'table_open') tables.push([]);
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close') tables.at(-1)!.push(row!);
    else if ((t.type === 'th_open' || t.type === 'td_open') && row) row.push(inlineText(tokens[i + 1]!.children ?? []));
  }
  const headline = tokens[0]!.type === 'heading_open' ? inlineText(tokens[1]!.children ?? []) : '';
  return { text, headline, tables, html: md.render(text) };
}

/** The text a reader sees in an inline run (escapes resolved), failing on any markup. */
function inlineText(children: { type: string; content: string }[]): string {
  return children
    .map((c) => {
      if (c.type === 'text') return c.content;
      if (c.type === 'softbreak') return '\n';
      throw new Error(`unexpected inline markup: ${c.type} ${JSON.stringify(c.content)}`);
    })
    .join('');
}

describe('formatMarkdown', () => {
  it('gives a headline, a document table and a findings table, errors first', () => {
    const { headline, tables, text } = render(sampleDocuments());
    expect(headline).toBe('adscan: 4 findings (2 errors, 1 warning, 1 info) in 2 of 5 documents');
    expect(text).toContain('\n1 document could not be read · 3 findings suppressed\n');
    expect(text).toContain('\n_Not listed: 2 documents without findings._\n');
    expect(tables).toHaveLength(2);
    expect(tables[0]).toEqual([
      ['Document', 'Ad types', 'Errors', 'Warnings', 'Info', 'Read error'],
      ['ads/a.txt', 'medical', '2', '1', '0', ''],
      ['ads/繁體.html', 'medical, medical-beauty', '0', '0', '1', ''],
      ['https://example.com/missing', '', '0', '0', '0', 'HTTP 404 Not Found'],
    ]);
    expect(tables[1]).toEqual([
      ['Location', 'Severity', 'Category', 'Match', 'Message'],
      ['ads/a.txt:2:9', 'error', 'cure-guarantee', '保证治愈', '医疗广告不得保证治愈'],
      ['ads/a.txt:3:12', 'error', 'cure-guarantee', '根治', '医疗广告不得保证治愈'],
      ['ads/a.txt:1:1', 'warning', 'absolute-terms', '最好', '使用绝对化用语'],
      ['ads/繁體.html:1:6', 'info', 'cure-rate', '治癒率', '宣传治愈率'],
    ]);
    expect(text).not.toContain('Showing');
  });

  it('escapes table pipes, code, emphasis, HTML, links and newlines in scanned text', () => {
    const hostile = finding({
      ruleId: 'r',
      category: 'a_b*c',
      match: '保证|治愈`x`',
      message: '**粗体** _斜体_ <script>alert(1)</script>\n| 新行 | 列 |\r\n# 标题 [链接](http://x) ~~删~~ &amp; @someone \\|',
    });
    const uri = 'dir|x/<img src=x onerror=alert(1)>_a_.txt';
    const { tables, html } = render([doc({ uri, adTypes: ['medical'], findings: [hostile], error: null })]);
    expect(html).not.toMatch(/<(script|img|strong|em|a|code|s|del|h1)\b/);
    expect(tables[0]![1]).toEqual([uri, 'medical', '1', '0', '0', '']);
    expect(tables[1]![1]).toEqual([
      `${uri}:1:1`,
      'error',
      'a_b*c',
      '保证|治愈`x`',
      '**粗体** _斜体_ <script>alert(1)</script> | 新行 | 列 |  # 标题 [链接](http://x) ~~删~~ &amp; @\u200bsomeone \\|',
    ]);
    for (const table of tables) for (const r of table) expect(r).toHaveLength(table[0]!.length);
  });

  it('lists at most maxFindings findings and says how many were left out', () => {
    const many = (n: number, severity: Severity): Finding[] =>
      Array.from({ length: n }, (_, i) =>
        finding({ ruleId: 'r', category: 'c', match: `m${i}`, severity, start: { offset: i, line: i + 1, column: 1 } }),
      );
    const docs = [doc({ uri: 'a', findings: many(40, 'info') }), doc({ uri: 'b', findings: many(30, 'error') })];
    const { tables, text } = render(docs);
    expect(tables[1]!.slice(1)).toHaveLength(50);
    expect(tables[1]!.slice(1, 31).every((r) => r[0]!.startsWith('b:') && r[1] === 'error')).toBe(true);
    expect(tables[1]![31]![0]).toBe('a:1:1');
    expect(text.trimEnd().split('\n').at(-1)).toBe('_Showing 50 of 70 findings, errors first; see the full report for the rest._');
    const five = render(docs, { maxFindings: 5 });
    expect(five.tables[1]!.slice(1).map((r) => r[0])).toEqual(['b:1:1', 'b:2:1', 'b:3:1', 'b:4:1', 'b:5:1']);
    expect(five.text).toContain('_Showing 5 of 70 findings');
    const none = render(docs, { maxFindings: 0 });
    expect(none.tables).toHaveLength(1);
    expect(none.text).toContain('_Showing 0 of 70 findings');
  });

  it('lists at most maxDocuments documents', () => {
    const docs = Array.from({ length: 4 }, (_, i) =>
      doc({ uri: `d${i}`, findings: [finding({ ruleId: 'r', category: 'c', match: 'x' })] }),
    ).concat([doc({ uri: 'clean' })]);
    const { tables, text } = render(docs, { maxDocuments: 2 });
    expect(tables[0]!.slice(1).map((r) => r[0])).toEqual(['d0', 'd1']);
    expect(text).toContain('_Not listed: 2 more documents with findings or errors; 1 document without findings._');
  });

  it('shows document-level findings without a position or match', () => {
    const missing = finding({ ruleId: 'n/missing', category: 'missing-review-certificate', match: '', message: '缺少医疗广告审查证明文号' });
    const { tables } = render([doc({ uri: 'ad.txt', findings: [missing, { ...missing, occurrences: 3, match: '最', severity: 'warning' }] })]);
    expect(tables[1]!.slice(1)).toEqual([
      ['ad.txt', 'error', 'missing-review-certificate', '—', '缺少医疗广告审查证明文号'],
      ['ad.txt:1:1', 'warning', 'missing-review-certificate', '最', '缺少医疗广告审查证明文号 ×3'],
    ]);
  });

  it('says so when there is nothing to report, and still lists read errors', () => {
    expect(formatMarkdown(result([]))).toBe('### adscan: no findings in 0 documents\n');
    expect(formatMarkdown(result([doc({ uri: 'a' }), doc({ uri: 'b', suppressed: [] })]))).toBe('### adscan: no findings in 2 documents\n');
    const failed = render([doc({ uri: 'a' }), doc({ uri: 'gone.txt', error: 'ENOENT: no such file' })]);
    expect(failed.headline).toBe('adscan: no findings in 1 document');
    expect(failed.text).toContain('\n1 document could not be read\n');
    expect(failed.tables).toEqual([
      [
        ['Document', 'Ad types', 'Errors', 'Warnings', 'Info', 'Read error'],
        ['gone.txt', '', '0', '0', '0', 'ENOENT: no such file'],
      ],
    ]);
    expect(failed.text).toContain('_Not listed: 1 document without findings._');
  });
});

describe('the "markdown" format in the registry', () => {
  it('is what formatReport gives, with options as the CLI passes them', () => {
    expect(isFormatName('markdown')).toBe(true);
    expect(formatReport('markdown', result(sampleDocuments()), { color: false, maxFindings: 2 })).toBe(formatMarkdown(result(sampleDocuments()), { maxFindings: 2 }));
  });
});
