import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { starterConfig } from '../../src/cli/init-command.js';
import { CATEGORY_IDS } from '../../src/core/categories.js';
import type { RuleSetData } from '../../src/rules/load.js';
import { checkRuleSelectors, parseConfig, parseReportSpec } from '../../src/triage/config.js';
import { globMatcher, relativeUri, uriMatches } from '../../src/triage/paths.js';
import { TriageFileError } from '../../src/triage/problems.js';
import { parseSuppressionFile } from '../../src/triage/suppressions.js';
import { applyRuleSettings } from '../../src/triage/rule-settings.js';

const FORMATS = ['json', 'pretty', 'sarif'];
const DIR = '/proj';
const parse = (text: string) => parseConfig('.adscanrc.yaml', DIR, text, { formats: FORMATS });

/** The problems a config text gives, as `line:column: message`. */
function problems(text: string): string[] {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof TriageFileError) return err.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
    throw err;
  }
  return [];
}

describe('parseConfig', () => {
  it('reads every setting, with paths relative to the config file', () => {
    const c = parse(`
rulePacks: [local-rules/, /abs/pack.yaml]
builtinRules: false
rules:
  publisher: off
  publisher/disease-named-unit: on
severity:
  cure-guarantee: warning
adTypes:
  "ads/drug/**": [drug]
  "ads/beauty/**": medical-beauty, medical
ignore: ["archive/", "*.draft.md"]
failOn: warning
asOf: 2026-03-01
format: json
reports:
  - sarif:out/adscan.sarif
  - {format: json, path: out/report.json}
suppressions: triage/suppressions.yaml
baseline: .adscan-baseline.json
`);
    expect(c.rulePacks).toEqual(['/proj/local-rules', '/abs/pack.yaml']);
    expect(c.builtinRules).toBe(false);
    expect(c.rules.map((r) => [r.selector, r.value])).toEqual([
      ['publisher', false],
      ['publisher/disease-named-unit', true],
    ]);
    expect(c.severity.map((r) => [r.selector, r.value])).toEqual([['cure-guarantee', 'warning']]);
    expect(c.adTypes).toEqual([
      { glob: 'ads/drug/**', types: ['drug'] },
      { glob: 'ads/beauty/**', types: ['medical-beauty', 'medical'] },
    ]);
    expect(c.ignore).toEqual(['archive/', '*.draft.md']);
    expect(c.failOn).toBe('warning');
    expect(c.asOf).toBe('2026-03-01');
    expect(c.format).toBe('json');
    expect(c.reports).toEqual([
      { format: 'sarif', path: '/proj/out/adscan.sarif' },
      { format: 'json', path: '/proj/out/report.json' },
    ]);
    expect(c.suppressions).toBe('/proj/triage/suppressions.yaml');
    expect(c.baseline).toBe('/proj/.adscan-baseline.json');
  });

  it('accepts an empty file', () => {
    expect(parse('# nothing yet\n').reports).toEqual([]);
  });

  it('accepts the starter file `adscan init` writes', () => {
    expect(parse(starterConfig(FORMATS)).failOn).toBe('error');
    // Every commented example is valid too, once uncommented.
    const uncommented = starterConfig(FORMATS)
      .split('\n')
      .map((l) => l.replace(/^# ?(?=[a-zA-Z]+:|  )/, ''))
      .filter((l) => !l.startsWith('#'))
      .join('\n')
      .replace('junit:', 'json:');
    expect(problems(uncommented)).toEqual([]);
  });

  it.each([
    ['an unknown key, with a suggestion', 'failOn: error\nfailon: warning\n', '2:1: unknown key "failon" in the configuration (did you mean "failOn"?)'],
    ['a bad severity', 'severity:\n  cure-guarantee: high\n', '2:19: expected error, warning or info, got "high"'],
    ['a bad on/off', 'rules:\n  publisher: maybe\n', '2:14: expected on or off, got "maybe"'],
    ['an unknown ad type', 'adTypes:\n  "a/**": [drug, drugs]\n', '2:18: unknown ad type "drugs" (did you mean "drug"?)'],
    ['a bad fail-on', 'failOn: always\n', '1:9: failOn must be error, warning, info or never'],
    ['a bad date', 'asOf: 2026-02-30\n', '1:7: asOf must be a date as YYYY-MM-DD'],
    ['an unknown report format', 'reports:\n  - html5:out/x.html\n', '2:5: unknown report format "html5"; known: json, pretty, sarif'],
    ['a malformed report', 'reports: [sarif]\n', '1:11: expected FORMAT:PATH'],
    ['a non-list', 'ignore: {a: 1}\n', '1:9: ignore must be a list of strings'],
    ['YAML syntax', 'rules:\n  a: on\n   b: off\n', '2:6: YAML syntax: Nested mappings'],
  ])('rejects %s with line and column', (_what, text, message) => {
    const found = problems(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toContain(message);
  });

  it('lists every problem, not only the first', () => {
    expect(problems('failOn: x\nasOf: y\nbogus: 1\n')).toHaveLength(3);
  });

  it('parses FORMAT:PATH', () => {
    expect(parseReportSpec('sarif:out/a.sarif')).toEqual({ format: 'sarif', path: 'out/a.sarif' });
    expect(parseReportSpec('json:C:\\out\\a.json')).toEqual({ format: 'json', path: 'C:\\out\\a.json' });
    expect(parseReportSpec('sarif')).toBeNull();
    expect(parseReportSpec('sarif:')).toBeNull();
    expect(parseReportSpec(':x')).toBeNull();
  });
});

describe('checkRuleSelectors', () => {
  it('accepts rule ids, categories and packs, and locates the others at their key', () => {
    const c = parse('rules:\n  efficacy: off\n  cure-guarantee: on\n  efficacy/cure-guarantee-promise: off\nseverity:\n  efficacy/cure-guarantee-promis: info\n  nonsense: error\n');
    const found = checkRuleSelectors(c, { ruleIds: new Set(['efficacy/cure-guarantee-promise']), packs: new Set(['efficacy']), categories: CATEGORY_IDS });
    expect(found.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      '6:3: "efficacy/cure-guarantee-promis" is not a rule id, category or pack (did you mean "efficacy/cure-guarantee-promise"?)',
      '7:3: "nonsense" is not a rule id, category or pack',
    ]);
  });
});

describe('applyRuleSettings', () => {
  const rule = (id: string, category: string) => ({ id, category, severity: 'error', adTypes: ['all'], message: '', law: [], suggestion: '', examples: { bad: [], good: [] } });
  const data = {
    packs: [
      { pack: 'efficacy', file: 'e.yaml', rules: [rule('a', 'cure-guarantee'), rule('b', 'cure-rate')] },
      { pack: 'claims', file: 'c.yaml', rules: [rule('c', 'cure-rate'), rule('d', 'safety-claim')] },
    ],
    classify: { adTypes: {}, nonAd: {}, ad: {} },
    masks: [],
    files: [],
  } as unknown as RuleSetData;
  const settings = (text: string) => parse(text);
  const summary = (d: RuleSetData) => d.packs.flatMap((p) => p.rules.map((r) => `${p.pack}/${r.id}:${r.severity}`));

  it('switches rules off by pack, category or id; the most specific setting wins', () => {
    expect(summary(applyRuleSettings(data, settings('rules:\n  efficacy: off\n  efficacy/b: on\n  safety-claim: off\n')))).toEqual(['efficacy/b:error', 'claims/c:error']);
    expect(summary(applyRuleSettings(data, settings('rules:\n  cure-rate: off\n  claims: on\n')))).toEqual(['efficacy/a:error', 'claims/d:error']);
  });

  it('overrides severities by category and id, without changing the input', () => {
    const out = applyRuleSettings(data, settings('severity:\n  cure-rate: warning\n  claims/c: info\n  claims: warning\n'));
    expect(summary(out)).toEqual(['efficacy/a:error', 'efficacy/b:warning', 'claims/c:info', 'claims/d:warning']);
    expect(summary(data)).toEqual(['efficacy/a:error', 'efficacy/b:error', 'claims/c:error', 'claims/d:error']);
  });
});

describe('globs and URIs', () => {
  const m = globMatcher(['archive/', '*.draft.md', 'drafts', 'ads/drug/**']);
  it.each([
    ['archive/2020/a.txt', true],
    ['x/archive/a.txt', false],
    ['notes/b.draft.md', true],
    ['b.draft.md', true],
    ['drafts/a.txt', true],
    ['site/drafts/a.txt', true],
    ['ads/drug/x/y.html', true],
    ['ads/drugs/y.html', false],
    ['ads/a.txt', false],
  ])('%s → %s', (path, expected) => {
    expect(m(path)).toBe(expected);
  });

  it('makes URIs relative to the file that lists the globs', () => {
    expect(relativeUri('ads/a.txt', '/proj', '/proj')).toBe('ads/a.txt');
    expect(relativeUri('../../ads/a.txt', '/proj', '/proj/sub/deeper')).toBe('ads/a.txt');
    expect(relativeUri('/proj/ads/a.txt', '/proj/triage', '/elsewhere')).toBe('../ads/a.txt');
    expect(relativeUri('https://Example.test/a.html#top', '/proj', '/proj')).toBe('https://example.test/a.html');
    expect(relativeUri('<stdin>', '/proj', '/proj')).toBe('<stdin>');
    expect(uriMatches(m, '../../archive/a.txt', '/proj', '/proj/sub/deeper')).toBe(true);
    expect(uriMatches(m, 'https://example.test/archive/a.txt', '/proj', '/proj')).toBe(false);
  });
});

describe('README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const yamlAfter = (heading: string) => /```yaml\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf(heading)))![1]!;

  it('shows a configuration example that validates', () => {
    const c = parseConfig('README.md', DIR, yamlAfter('## Configuration'), { formats: ['pretty', 'json', 'sarif', 'junit'] });
    expect(c.rules.length).toBeGreaterThan(0);
    expect(c.reports.map((r) => r.format)).toEqual(['sarif', 'junit']);
  });

  it('shows a suppression file example that validates', () => {
    const s = parseSuppressionFile('README.md', DIR, yamlAfter('**Suppression file.**'));
    expect(s.entries.map((e) => e.rule)).toEqual(['efficacy/cure-guarantee-promise']);
  });
});
