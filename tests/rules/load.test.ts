import { describe, expect, it } from 'vitest';
import { loadRuleFiles } from '../../src/rules/load.js';
import { RuleLoadError } from '../../src/rules/yaml-source.js';

const rule = (extra = '') => `pack: demo
rules:
  - id: cure
    category: cure-guarantee
    severity: error
    adTypes: [medical]
    message: 保证治愈“{match}”
    law: [《广告法》第十六条]
    suggestion: 删除
    match:
      terms: [保证治愈]
    examples:
      bad: [保证治愈]
      good: [无法保证治愈]
${extra}`;

function problems(text: string, path = 'rules/demo.yaml'): string[] {
  try {
    loadRuleFiles([{ path, text }]);
  } catch (err) {
    expect(err).toBeInstanceOf(RuleLoadError);
    return (err as RuleLoadError).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
  }
  return [];
}

describe('loadRuleFiles', () => {
  it('loads a valid pack', () => {
    const data = loadRuleFiles([{ path: 'a.yaml', text: rule() }]);
    expect(data.packs).toHaveLength(1);
    expect(data.packs[0]!.rules[0]!.id).toBe('cure');
  });

  it('names file and line of a YAML syntax error', () => {
    const out = problems('pack: demo\nrules:\n  - id: [unclosed\n');
    expect(out[0]).toMatch(/^rules\/demo\.yaml:\d+: YAML syntax/);
  });

  it('names the line of an unknown category', () => {
    const out = problems(rule().replace('category: cure-guarantee', 'category: cure-guarantees'));
    expect(out).toEqual(['rules/demo.yaml:4: unknown category "cure-guarantees" (must be an id from the ad-law catalogue)']);
  });

  it('names the line of an invalid regex', () => {
    const out = problems(rule().replace('terms: [保证治愈]', "regex: '(保证'"));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^rules\/demo\.yaml:11: invalid regex/);
  });

  it('refuses a regex with nested quantifiers', () => {
    const out = problems(rule().replace('terms: [保证治愈]', "regex: '(治+)+愈'"));
    expect(out[0]).toMatch(/:11: nested quantifier/);
  });

  it('reports several problems at once, each at its own line', () => {
    const out = problems(rule().replace('severity: error', 'severity: fatal').replace('adTypes: [medical]', 'adTypes: [hospital]'));
    expect(out).toEqual([
      'rules/demo.yaml:5: `severity` must be error, warning or info',
      'rules/demo.yaml:6: unknown ad type "hospital" (known: all, medical, medical-beauty, drug, device, health-food, special-medical-food, other)',
    ]);
  });

  it('requires examples, both bad and good', () => {
    const out = problems(rule().replace('      good: [无法保证治愈]\n', ''));
    expect(out).toEqual(['rules/demo.yaml:13: `examples.good` must be a non-empty list']);
  });

  it('catches typos in keys', () => {
    const out = problems(rule().replace('    suggestion: 删除', '    sugestion: 删除'));
    expect(out.some((p) => p.includes('unknown key "sugestion"'))).toBe(true);
    expect(out.some((p) => p.includes('`suggestion` must be a non-empty string'))).toBe(true);
  });

  it('refuses duplicate rule ids', () => {
    const text = rule() + rule().split('rules:\n')[1];
    expect(problems(text)).toEqual(['rules/demo.yaml:15: duplicate rule id "cure" (first at rules[0])']);
  });

  it('refuses `not` outside `all` and a sequence without words', () => {
    const notOutside = problems(rule().replace('terms: [保证治愈]', 'not: {terms: [a]}'));
    expect(notOutside[0]).toMatch(/`not` is only allowed directly inside `all`/);
    const seq = problems(rule().replace('terms: [保证治愈]', 'sequence: [{tag: [nr]}]'));
    expect(seq[0]).toMatch(/needs a required element with `word`/);
  });

  it('lets a later pack with the same name replace an earlier one', () => {
    const data = loadRuleFiles([
      { path: 'a.yaml', text: rule() },
      { path: 'b.yaml', text: rule().replace('保证治愈“{match}”', '替换') },
    ]);
    expect(data.packs).toHaveLength(1);
    expect(data.packs[0]!.file).toBe('b.yaml');
  });

  it('fails when no file defines a pack', () => {
    expect(() => loadRuleFiles([{ path: 'm.yaml', text: "masks:\n  - id: x\n    regex: 'a'\n" }])).toThrow(/no rule pack found/);
  });

  it('checks what a non-ad family explains: commercial families of the file, and only on non-ad families', () => {
    const text = [
      'classify:',
      '  nonAd:',
      '    insert: {terms: [成份], weight: 3, explains: [voice, contct]}',
      '  ad:',
      '    voice: {terms: [本品], weight: 2, explains: [contact]}',
      '    contact: {terms: [电话], weight: 3}',
      '',
    ].join('\n');
    const out = (() => {
      try {
        loadRuleFiles([{ path: 'rules/c.yaml', text }], { requirePack: false });
      } catch (err) {
        return (err as RuleLoadError).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
      }
      return [];
    })();
    expect(out).toEqual([
      'rules/c.yaml:5: unknown key "explains" (allowed: terms, regex, weight, supportOnly, anchors)',
      'rules/c.yaml:3: unknown commercial family "contct" (known: voice, contact)',
    ]);
  });

  it('merges classify data and masks', () => {
    const data = loadRuleFiles([
      { path: 'a.yaml', text: rule() },
      { path: 'c.yaml', text: 'classify:\n  adTypes:\n    drug:\n      - {terms: [药品], weight: 3}\n  nonAd:\n    genre: {terms: [工作方案], weight: 3}\n' },
      { path: 'm.yaml', text: "masks:\n  - id: hf\n    regex: '本品不能代替药物'\n" },
    ]);
    expect(data.classify.adTypes.drug).toEqual([{ terms: ['药品'], weight: 3 }]);
    expect(data.classify.nonAd.genre!.weight).toBe(3);
    expect(data.masks.map((m) => m.id)).toEqual(['hf']);
  });
});
