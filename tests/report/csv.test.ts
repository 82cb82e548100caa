import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatReport, isFormatName } from '../../src/report/index.js';
import { CSV_COLUMNS, formatCsv } from '../../src/report/csv.js';
import { doc, finding, result, sampleDocuments } from './sample-result.js';

const BOM = '\ufeff';

function rows(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  // csv-parse in strict RFC 4180 terms: no BOM stripping, no trimming, quotes required to be balanced.
  return parse(text.slice(BOM.length), { relax_quotes: false, relax_column_count: false }) as string[][];
}

describe('formatCsv', () => {
  it('writes a header and one row per finding, with a BOM and CRLF record ends', () => {
    const text = formatCsv(result(sampleDocuments()));
    expect(text.split('\r\n')[0]).toBe(`${BOM}document,line,column,severity,category,rule,match,snippet,law,suggestion`);
    expect(text.endsWith('\r\n')).toBe(true);
    const table = rows(text);
    expect(table[0]).toEqual([...CSV_COLUMNS]);
    expect(table.slice(1)).toEqual([
      ['ads/a.txt', '1', '1', 'warning', 'absolute-terms', 'general/absolute-terms', '最好', '最好的皮肤病医院', '广告法第九条第三项', '删除“最好”'],
      [
        'ads/a.txt',
        '2',
        '9',
        'error',
        'cure-guarantee',
        'medical/cure-guarantee',
        '保证治愈',
        '…专治牛皮癣，保证治愈，无效退款…',
        '广告法第十六条第一款第一项；医疗广告管理办法第七条',
        '删除保证治愈的表述',
      ],
      ['ads/a.txt', '3', '12', 'error', 'cure-guarantee', 'medical/cure-guarantee', '根治', '根治不是口号，三个疗程即可根治', '广告法第十六条第一款第一项', '删除保证治愈的表述'],
      ['ads/繁體.html', '1', '6', 'info', 'cure-rate', 'medical/cure-rate', '治癒率', '本院痔瘡治癒率高達98%', '', ''],
    ]);
  });

  it('round-trips commas, quotes, CR, LF, CRLF and Chinese text through csv-parse', () => {
    const nasty = finding({
      ruleId: 'r,1',
      category: 'c"q"',
      match: '保证,"治愈"',
      snippet: '第一行\n第二行\r第三行\r\n第四行, "引号" ，全角，逗号',
      law: ['《广告法》第九条, 第三项', '"第十六条"'],
      suggestion: ' 前后空格 ',
      start: { offset: 3, line: 10, column: 4 },
    });
    const uri = 'dir, with comma/"quoted" 文件.txt';
    const table = rows(formatCsv(result([doc({ uri, findings: [nasty] })])));
    expect(table).toHaveLength(2);
    expect(table[1]).toEqual([
      uri,
      '10',
      '4',
      'error',
      'c"q"',
      'r,1',
      '保证,"治愈"',
      '第一行\n第二行\r第三行\r\n第四行, "引号" ，全角，逗号',
      '《广告法》第九条, 第三项；"第十六条"',
      ' 前后空格 ',
    ]);
  });

  it('quotes exactly the fields that need it, RFC 4180 style', () => {
    const f = finding({ ruleId: 'r', category: 'c', match: 'a"b', snippet: 'x\ny', suggestion: 'p,q' });
    const line = formatCsv(result([doc({ uri: 'u', findings: [f] })])).split('\r\n').slice(1).join('\r\n');
    expect(line).toBe('u,1,1,error,c,r,"a""b","x\ny",,"p,q"\r\n');
  });

  it('writes only the header when nothing was found, whatever was suppressed or failed', () => {
    const empty = `${BOM}${CSV_COLUMNS.join(',')}\r\n`;
    expect(formatCsv(result([]))).toBe(empty);
    expect(formatCsv(result(sampleDocuments().map((d) => ({ ...d, findings: [] }))))).toBe(empty);
  });

  it('escapes spreadsheet formulas only when asked', () => {
    const f = finding({ ruleId: 'r', category: 'c', match: '=HYPERLINK("x")', snippet: '@SUM(A1)' });
    const plain = rows(formatCsv(result([doc({ uri: 'u', findings: [f] })])))[1]!;
    expect(plain.slice(6, 8)).toEqual(['=HYPERLINK("x")', '@SUM(A1)']);
    const safe = rows(formatCsv(result([doc({ uri: 'u', findings: [f] })]), { escapeFormulas: true }))[1]!;
    expect(safe.slice(6, 8)).toEqual(['\'=HYPERLINK("x")', "'@SUM(A1)"]);
  });
});

describe('the "csv" format in the registry', () => {
  it('is what formatReport gives, with options as the CLI passes them', () => {
    expect(isFormatName('csv')).toBe(true);
    expect(formatReport('csv', result(sampleDocuments()), { color: false })).toBe(formatCsv(result(sampleDocuments())));
  });
});
