import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASK_PLACEHOLDER as P } from '../../src/core/mask-placeholder.js';
import { AhoCorasick } from '../../src/rules/aho-corasick.js';
import { compileRuleSet, type CompiledMatcher } from '../../src/rules/compile.js';
import { loadRuleFiles } from '../../src/rules/load.js';
import { nestedQuantifierProblem, probeRegexSpeed } from '../../src/rules/regex-safety.js';
import { searchTerms, wildcardMatchOk, wildcardRegexes, wildcardRegexSpans } from '../../src/rules/wildcard.js';

const shown = (s: string) => s.replaceAll(P, '◊');
/** `◊` in a test string stands for the placeholder. */
const t = (s: string) => s.replaceAll('◊', P);

describe('searchTerms: the placeholder stands for one Han character of a term', () => {
  const ac = new AhoCorasick(['保证治愈', '治愈', '治愈率', '超声刀', '干细胞疗法', P]);
  const found = (text: string) =>
    searchTerms(ac, t(text))
      .filter((h) => ac.patterns[h.pattern] !== P)
      .map((h) => `${ac.patterns[h.pattern]}@${h.start}-${h.end}`);

  it.each([
    ['本院保证治◊，', ['保证治愈@2-6']],
    ['本院保证◊愈', ['保证治愈@2-6']],
    ['治◊率高', ['治愈率@0-3']],
    ['采用超◊刀', ['超声刀@2-5']],
    ['，◊声刀', ['超声刀@1-4']],
    ['采用干细◊疗法', ['干细胞疗法@2-7']],
  ])('%s → %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['◊愈', '*愈 is not 治愈: a two-character term would keep one real character'],
    ['治◊', 'nor is 治*'],
    ['患◊声刀', 'a placeholder starting a match, glued to a Han character, belongs to that one'],
    ['保证治◊疗', 'so does one ending a match glued to the next'],
    ['保◊◊愈', 'two placeholders in a four-character term'],
    ['◊证治◊', 'a placeholder at both ends'],
  ])('%s matches nothing (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('takes a placeholder at the edge of a term when nothing is glued to it, or inside one', () => {
    expect(found('，◊愈率')).toEqual(['治愈率@1-4']);
    expect(found('超◊刀具')).toEqual(['超声刀@0-3']);
  });

  it('is the automaton search itself on text without a placeholder', () => {
    const text = '本院保证治愈，治愈率高，超声刀';
    expect(searchTerms(ac, text)).toEqual(ac.search(text));
  });

  it('orders hits by end offset', () => {
    const hits = searchTerms(ac, t('保证治◊，治愈率，超◊刀'));
    expect(hits.map((h) => h.end)).toEqual([...hits.map((h) => h.end)].sort((a, b) => a - b));
  });
});

describe('wildcardMatchOk', () => {
  it.each([
    ['保证治◊', true],
    ['治◊率', true],
    ['◊愈率', true],
    ['治愈', true],
    ['◊愈', false],
    ['◊证治◊', false],
    ['保◊◊愈', false],
  ])('%s → %s', (m, ok) => {
    expect(wildcardMatchOk(t(m))).toBe(ok);
  });
});

describe('wildcardRegexSpans: literal Han characters of a rule regex accept the placeholder', () => {
  const spans = (source: string, text: string, flags = 'gu') =>
    wildcardRegexSpans(new RegExp(source, flags), t(text), 100).map((s) => [s.start, s.end, shown(t(text).slice(s.start - 100, s.end - 100))]);

  it('matches a masked character of a word the regex spells, with exact offsets', () => {
    expect(spans('(?:保证|确保)(?:治愈|根治)', '本院保证治◊，')).toEqual([[102, 106, '保证治◊']]);
    expect(spans('(?:保证|确保)(?:治愈|根治)', '本院保◊治愈')).toEqual([[102, 106, '保◊治愈']]);
    expect(spans('(?:一点|丝毫)(?:都|也)?不(?:痛|疼)(?!了)', '手术一点都◊痛')).toEqual([[102, 107, '一点都◊痛']]);
    expect(spans('(?:一点|丝毫)(?:都|也)?不(?:痛|疼)(?!了)', '手术一点◊不痛')).toEqual([[102, 107, '一点◊不痛']]);
  });

  it('still finds the rule regex\'s own matches in the sentence', () => {
    expect(spans('治愈率', '治愈率高，治◊率低')).toEqual([
      [100, 103, '治愈率'],
      [105, 108, '治◊率'],
    ]);
  });

  it('lets a class of Han characters take the placeholder', () => {
    expect(spans('患者\\s*[\\u4e00-\\u9fff]{1,3}小姐[:：]', '患者◊小姐：')).toEqual([[100, 106, '患者◊小姐：']]);
    expect(spans('第[一二三四五六七八九十\\d]+代(?:技术|疗法)', '第◊代技术')).toEqual([[100, 105, '第◊代技术']]);
    expect(spans('[\\p{Script=Han}]{2}医院', '某◊医院')).toEqual([[100, 104, '某◊医院']]);
    // A negated Han class refuses it: the placeholder is a Han character.
    expect(spans('[^\\u4e00-\\u9fff]治愈', '◊治愈')).toEqual([]);
  });

  it('needs two neighbours the regex spells next to the masked literal', () => {
    // 说 after a free-text class: nothing spells its neighbours.
    expect(spans('患者[^。]{0,10}?说', '患者当天手术当天◊院')).toEqual([]);
    // *愈 is not 治愈, in a regex either.
    expect(spans('治愈', '◊愈')).toEqual([]);
    expect(spans('(?:保证|确保)(?:治愈|根治)', '◊证')).toEqual([]);
  });

  it('backtracks to another reading rather than end on a placeholder glued to the next character', () => {
    const source = '一次(?:性)?(?:治愈|根治)|(?:一次|一个疗程)(?:治疗|手术)?\\s*(?:终身|永久)(?:受益|有效)';
    expect(spans(source, '一次治◊终身受益。')).toEqual([[100, 108, '一次治◊终身受益']]);
    expect(spans(source, '一次治◊。')).toEqual([[100, 104, '一次治◊']]);
  });

  it('leaves group names, backreferences, lookbehinds and escapes working', () => {
    expect(spans('(?<word>保证)治愈\\k<word>', '保证治◊保证')).toEqual([[100, 106, '保证治◊保证']]);
    expect(spans('(?<!不)保证治愈', '不保证治◊')).toEqual([]);
    expect(spans('\\u4fdd\\u8bc1\\u6cbb\\u6108', '保证◊愈')).toEqual([[100, 104, '保证◊愈']]);
  });
});

describe('the built-in rules', () => {
  const rulesDir = join(import.meta.dirname, '..', '..', 'rules');
  const files = (dir: string): { path: string; text: string }[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.yaml') ? [{ path: join(dir, e.name), text: readFileSync(join(dir, e.name), 'utf8') }] : [],
    );
  const set = compileRuleSet(loadRuleFiles(files(rulesDir)));
  const regexes = (m: CompiledMatcher | null): Extract<CompiledMatcher, { kind: 'regex' }>[] => {
    if (!m) return [];
    if (m.kind === 'regex') return [m];
    if (m.kind === 'any' || m.kind === 'all') return m.list.flatMap(regexes);
    if (m.kind === 'not') return regexes(m.matcher);
    return [];
  };
  const all = set.rules.flatMap((r) => regexes(r.matcher));

  it('have wildcard versions that compile and pass the regex-safety checks', () => {
    expect(all.length).toBeGreaterThan(100);
    for (const m of all) {
      for (const w of wildcardRegexes(m.re)) {
        expect(nestedQuantifierProblem(w.source), m.re.source).toBeNull();
        expect(probeRegexSpeed(w, 500), m.re.source).toBeNull();
      }
    }
  });

  it('wake a regex rule anchored by terms on a sentence with a placeholder', () => {
    const ph = set.terms.indexOf(P);
    expect(ph).toBeGreaterThanOrEqual(0);
    const rule = set.rules.find((r) => r.id === 'efficacy/cure-guarantee-promise')!;
    expect(rule.anchors?.has(ph)).toBe(true);
    // The placeholder is never a word for the segmenter.
    expect(set.userWords).not.toContain(P);
  });
});
