import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { mulberry32 } from '../../scripts/lib/random.mjs';

// Seeded, so a failure can be replayed from the printed seed.
const PHRASES = ['保证治愈', '无效退款', '包治百病', '根治', '不复发', '治愈率', '药到病除见效'];
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\ufe0f', '\u{e0100}', '\u{e0041}', '\u202e'];
const SYMBOLS = ['*', '·', '-', '_', '~', '/', '|', '#', '+', '•', '＊', '－', '😀', '🔥', ' * '];
const SPACES = [' ', '\u3000', '  '];
// Some contexts end or start with a Han character, so the phrase is glued to other words.
const CONTEXT = ['本院', '，', '𠀀', '电话：', '\r\n', '患者说', 'ABC', '', '。'];
const HAN = /\p{Script=Han}/u;

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/** Pads between the phrase's characters with `sep` and random invisibles. */
function pad(rand: () => number, chars: string[], sep: string): string {
  let out = '';
  chars.forEach((c, i) => {
    out += c;
    if (i === chars.length - 1) return;
    if (rand() < 0.5) out += pick(rand, INVISIBLES);
    out += sep;
    if (rand() < 0.3) out += pick(rand, INVISIBLES);
  });
  return out;
}

/**
 * The documented rule, restated by counting: the padded phrase forms one group whose inner
 * characters are single; its ends are single unless glued to neighbouring Han text.
 */
function joins(length: number, symbol: boolean, gluedBefore: boolean, gluedAfter: boolean): boolean {
  const separators = length - 1;
  const singles = Math.max(0, length - 2) + (gluedBefore ? 0 : 1) + (gluedAfter ? 0 : 1);
  return (separators >= 2 && singles >= 2) || (symbol && singles >= 1);
}

describe('normalize: random padding with invisibles and separators', () => {
  it('finds the phrase and maps it back from its first to its last original character', () => {
    let joined = 0;
    let kept = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const rand = mulberry32(seed);
      const phrase = pick(rand, PHRASES);
      const chars = Array.from(phrase);
      const roll = rand();
      const sep = roll < 0.3 ? '' : roll < 0.8 ? pick(rand, SYMBOLS) : pick(rand, SPACES);
      const padded = pad(rand, chars, sep);
      const before = pick(rand, CONTEXT);
      const after = pick(rand, CONTEXT);
      const input = `${before}${padded}${after}`;
      const n = normalize(input);
      const label = `seed ${seed}: ${JSON.stringify(input)} → ${JSON.stringify(n.text)}`;

      const gluedBefore = HAN.test(Array.from(before).pop() ?? '');
      const gluedAfter = HAN.test(Array.from(after)[0] ?? '');
      const symbol = sep.trim() !== '';
      if (sep !== '' && !joins(chars.length, symbol, gluedBefore, gluedAfter)) {
        // Ambiguous layout (see separators.ts): the separators must survive, folded.
        expect(n.text, label).toContain(chars.join(sep.normalize('NFKC')));
        kept++;
        continue;
      }
      joined++;
      const at = n.text.indexOf(phrase);
      expect(at, label).toBeGreaterThanOrEqual(0);
      const [s, e] = n.map.toSource(at, at + phrase.length);
      const first = before.length;
      const last = first + padded.lastIndexOf(chars[chars.length - 1]!) + 1;
      expect([s, e], label).toEqual([first, last]);
      expect(input.slice(s, e), label).toBe(padded);
    }
    // Both branches must actually run, or the test proves nothing.
    expect(joined).toBeGreaterThan(300);
    expect(kept).toBeGreaterThan(10);
  });
});
