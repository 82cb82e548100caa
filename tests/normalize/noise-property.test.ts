import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';

/*
 * normalize() alone, many runs: a phrase disguised character by character (Traditional or
 * look-alike forms, ruby pinyin, doubling) with invisibles and one kind of padding between the
 * characters, between contexts holding astral characters and CRLF line ends, must come out as
 * the plain phrase, and the map must take it back to exactly the disguised phrase: from the
 * first unit of its first character to the last unit of its last (annotations and copies
 * included), nothing outside.
 */

const PHRASES = ['保证治愈', '包治百病', '药到病除', '无效退款', '永不复发', '处方药', '根治'];
const TRADITIONAL: Record<string, string> = { 证: '證', 愈: '癒', 药: '藥', 无: '無', 发: '發', 处: '處', 复: '復', 门: '門', 见: '見' };
const LOOKALIKE: Record<string, string> = { 药: '薬', 处: '処', 方: '⽅', 百: '⽩'.replace('⽩', '百'), 除: '除' };
const PINYIN: Record<string, string[]> = {
  保: ['bao', 'bǎo'], 证: ['zheng', 'zhèng'], 治: ['zhi', 'zhì'], 愈: ['yu', 'yù'], 包: ['bao'], 百: ['bai', 'bǎi'], 病: ['bing'],
  药: ['yao', 'yào'], 到: ['dao'], 除: ['chu', 'chú'], 无: ['wu', 'wú'], 效: ['xiao'], 退: ['tui'], 款: ['kuan'], 永: ['yong'],
  不: ['bu', 'bù'], 复: ['fu'], 发: ['fa'], 处: ['chu', 'chǔ'], 方: ['fang'], 根: ['gen'],
};
const INVISIBLES = ['', '', '\u200b', '\u200d', '\u00ad', '\u202e', '\u2066', '\ufeff', '\u{e0100}', '\u{e0041}', '\u3164'];
const PADDING = ['', '*', '·', '-', '_', '/', '~', '✿', '😀', ' ', '\u3000'];
const CONTEXT = ['', '本院', '，', '\r\n', '𠀀', '😀 ', '电话：0571\r\n', '患者说', 'ABC ', '。'];

const charNoise = fc.record({
  form: fc.constantFrom('plain', 'traditional', 'lookalike', 'fullwidth-ruby', 'ruby', 'bare-ruby', 'double'),
  syllable: fc.nat(),
  invisible: fc.constantFrom(...INVISIBLES),
});

describe('normalize: a disguised phrase comes back, mapped to exactly the disguise', () => {
  it('holds for every combination of per-character disguise, padding and context', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PHRASES),
        fc.array(charNoise, { minLength: 8, maxLength: 8 }),
        fc.constantFrom(...PADDING),
        fc.constantFrom(...CONTEXT),
        fc.constantFrom(...CONTEXT),
        (phrase, noise, pad, before, after) => {
          const chars = Array.from(phrase);
          // What separators.ts deliberately leaves alone as ordinary layout: spaces around fewer
          // than two single characters (今天 我 很高兴), a symbol next to none (北京-上海).
          if (pad !== '') {
            const glued = (s: string) => /\p{Script=Han}/u.test(s);
            const singles = chars.length - 2 + (glued(Array.from(before).pop() ?? '') ? 0 : 1) + (glued(Array.from(after)[0] ?? '') ? 0 : 1);
            fc.pre(pad.trim() === '' ? singles >= 2 && chars.length >= 3 : singles >= 1);
          }
          let input = before;
          let first = -1;
          let last = -1;
          chars.forEach((c, i) => {
            const n = noise[i]!;
            const readings = PINYIN[c]!;
            const syllable = readings[n.syllable % readings.length]!;
            const core = {
              plain: c,
              traditional: TRADITIONAL[c] ?? c,
              lookalike: LOOKALIKE[c] ?? c,
              'fullwidth-ruby': `${c}（${syllable}）`,
              ruby: `${c}(${syllable})`,
              'bare-ruby': i === chars.length - 1 && /^[A-Za-z]/u.test(after) ? c : `${c}${syllable}`,
              double: c + c,
            }[n.form];
            if (first < 0) first = input.length;
            input += core;
            last = input.length;
            if (i < chars.length - 1) input += n.invisible + pad;
          });
          input += after;
          const out = normalize(input);
          const at = out.text.indexOf(phrase);
          expect(at, `${JSON.stringify(input)} → ${JSON.stringify(out.text)}`).toBeGreaterThanOrEqual(0);
          const [s, e] = out.map.toSource(at, at + phrase.length);
          expect(input.slice(s, e), JSON.stringify(input)).toBe(input.slice(first, last));
        },
      ),
      { numRuns: Number(process.env.ADSCAN_PROPERTY_RUNS ?? 400) },
    );
  });
});
