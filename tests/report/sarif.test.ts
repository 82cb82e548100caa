import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatReport, isFormatName } from '../../src/report/index.js';
import type { DocumentResult, Finding } from '../../src/core/types.js';
import type { ReportRule } from '../../src/report/report-options.js';
import { FINGERPRINT_KEY, formatSarif, sarifLog, type SarifOptions } from '../../src/report/sarif.js';
import { cureGuarantee, doc, finding, quotedMention, result, sampleDocuments, traditional } from './sample-result.js';

const schema = JSON.parse(readFileSync(new URL('../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
// CommonJS packages that set exports.default: Node's ESM loader hands over the exports
// object, vitest's interop the default itself. Take whichever arrived.
const Ajv = ((ajvDraft04 as { default?: unknown }).default ?? ajvDraft04) as typeof ajvDraft04.default;
const addFormats = ((ajvFormats as { default?: unknown }).default ?? ajvFormats) as typeof ajvFormats.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Parses the formatted text (not the object), so the test sees exactly what is written. */
function sarif(documents: DocumentResult[], options: SarifOptions = {}) {
  const text = formatSarif(result(documents), options);
  expect(text.endsWith('}\n')).toBe(true);
  return JSON.parse(text) as ReturnType<typeof sarifLog>;
}

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

const rules: ReportRule[] = [
  {
    id: 'medical/cure-guarantee',
    category: 'cure-guarantee',
    severity: 'error',
    message: '保证或承诺疗效：“{match}”',
    law: ['《广告法》第十六条第一款第一项', '《医疗广告管理办法》第七条'],
    suggestion: '删除“保证/包治”等表述。',
    adTypes: ['medical'],
  },
  {
    id: 'general/unused-rule',
    category: 'superstition',
    severity: 'info',
    message: '迷信用语',
    law: [],
    suggestion: '',
    description: 'A rule that found nothing in this scan',
  },
];

describe('formatSarif', () => {
  it('validates against the SARIF 2.1.0 schema, formats included, with and without rule metadata', () => {
    expectValid(sarif(sampleDocuments()));
    expectValid(sarif(sampleDocuments(), { rules, startTime: new Date(0), endTime: new Date(1500) }));
    expectValid(sarif([]));
  });

  it('stays valid with hostile uris, duplicate documents and odd positions', () => {
    const odd = finding({
      ruleId: 'x/odd',
      category: 'not-a-category',
      match: '保证',
      start: { offset: 5, line: 3, column: 4 },
      end: { offset: 2, line: 2, column: 1 },
    });
    const docs = [
      doc({ uri: 'a b/百分%20#1?.txt', findings: [odd] }),
      doc({ uri: 'a b/百分%20#1?.txt', error: 'EACCES' }),
      doc({ uri: 'a b/百分%20#1?.txt', error: 'EACCES' }),
      doc({ uri: '<stdin>', findings: [cureGuarantee] }),
      doc({ uri: 'C:\\ads\\广告.txt', findings: [cureGuarantee] }),
      doc({ uri: 'https://例子.test/广告 页?q=治愈#top', findings: [cureGuarantee] }),
      doc({ uri: 'c:d.txt', findings: [{ ...cureGuarantee, occurrences: 3 }] }),
    ];
    const log = sarif(docs);
    expectValid(log);
    const uris = log.runs[0].artifacts.map((a) => a.location.uri);
    expect(uris).toEqual([
      'a%20b/%E7%99%BE%E5%88%86%2520%231%3F.txt',
      '%3Cstdin%3E',
      'file:///C:/ads/%E5%B9%BF%E5%91%8A.txt',
      'https://%E4%BE%8B%E5%AD%90.test/%E5%B9%BF%E5%91%8A%20%E9%A1%B5?q=%E6%B2%BB%E6%84%88#top',
      'c%3Ad.txt',
    ]);
    // The inverted end is dropped rather than written as an invalid region.
    expect(log.runs[0].results[0]!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 4,
      snippet: { text: '保证' },
    });
    expect(log.runs[0].results.at(-1)!.occurrenceCount).toBe(3);
  });

  it('lists every given rule, then rules only findings name, with help, level and properties', () => {
    const log = sarif(sampleDocuments(), { rules });
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'adscan', version: '0.1.0', semanticVersion: '0.1.0' });
    expect(driver.rules.map((r) => r.id)).toEqual([
      'medical/cure-guarantee',
      'general/unused-rule',
      'general/absolute-terms',
      'medical/cure-rate',
    ]);
    expect(driver.rules[0]).toEqual({
      id: 'medical/cure-guarantee',
      name: 'MedicalCureGuarantee',
      shortDescription: { text: 'C16 Guaranteed or implied cure' },
      fullDescription: { text: '保证或承诺疗效：“…”（C16 Guaranteed or implied cure）' },
      help: {
        text: '法律依据: 《广告法》第十六条第一款第一项；《医疗广告管理办法》第七条\n建议: 删除“保证/包治”等表述。',
        markdown: '**法律依据**: 《广告法》第十六条第一款第一项；《医疗广告管理办法》第七条\n\n**建议**: 删除“保证/包治”等表述。',
      },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'cure-guarantee', categoryCode: 'C16', adTypes: ['medical'], tags: ['advertising-law', 'cure-guarantee'] },
    });
    expect(driver.rules[1]).toMatchObject({
      fullDescription: { text: 'A rule that found nothing in this scan' },
      help: { text: 'A rule that found nothing in this scan' },
      defaultConfiguration: { level: 'note' },
      properties: { category: 'superstition', adTypes: ['all'] },
    });
    // Derived from the first finding: its law and suggestion, the category title as description.
    expect(driver.rules[2]).toMatchObject({
      shortDescription: { text: 'C23 Absolute and superlative terms' },
      fullDescription: { text: 'Absolute and superlative terms' },
      help: { text: '法律依据: 广告法第九条第三项\n建议: 删除“最好”' },
      defaultConfiguration: { level: 'warning' },
    });
    for (const r of log.runs[0].results) expect(driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('locates each finding with utf16 columns, offsets, the match as region snippet, and the field', () => {
    const log = sarif(sampleDocuments());
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results).toHaveLength(4 + 3);
    const cure = run.results[1]!;
    expect(cure).toMatchObject({
      ruleId: 'medical/cure-guarantee',
      level: 'error',
      message: { text: '医疗广告不得保证治愈' },
      properties: { field: 'body', category: 'cure-guarantee', snippet: '…专治牛皮癣，保证治愈，无效退款…' },
    });
    expect(cure.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'ads/a.txt', index: 0 },
          region: { startLine: 2, startColumn: 9, endLine: 2, endColumn: 13, charOffset: 21, charLength: 4, snippet: { text: '保证治愈' } },
        },
      },
    ]);
    const info = run.results.find((r) => r.ruleId === 'medical/cure-rate')!;
    expect(info.level).toBe('note');
    expect(info.properties.reason).toBe('needs-data');
    expect(info.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'ads/%E7%B9%81%E9%AB%94.html', index: 2 });
    expect(run.artifacts[2]).toEqual({
      location: { uri: 'ads/%E7%B9%81%E9%AB%94.html' },
      mimeType: 'text/html',
      encoding: 'big5',
      properties: { adTypes: ['medical', 'medical-beauty'], context: 'ad' },
    });
  });

  it('makes absolute paths under cwd relative and others file URLs', () => {
    const log = sarif(
      [doc({ uri: '/repo/ads/a.txt', findings: [cureGuarantee] }), doc({ uri: '/other/b.txt', findings: [cureGuarantee] })],
      { cwd: '/repo' },
    );
    expect(log.runs[0].artifacts.map((a) => a.location.uri)).toEqual(['ads/a.txt', 'file:///other/b.txt']);
  });

  it('points document-level findings at the artifact, line 1', () => {
    const missing = finding({ ruleId: 'numbers/missing', category: 'missing-review-certificate', match: '', snippet: '' });
    const log = sarif([doc({ uri: 'ad.txt', findings: [missing] })]);
    expectValid(log);
    expect(log.runs[0].results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'ad.txt', index: 0 },
      region: { startLine: 1 },
    });
  });

  it('reports suppressed findings as results with an external suppression', () => {
    const run = sarif(sampleDocuments()).runs[0];
    const suppressed = run.results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(3);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: 'external', justification: 'quoted-mention' }]);
    expect(run.results.filter((r) => !r.suppressions)).toHaveLength(4);
  });

  it('turns read errors into error notifications, failing the run only when every document failed', () => {
    const run = sarif(sampleDocuments()).runs[0];
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'https://example.com/missing: HTTP 404 Not Found' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'https://example.com/missing', index: 4 } } }],
          },
        ],
      },
    ]);
    const allFailed = sarif([doc({ uri: 'a', error: 'ENOENT' }), doc({ uri: 'b', error: 'EISDIR' })]);
    expectValid(allFailed);
    expect(allFailed.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(allFailed.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(2);
    expect(sarif([]).runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  it('takes times only from options', () => {
    const plain = sarif(sampleDocuments()).runs[0].invocations[0];
    expect(plain).not.toHaveProperty('startTimeUtc');
    const timed = sarif(sampleDocuments(), { startTime: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), endTime: new Date(Date.UTC(2024, 0, 2, 3, 4, 6)) });
    expect(timed.runs[0].invocations[0]).toMatchObject({ startTimeUtc: '2024-01-02T03:04:05.000Z', endTimeUtc: '2024-01-02T03:04:06.000Z' });
    expect(formatSarif(result(sampleDocuments()))).toBe(formatSarif(result(sampleDocuments())));
  });
});

describe('SARIF partial fingerprints', () => {
  const fingerprints = (documents: DocumentResult[], options: SarifOptions = {}) =>
    sarif(documents, options).runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]!);
  const moved = (f: Finding, lines: number, chars: number): Finding => ({
    ...f,
    start: { offset: f.start.offset + chars, line: f.start.line + lines, column: f.start.column },
    end: { offset: f.end.offset + chars, line: f.end.line + lines, column: f.end.column },
  });

  it('stay the same when the finding moves down the file', () => {
    const before = fingerprints([doc({ uri: 'a.txt', findings: [cureGuarantee, traditional] })]);
    const after = fingerprints([doc({ uri: 'a.txt', findings: [moved(cureGuarantee, 7, 120), moved(traditional, 3, 40)] })]);
    expect(after).toEqual(before);
    expect(before[0]).toMatch(/^[0-9a-f]{32}:1$/);
    expect(before[0]).not.toBe(before[1]);
  });

  it('survive whitespace, full-width forms and changes beyond ten characters, but not a change of words nearby', () => {
    const base = fingerprints([doc({ uri: 'a.txt', findings: [cureGuarantee] })])[0];
    const spaced = { ...cureGuarantee, snippet: '…专治牛皮 癣，保证治愈，无效 退款…', snippetMatch: [8, 12] as [number, number] };
    const halfWidth = { ...cureGuarantee, snippet: '…专治牛皮癣,保证治愈,无效退款…' };
    for (const f of [spaced, halfWidth]) {
      expect(fingerprints([doc({ uri: 'a.txt', findings: [moved(f, 2, 9)] })])[0]).toBe(base);
    }
    const otherWords = { ...cureGuarantee, snippet: '…专治湿疹，保证治愈，无效退款…', snippetMatch: [6, 10] as [number, number] };
    expect(fingerprints([doc({ uri: 'a.txt', findings: [otherWords] })])[0]).not.toBe(base);
    const otherRule = { ...cureGuarantee, ruleId: 'efficacy/other' };
    expect(fingerprints([doc({ uri: 'a.txt', findings: [otherRule] })])[0]).not.toBe(base);

    // Engine snippets carry up to 20 characters either side; only the nearest ten count.
    const long = (before: string, after: string): Finding =>
      finding({ ruleId: 'r', category: 'cure-guarantee', match: '保证治愈', snippet: `…${before}保证治愈${after}…` });
    const near = fingerprints([doc({ uri: 'a.txt', findings: [long('本院位于市中心交通便利专治牛皮癣顽疾，', '，无效全额退款欢迎来电咨询预约')] })])[0];
    const farChanged = fingerprints([doc({ uri: 'a.txt', findings: [long('本诊所在城东交通便利专治牛皮癣顽疾，', '，无效全额退款欢迎来电话预约')] })])[0];
    const nearChanged = fingerprints([doc({ uri: 'a.txt', findings: [long('本院位于市中心交通便利专治湿疹顽疾，', '，无效全额退款欢迎来电咨询预约')] })])[0];
    expect(farChanged).toBe(near);
    expect(nearChanged).not.toBe(near);
  });

  it('number equal findings within a document and restart in the next', () => {
    const same = fingerprints([
      doc({ uri: 'a.txt', findings: [cureGuarantee, moved(cureGuarantee, 5, 50)], suppressed: [{ ...cureGuarantee, suppressedBy: 'quoted-mention' }] }),
      doc({ uri: 'b.txt', findings: [cureGuarantee] }),
    ]);
    const hash = same[0]!.split(':')[0];
    expect(same).toEqual([`${hash}:1`, `${hash}:2`, `${hash}:3`, `${hash}:1`]);
  });

  it('take the hook when one is given', () => {
    const seen: string[] = [];
    const out = fingerprints(
      [doc({ uri: 'a.txt', findings: [cureGuarantee, cureGuarantee, traditional], suppressed: [quotedMention] })],
      {
        fingerprint: (f, d) => {
          seen.push(`${d.uri}:${f.match}`);
          return f.category;
        },
      },
    );
    expect(out).toEqual(['cure-guarantee:1', 'cure-guarantee:2', 'cure-rate:1', 'cure-guarantee:3']);
    expect(seen).toEqual(['a.txt:保证治愈', 'a.txt:保证治愈', 'a.txt:治癒率', 'a.txt:保证治愈']);
  });
});

describe('the "sarif" format in the registry', () => {
  it('is what formatReport gives, with options as the CLI passes them', () => {
    expect(isFormatName('sarif')).toBe(true);
    expect(formatReport('sarif', result(sampleDocuments()), { color: false, cwd: '/repo', rules })).toBe(formatSarif(result(sampleDocuments()), { rules, cwd: '/repo' }));
  });
});
