import { describe, expect, it } from 'vitest';
import type { DocumentResult, Finding } from '../../src/core/types.js';
import { BaselineIndex, baselineEntries, parseBaseline, serializeBaseline } from '../../src/triage/baseline.js';
import { applyInlineDisables, parseInlineDisables } from '../../src/triage/inline.js';
import { TriageFileError } from '../../src/triage/problems.js';
import { applySuppressions, parseSuppressionFile, unknownSuppressionRules } from '../../src/triage/suppressions.js';

const FP_A = 'aaaaaaaaaaaaaaaa';
const FP_B = 'bbbbbbbbbbbbbbbb';

function finding(ruleId: string, fingerprint: string, line: number, match = '保证治愈'): Finding {
  return {
    ruleId,
    category: ruleId.startsWith('efficacy/') ? 'cure-guarantee' : 'absolute-terms',
    severity: 'error',
    message: 'm',
    match,
    field: 'body',
    start: { offset: line * 10, line, column: 1 },
    end: { offset: line * 10 + match.length, line, column: 1 + match.length },
    snippet: match,
    law: ['l'],
    suggestion: 's',
    fingerprint,
  } as Finding;
}

function doc(uri: string, findings: Finding[], format: 'text' | 'html' = 'text'): DocumentResult {
  return { uri, adTypes: ['medical'], context: 'ad', evidence: [], findings, suppressed: [], error: null, format };
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof TriageFileError) return err.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    throw err;
  }
  return [];
}

describe('suppression file', () => {
  const FILE = `suppressions:
  - rule: efficacy/cure-guarantee-promise
    fingerprint: ${FP_A}
    reason: 引用监管通知原文
    match: 保证治愈
  - rule: claims/superlative
    fingerprint: ${FP_B}
    reason: 仅限旧页面
    paths: legacy/**
`;

  it('parses entries with their line', () => {
    const s = parseSuppressionFile('s.yaml', '/proj', FILE);
    expect(s.entries.map((e) => [e.rule, e.fingerprint, e.reason, e.line, e.paths])).toEqual([
      ['efficacy/cure-guarantee-promise', FP_A, '引用监管通知原文', 2, undefined],
      ['claims/superlative', FP_B, '仅限旧页面', 6, ['legacy/**']],
    ]);
  });

  it('moves matching findings to suppressed with the reason, and honours paths', () => {
    const s = parseSuppressionFile('s.yaml', '/proj', FILE);
    const d = doc('ads/a.txt', [finding('efficacy/cure-guarantee-promise', FP_A, 2), finding('efficacy/cure-guarantee-promise', FP_B, 3), finding('claims/superlative', FP_B, 4)]);
    expect(applySuppressions(d, s, '/proj')).toBe(1);
    expect(d.findings.map((f) => f.start.line)).toEqual([3, 4]);
    expect(d.suppressed).toMatchObject([{ start: { line: 2 }, suppressedBy: 'suppression file: 引用监管通知原文' }]);
    const legacy = doc('legacy/old.txt', [finding('claims/superlative', FP_B, 4)]);
    expect(applySuppressions(legacy, s, '/proj')).toBe(1);
  });

  it('requires a reason, naming file and line', () => {
    const text = `suppressions:\n  - rule: efficacy/cure-guarantee-promise\n    fingerprint: ${FP_A}\n  - rule: efficacy/x\n    fingerprint: ${FP_B}\n    reason: "  "\n`;
    expect(problemsOf(() => parseSuppressionFile('s.yaml', '/proj', text))).toEqual([
      's.yaml:2:5: suppression entry without "reason": every suppression needs a reason',
      's.yaml:6:13: "reason" must be a non-empty string',
    ]);
  });

  it('rejects bad fingerprints, unknown keys and a non-list', () => {
    expect(problemsOf(() => parseSuppressionFile('s.yaml', '/p', `suppressions:\n  - rule: a/b\n    fingerprint: XYZ\n    reason: r\n    why: x\n`))).toEqual([
      's.yaml:5:5: unknown key "why" in a suppression entry; known: rule, fingerprint, reason, match, paths',
      expect.stringMatching(/^s\.yaml:3:18: "fingerprint" must be 16 lowercase hex digits/),
    ]);
    expect(problemsOf(() => parseSuppressionFile('s.yaml', '/p', 'suppressions: 3\n'))).toEqual(['s.yaml:1:15: suppressions must be a list of entries']);
  });

  it('reports entries for rules that do not exist', () => {
    const s = parseSuppressionFile('s.yaml', '/proj', FILE);
    expect(unknownSuppressionRules(s, new Set(['efficacy/cure-guarantee-promise']))?.message).toBe('s.yaml:6:11: unknown rule "claims/superlative"');
  });
});

describe('inline disables', () => {
  it('applies to the next non-empty line, skipping other comment lines', () => {
    const text = 'a\n<!-- adscan-disable-next-line efficacy/x, absolute-terms -->\n\n<!-- note -->\n保证治愈\n<!-- adscan-disable-next-line -->\r\nb\r\n';
    expect(parseInlineDisables(text)).toEqual([
      { commentLine: 2, targetLine: 5, selectors: ['efficacy/x', 'absolute-terms'] },
      { commentLine: 6, targetLine: 7, selectors: null },
    ]);
  });

  it('suppresses by rule id, category or pack, in HTML and Markdown only', () => {
    const text = '<!-- adscan-disable-next-line cure-guarantee -->\nline2\nline3\n<!-- adscan-disable-next-line -->\nline5\n';
    const findings = () => [finding('efficacy/cure-guarantee-promise', FP_A, 2), finding('claims/superlative', FP_B, 2), finding('claims/superlative', FP_B, 3), finding('claims/superlative', FP_B, 5)];
    const html = doc('a.html', findings(), 'html');
    applyInlineDisables(html, text);
    expect(html.findings.map((f) => `${f.ruleId}@${f.start.line}`)).toEqual(['claims/superlative@2', 'claims/superlative@3']);
    expect(html.suppressed.map((f) => f.suppressedBy)).toEqual(['inline: adscan-disable-next-line (line 1)', 'inline: adscan-disable-next-line (line 4)']);
    const md = doc('notes/a.md', findings());
    applyInlineDisables(md, text);
    expect(md.suppressed).toHaveLength(2);
    const txt = doc('a.txt', findings());
    applyInlineDisables(txt, text);
    expect(txt.suppressed).toHaveLength(0);
  });
});

describe('baseline', () => {
  const place = { dir: '/proj', cwd: '/proj' };

  it('records findings with occurrence indexes and round-trips sorted', () => {
    const d = doc('ads/a.txt', [finding('efficacy/p', FP_A, 2), finding('efficacy/p', FP_A, 9), finding('efficacy/q', FP_B, 4)]);
    const entries = baselineEntries(d, place);
    expect(entries.map((e) => [e.fingerprint, e.occurrence, e.location])).toEqual([
      [FP_A, 0, 'ads/a.txt:2:1'],
      [FP_A, 1, 'ads/a.txt:9:1'],
      [FP_B, 0, 'ads/a.txt:4:1'],
    ]);
    const text = serializeBaseline({ entries: [...entries].reverse() });
    expect(parseBaseline('b.json', text).entries).toEqual(entries);
  });

  it('suppresses only recorded findings, at any line, per document', () => {
    const base = { entries: baselineEntries(doc('ads/a.txt', [finding('efficacy/p', FP_A, 2)]), place) };
    const index = new BaselineIndex(base, place);
    const moved = doc('ads/a.txt', [finding('efficacy/p', FP_A, 40), finding('efficacy/p', FP_A, 41), finding('efficacy/q', FP_B, 42)]);
    expect(index.apply(moved)).toBe(1);
    expect(moved.suppressed).toMatchObject([{ start: { line: 40 }, suppressedBy: 'baseline' }]);
    expect(moved.findings.map((f) => f.start.line)).toEqual([41, 42]);
    // Another file with the same sentence is a different document.
    const other = doc('ads/b.txt', [finding('efficacy/p', FP_A, 2)]);
    expect(index.apply(other)).toBe(0);
  });

  it('prunes entries no finding matches, and those of deleted files', () => {
    const base = {
      entries: [
        ...baselineEntries(doc('a.txt', [finding('efficacy/p', FP_A, 2), finding('efficacy/q', FP_B, 3)]), place),
        ...baselineEntries(doc('gone.txt', [finding('efficacy/p', FP_A, 2)]), place),
        ...baselineEntries(doc('kept.txt', [finding('efficacy/p', FP_A, 2)]), place),
      ],
    };
    const index = new BaselineIndex(base, place);
    index.markMatched(doc('a.txt', [finding('efficacy/p', FP_A, 7)]));
    const { baseline, removed } = index.pruned(new Set(['a.txt']), (uri) => uri !== 'gone.txt');
    expect(removed.map((e) => `${e.uri}:${e.ruleId}`)).toEqual(['a.txt:efficacy/q', 'gone.txt:efficacy/p']);
    expect(baseline.entries.map((e) => `${e.uri}:${e.ruleId}`)).toEqual(['a.txt:efficacy/p', 'kept.txt:efficacy/p']);
  });

  it('rejects files that are not baselines', () => {
    expect(problemsOf(() => parseBaseline('b.json', '{'))[0]).toMatch(/^b\.json:1:1: not a baseline \(invalid JSON/);
    expect(problemsOf(() => parseBaseline('b.json', '{"entries": []}'))[0]).toMatch(/not an adscan baseline/);
    const bad = '{"adscanBaseline": 1, "fingerprintVersion": 1, "entries": [\n{"ruleId": "a/b", "uri": "x", "fingerprint": "aaaaaaaaaaaaaaaa", "occurrence": -1}\n]}';
    expect(problemsOf(() => parseBaseline('b.json', bad))).toEqual(['b.json:2:1: entries[0]: "occurrence" must be a whole number']);
  });
});
