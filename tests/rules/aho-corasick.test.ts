import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../src/rules/aho-corasick.js';

const found = (ac: AhoCorasick, text: string) =>
  ac.search(text).map((h) => `${ac.patterns[h.pattern]}@${h.start}-${h.end}`);

describe('AhoCorasick', () => {
  it('finds every occurrence, overlapping ones included', () => {
    const ac = new AhoCorasick(['保证治愈', '治愈', '治愈率', '根治']);
    expect(found(ac, '本院保证治愈，治愈率高，可根治')).toEqual([
      '保证治愈@2-6',
      '治愈@4-6',
      '治愈@7-9',
      '治愈率@7-10',
      '根治@13-15',
    ]);
  });

  it('follows failure links into shorter patterns', () => {
    const ac = new AhoCorasick(['abcd', 'bc', 'c']);
    expect(found(ac, 'xabcx')).toEqual(['bc@2-4', 'c@3-4']);
  });

  it('works on astral characters and reports UTF-16 offsets', () => {
    const ac = new AhoCorasick(['𠀀治']);
    expect(found(ac, '😀𠀀治')).toEqual(['𠀀治@2-5']);
  });

  it('ignores empty patterns and handles an empty text', () => {
    const ac = new AhoCorasick(['', '治']);
    expect(ac.search('')).toEqual([]);
    expect(found(ac, '治')).toEqual(['治@0-1']);
  });

  it('reports duplicated patterns under each index', () => {
    const ac = new AhoCorasick(['治愈', '治愈']);
    expect(ac.search('治愈').map((h) => h.pattern).sort()).toEqual([0, 1]);
  });
});

describe('AhoCorasick against a naive search', () => {
  it('reports exactly the occurrences indexOf finds, for any patterns and text', () => {
    // A small alphabet (Han, ASCII, a surrogate pair) so patterns overlap, share prefixes and
    // fail into one another often; the text also holds units no pattern starts with.
    const unit = fc.constantFrom('保', '证', '治', '愈', 'a', 'b', '-', '😀', '\n');
    const word = fc.array(unit, { minLength: 1, maxLength: 4 }).map((u) => u.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(unit, { maxLength: 60 }).map((u) => u.join('')), (patterns, text) => {
        const expected: string[] = [];
        patterns.forEach((p, pattern) => {
          for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) expected.push(`${pattern}@${i}-${i + p.length}`);
        });
        const got = new AhoCorasick(patterns).search(text);
        for (let k = 1; k < got.length; k++) expect(got[k]!.end).toBeGreaterThanOrEqual(got[k - 1]!.end);
        expect(got.map((h) => `${h.pattern}@${h.start}-${h.end}`).sort()).toEqual(expected.sort());
      }),
      { numRuns: 400 },
    );
  });
});
