import { beforeAll, describe, expect, it } from 'vitest';
import { getSegmenter } from '../../src/segment/index.js';
// Seeded, so a failure can be replayed from the printed seed.
import { mulberry32 } from '../../scripts/lib/random.mjs';

const PIECES = [
  '保证', '治愈', '患者', '说', '第一', '医院', '的', '最', '王', '女士', '表示', '根治术',
  ' ', '  ', '\n', '\r\n', '\t', '\u3000', '，', '。', '、', '！', '?', '%', '.', '-',
  'a', 'ABC', 'def', '0', '98.6', '2024',
  '😀', '👍🏽', '𠀀', '𫫇', '\ud800', '\udc00', '\u0000', 'e\u0301', '\ufffd',
];

const seg = getSegmenter();
beforeAll(() => {
  seg.tokens('预热');
}, 60_000);

describe('tokens() offsets on random text', () => {
  it('always slice back to the words, in order, with only whitespace between tokens', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = mulberry32(seed);
      let text = '';
      const n = 1 + Math.floor(rand() * 30);
      for (let i = 0; i < n; i++) text += PIECES[Math.floor(rand() * PIECES.length)];
      const tokens = seg.tokens(text);
      let pos = 0;
      for (const t of tokens) {
        const label = `seed ${seed}: ${JSON.stringify(text)} at ${JSON.stringify(t)}`;
        expect(text.slice(t.start, t.end), label).toBe(t.word);
        expect(t.start, label).toBeGreaterThanOrEqual(pos);
        expect(text.slice(pos, t.start), label).toMatch(/^\s*$/u);
        pos = t.end;
      }
      expect(text.slice(pos), `seed ${seed}: ${JSON.stringify(text)} (tail)`).toMatch(/^\s*$/u);
    }
  });
});
