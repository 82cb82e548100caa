import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/core/types.js';
import { formatPretty } from '../../src/report/pretty.js';
import { cureGuarantee, doc, finding, quotedMention, result, sampleDocuments } from './sample-result.js';

const plain = (documents = sampleDocuments()) => formatPretty(result(documents), { color: false });
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('formatPretty without colour', () => {
  it('lists documents with findings or errors, each finding with location, snippet, law and suggestion', () => {
    expect(plain().split('\n')).toEqual([
      'ads/a.txt  medical · ad',
      '  ads/a.txt:1:1   warning  absolute-terms  使用绝对化用语  (general/absolute-terms)',
      '    [最好]的皮肤病医院',
      '    法律依据: 广告法第九条第三项',
      '    建议: 删除“最好”',
      '  ads/a.txt:2:9   error    cure-guarantee  医疗广告不得保证治愈  (medical/cure-guarantee)',
      '    …专治牛皮癣，[保证治愈]，无效退款…',
      '    法律依据: 广告法第十六条第一款第一项；医疗广告管理办法第七条',
      '    建议: 删除保证治愈的表述',
      '  ads/a.txt:3:12  error    cure-guarantee  医疗广告不得保证治愈  (medical/cure-guarantee)',
      '    根治不是口号，三个疗程即可[根治]',
      '    法律依据: 广告法第十六条第一款第一项',
      '    建议: 删除保证治愈的表述',
      '',
      'ads/繁體.html  medical, medical-beauty · ad',
      '  ads/繁體.html:1:6  info     cure-rate  宣传治愈率  (medical/cure-rate · needs-data)',
      '    本院痔瘡[治癒率]高達98%',
      '',
      'https://example.com/missing  unknown',
      '  error  HTTP 404 Not Found',
      '',
      '✖ 4 problems (2 errors, 1 warning, 1 info) in 2 of 5 documents · 1 failed · 3 suppressed',
      '',
    ]);
  });

  it('says so when nothing was scanned or nothing was found', () => {
    expect(plain([])).toBe('✔ no problems found in 0 documents\n');
    expect(plain([doc({ uri: 'a.txt' })])).toBe('✔ no problems found in 1 document\n');
    expect(plain([doc({ uri: 'a.txt' }), doc({ uri: 'b.txt', suppressed: [quotedMention] })])).toBe(
      '✔ no problems found in 2 documents · 1 suppressed\n',
    );
  });

  it('reports failures even when nothing was found', () => {
    expect(plain([doc({ uri: 'a.txt' }), doc({ uri: 'gone.txt', error: 'ENOENT: no such file' })])).toBe(
      ['gone.txt  unknown', '  error  ENOENT: no such file', '', '✖ no problems found in 1 document · 1 failed', ''].join(
        '\n',
      ),
    );
  });

  it('uses singular and plural nouns correctly', () => {
    const one = (severity: Severity) => finding({ ruleId: 'r', category: 'c', match: 'x', severity });
    expect(lastLine(plain([doc({ uri: 'a', findings: [one('error')] })]))).toBe(
      '✖ 1 problem (1 error, 0 warnings, 0 info) in 1 of 1 document',
    );
    expect(
      lastLine(plain([doc({ uri: 'a', findings: [one('warning'), one('warning')] }), doc({ uri: 'b' })])),
    ).toBe('✖ 2 problems (0 errors, 2 warnings, 0 info) in 1 of 2 documents');
    expect(lastLine(plain([doc({ uri: 'a', findings: [one('info')] }), doc({ uri: 'b', findings: [one('info')] })]))).toBe(
      '✖ 2 problems (0 errors, 0 warnings, 2 info) in 2 of 2 documents',
    );
  });

  it('falls back to the first occurrence of the match when snippetMatch is missing or out of range', () => {
    const f = finding({ ruleId: 'r', category: 'c', match: '根治', snippet: '根治，再根治', snippetMatch: [5, 9] });
    expect(plain([doc({ uri: 'a', findings: [f] })])).toContain('\n    [根治]，再根治\n');
    const reversed = { ...f, snippetMatch: [4, 2] as [number, number] };
    expect(plain([doc({ uri: 'a', findings: [reversed] })])).toContain('\n    [根治]，再根治\n');
    const valid = { ...f, snippetMatch: [4, 6] as [number, number] };
    expect(plain([doc({ uri: 'a', findings: [valid] })])).toContain('\n    根治，再[根治]\n');
  });

  it('prints the snippet unmarked when the match is not in it, and no snippet line when it is empty', () => {
    const absent = finding({ ruleId: 'r', category: 'c', match: '保证', snippet: '保證治癒' });
    expect(plain([doc({ uri: 'a', findings: [absent] })]).split('\n')[2]).toBe('    保證治癒');
    const missing = finding({ ruleId: 'r/missing', category: 'missing-review-certificate', match: '', snippet: '' });
    expect(plain([doc({ uri: 'a', findings: [missing] })]).split('\n').slice(0, 3)).toEqual([
      'a  unknown',
      '  a:1:1  error    missing-review-certificate  message  (r/missing)',
      '',
    ]);
  });

  it('neutralises control characters from the scanned text and keeps the snippet on one line', () => {
    const hostile = finding({
      ruleId: 'r',
      category: 'c',
      match: '治愈',
      message: 'bad\u001b[2Jmessage',
      snippet: '第一行\n\u001b[31m保证治愈\r\n',
      snippetMatch: [11, 13],
    });
    const out = plain([doc({ uri: 'evil\u001b]0;title\u0007.txt', findings: [hostile], error: 'oops\u009b' })]);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out.split('\n').slice(0, 4)).toEqual([
      'evil\ufffd]0;title\ufffd.txt  unknown',
      '  error  oops\ufffd',
      '  evil\ufffd]0;title\ufffd.txt:1:1  error    c  bad\ufffd[2Jmessage  (r)',
      '    第一行 \ufffd[31m保证[治愈]  ',
    ]);
  });

  it('aligns the columns after locations of different lengths, CJK uri included', () => {
    const at = (line: number, column: number) =>
      finding({ ruleId: 'r', category: 'c', match: 'x', start: { offset: 0, line, column } });
    const lines = plain([doc({ uri: '广告/甲.txt', findings: [at(1, 1), at(10, 12)] })]).split('\n');
    expect(lines[1]).toBe('  广告/甲.txt:1:1    error    c  message  (r)');
    expect(lines[3]).toBe('  广告/甲.txt:10:12  error    c  message  (r)');
  });

  it('shows absolute paths under cwd relative to it and leaves other uris alone', () => {
    const docs = [
      doc({ uri: '/srv/ads/a.txt', findings: [cureGuarantee] }),
      doc({ uri: '/elsewhere/b.txt', findings: [cureGuarantee] }),
      doc({ uri: 'https://example.com/c', findings: [cureGuarantee] }),
    ];
    const out = formatPretty(result(docs), { color: false, cwd: '/srv' });
    expect(out).toContain('\n  ads/a.txt:2:9  error');
    expect(out).toContain('\n  /elsewhere/b.txt:2:9  error');
    expect(out).toContain('\n  https://example.com/c:2:9  error');
  });
});

describe('formatPretty with colour', () => {
  const coloured = formatPretty(result(sampleDocuments()), { color: true });

  it('is the colourless text plus escape codes', () => {
    expect(coloured).not.toBe(plain());
    expect(stripVTControlCharacters(coloured)).toBe(plain());
  });

  it('colours severities and highlights the match', () => {
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured).toContain('\u001b[34minfo\u001b[39m');
    expect(coloured).toContain('\u001b[1m\u001b[7m保证治愈\u001b[27m\u001b[22m');
    expect(coloured).toContain('\u001b[2m法律依据: 广告法第九条第三项\u001b[22m');
  });

  it('draws a green tick when there is nothing to report', () => {
    const out = formatPretty(result([doc({ uri: 'a' })]), { color: true });
    expect(out).toContain('\u001b[32m');
    expect(stripVTControlCharacters(out)).toBe('✔ no problems found in 1 document\n');
  });
});
