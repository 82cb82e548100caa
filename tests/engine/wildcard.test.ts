import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../src/core/offset-map.js';
import { MASK_PLACEHOLDER } from '../../src/core/mask-placeholder.js';
import { scanDocument } from '../../src/engine/index.js';
import { createLexicon, normalize } from '../../src/normalize/index.js';
import { charTokenize, makeScanner, pack } from './helpers.js';

/*
 * Unfillable masks end to end through normalisation and the engine: normalisation leaves the
 * placeholder, terms and regexes read it as one Han character, and the finding points at
 * exactly the original characters, the mask included.
 */

// A lexicon in which no mask below has a single fill, so that each one stays a placeholder.
const lexicon = createLexicon(['其他']);

function scanNormalized(scanner: ReturnType<typeof makeScanner>, original: string) {
  const n = normalize(original, { lexicon });
  const field = { name: 'body' as const, text: n.text, normMap: n.map, extracted: original, extractMap: OffsetMap.identity(original.length) };
  const r = scanDocument({ original, fields: [field] }, scanner, { tokenize: charTokenize, context: 'ad', adTypes: ['medical'], today: new Date(Date.UTC(2026, 0, 15)) });
  return { normalized: n.text, findings: r.findings.map((f) => `${f.match}@${f.start.offset}-${f.end.offset}`) };
}

describe('unfillable masks in the engine', () => {
  const terms = makeScanner(pack('      terms: [保证治愈, 治愈, 干细胞疗法]'));

  it('matches a term through the placeholder and points at the original characters', () => {
    const r = scanNormalized(terms, '本院保证治*！');
    expect(r.normalized).toBe(`本院保证治${MASK_PLACEHOLDER}!`);
    expect(r.findings).toEqual(['保证治*@2-6']);
    expect(scanNormalized(terms, '本院保证●愈').findings).toEqual(['保证●愈@2-6']);
    expect(scanNormalized(terms, '採用幹細■療法').findings).toEqual(['幹細■療法@2-7']);
  });

  it('maps a masked padded character back with its padding', () => {
    // (治愈 inside it is the same problem: the longer finding stands for both.)
    expect(scanNormalized(terms, '本院：保*●*治*愈！').findings).toEqual(['保*●*治*愈@3-10']);
  });

  it('does not let a placeholder make up most of a term', () => {
    // *愈 alone is not 治愈; 保证治愈 still needs its other characters.
    expect(scanNormalized(terms, '本院*愈率高，').findings).toEqual([]);
    expect(scanNormalized(terms, '本院保证*，').findings).toEqual([]);
  });

  it('leaves text without disguise alone: arithmetic, Markdown bold', () => {
    expect(scanNormalized(terms, '每次8*8粒').normalized).toBe('每次8*8粒');
    const bold = scanNormalized(terms, '本院**保证**治愈');
    expect(bold.normalized).not.toContain(MASK_PLACEHOLDER);
    expect(bold.findings).toEqual(['治愈@8-10']);
  });

  it('matches a regex through the placeholder, also when the masked character is in its anchor', () => {
    const s = makeScanner(pack("      regex: '(?:保证|确保)(?:能|可以)?(?:治愈|根治)'\n      anchors: [保证, 确保]"));
    expect(scanNormalized(s, '本院确保根*！').findings).toEqual(['确保根*@2-6']);
    expect(scanNormalized(s, '本院确*可以根治！').findings).toEqual(['确*可以根治@2-8']);
    expect(scanNormalized(s, '本院确保根治！').findings).toEqual(['确保根治@2-6']);
    // *治 is not 根治 after words the regex does not spell.
    expect(scanNormalized(s, '本院以后*治！').findings).toEqual([]);
  });

  it('matches near pairs whose term is masked', () => {
    const s = makeScanner(pack('      near: {a: [权威专家], b: [推荐], within: 4}'));
    expect(scanNormalized(s, '权威■家一致推荐').findings).toEqual(['权威■家一致推荐@0-8']);
    // A placeholder ending 权威专 but glued to 一致 belongs to the next word, not to 权威专家.
    expect(scanNormalized(s, '权威专■一致推荐').findings).toEqual([]);
  });
});
