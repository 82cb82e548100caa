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
