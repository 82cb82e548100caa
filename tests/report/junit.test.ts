import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatReport, isFormatName } from '../../src/report/index.js';
import type { DocumentResult } from '../../src/core/types.js';
import { formatJunit, type JunitOptions } from '../../src/report/junit.js';
import { absoluteAtLineStart, cureGuarantee, doc, finding, result, sampleDocuments, traditional } from './sample-result.js';

type Node = Record<string, any>;
const ARRAYS = new Set(['testsuites.testsuite', 'testsuites.testsuite.testcase', 'testsuites.testsuite.testcase.failure', 'testsuites.testsuite.properties.property']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true, // decode numeric character references (&#10;) as XML requires
  isArray: (_name, path) => ARRAYS.has(String(path)),
});

function junit(documents: DocumentResult[], options: JunitOptions = {}) {
  const xml = formatJunit(result(documents), options);
  expect(XMLValidator.validate(xml)).toBe(true);
  const root = parser.parse(xml) as Node;
  const suite = root['testsuites']['testsuite'][0] as Node;
  const cases = suite['testcase'] as Node[];
  const properties = Object.fromEntries((suite['properties']['property'] as Node[]).map((p) => [p['@name'], p['@value']]));
  return { xml, root, suite, cases, properties };
}

describe('formatJunit', () => {
  it('writes one suite with one test case per document and failures for errors by default', () => {
    const { xml, root, suite, cases, properties } = junit(sampleDocuments());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(root['testsuites']['testsuite']).toHaveLength(1);
    expect(suite).toMatchObject({ '@name': 'adscan', '@tests': '5', '@failures': '1', '@errors': '1', '@skipped': '0' });
    expect(root['testsuites']).toMatchObject({ '@tests': '5', '@failures': '1', '@errors': '1' });
    expect(cases.map((c) => [c['@classname'], c['@name']])).toEqual([
      ['medical', 'ads/a.txt'],
      ['drug', 'ads/clean.txt'],
      ['medical,medical-beauty', 'ads/繁體.html'],
      ['document', 'news/report.txt'],
      ['document', 'https://example.com/missing'],
    ]);
    const failures = cases[0]!['failure'] as Node[];
    expect(failures).toHaveLength(2);
    expect(failures[0]).toEqual({
      '@message': 'cure-guarantee: 医疗广告不得保证治愈',
      '@type': 'error',
      '#text': [
        'ads/a.txt:2:9  error  cure-guarantee  医疗广告不得保证治愈  (medical/cure-guarantee)',
        'match: 保证治愈',
        'snippet: …专治牛皮癣，保证治愈，无效退款…',
        '法律依据: 广告法第十六条第一款第一项；医疗广告管理办法第七条',
        '建议: 删除保证治愈的表述',
      ].join('\n'),
    });
    // The warning is below the default threshold: listed in system-out, not failed.
    expect(cases[0]!['system-out']).toContain('ads/a.txt:1:1  warning  absolute-terms');
    expect(cases[2]).not.toHaveProperty('failure');
    expect(cases[2]!['system-out']).toContain('medical/cure-rate · needs-data');
    expect(cases[4]!['error']).toEqual({ '@message': 'HTTP 404 Not Found', '@type': 'read-error', '#text': 'HTTP 404 Not Found' });
    expect(properties).toEqual({
      'adscan.version': '0.1.0',
      'adscan.failOn': 'error',
      'adscan.findings': '4',
      'adscan.failingFindings': '2',
      'adscan.suppressed': '3',
    });
  });

  it('fails on the chosen level, or never', () => {
    const info = junit(sampleDocuments(), { failOn: 'info' });
    expect(info.suite).toMatchObject({ '@tests': '5', '@failures': '2', '@errors': '1' });
    expect(info.cases[0]!['failure']).toHaveLength(3);
    expect(info.cases[0]).not.toHaveProperty('system-out');
    expect(info.cases[2]!['failure']).toHaveLength(1);
    expect(info.properties['adscan.failingFindings']).toBe('4');

    const warning = junit(sampleDocuments(), { failOn: 'warning' });
    expect(warning.cases[0]!['failure'].map((f: Node) => f['@type'])).toEqual(['warning', 'error', 'error']);
    expect(warning.suite['@failures']).toBe('1');

    const never = junit(sampleDocuments(), { failOn: 'never' });
    expect(never.suite).toMatchObject({ '@failures': '0', '@errors': '1' });
    expect(never.cases.some((c) => 'failure' in c)).toBe(false);
    expect(never.properties['adscan.failingFindings']).toBe('0');
  });

  it('escapes markup and keeps line breaks in attributes, dropping characters XML 1.0 cannot hold', () => {
    const hostile = finding({
      ruleId: 'r/"q"',
      category: 'a&b',
      match: '<保证>',
      message: '第一行\n第二行 "引号" \'单\' & <tag> ]]> \u0000\u0008\u000b\ufffe\ud800end',
      snippet: '<script>alert("x")</script>\u001b[31m',
      law: ['《广告法》&第九条'],
      suggestion: '删除 ]]> 与 <!-- 注释 -->',
    });
    const { xml, cases } = junit([doc({ uri: 'evil"&<>\'.txt', adTypes: ['medical'], findings: [hostile], error: null })]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(cases[0]!['@name']).toBe('evil"&<>\'.txt');
    const failure = cases[0]!['failure'][0] as Node;
    // Raw line breaks in an attribute would be normalised to spaces by a conforming parser.
    expect(xml).toContain('message="a&amp;b: 第一行&#10;第二行 &quot;引号&quot; \'单\' &amp; &lt;tag&gt; ]]&gt; end"');
    expect(failure['@message']).toBe('a&b: 第一行\n第二行 "引号" \'单\' & <tag> ]]> end');
    expect(failure['#text']).toContain('snippet: <script>alert("x")</script>[31m');
    expect(failure['#text']).toContain('建议: 删除 ]]> 与 <!-- 注释 -->');
    expect(failure['#text']).toContain('(r/"q")');
  });

  it('gives an empty suite for an empty scan and self-closing cases for clean documents', () => {
    const empty = formatJunit(result([]));
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain('<testsuite name="adscan" tests="0" failures="0" errors="0" skipped="0">');
    const clean = junit([doc({ uri: 'a.txt' })]);
    expect(clean.xml).toContain('<testcase classname="document" name="a.txt"/>');
  });

  it('adds time and timestamp only when given', () => {
    expect(junit(sampleDocuments()).suite).not.toHaveProperty('@time');
    const timed = junit([doc({ uri: 'a', findings: [cureGuarantee, absoluteAtLineStart, traditional] })], {
      startTime: new Date(Date.UTC(2024, 5, 1, 8, 0, 0, 250)),
      endTime: new Date(Date.UTC(2024, 5, 1, 8, 0, 2, 0)),
    });
    expect(timed.suite).toMatchObject({ '@time': '1.750', '@timestamp': '2024-06-01T08:00:00' });
  });
});

describe('the "junit" format in the registry', () => {
  it('is what formatReport gives, with options as the CLI passes them', () => {
    expect(isFormatName('junit')).toBe(true);
    expect(formatReport('junit', result(sampleDocuments()), { color: true, failOn: 'warning' })).toBe(formatJunit(result(sampleDocuments()), { failOn: 'warning' }));
  });
});
