import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { stripRubyAnnotations } from '../../src/normalize/ruby.js';
import { sourceOf, spans } from './helpers.js';

describe('stripRubyAnnotations', () => {
  it.each([
    ['当(dang)事人(ren)', '当事人'],
    ['加强(qiáng)', '加强'],
    ['高(gao)(gao)', '高'],
    ['当事人(dang shi ren)', '当事人'],
    ["西安(xi'an)", '西安'],
    ['治(zhi4)愈(yu4)', '治愈'],
    ['了(le0)', '了'],
    ['治(ZHI)愈', '治愈'],
    ['当dang事人ren', '当事人'],
    ['加强qiáng', '加强'],
    ['保bao证zheng', '保证'],
    ['率lü99%', '率99%'],
    ['率(lv)', '率'],
  ])('%s → %s', (input, expected) => {
    expect(stripRubyAnnotations(input).text).toBe(expected);
  });

  it.each([
    ['张三(化名)', 'a Han parenthetical'],
    ['解放军某医院(协作单位)', 'a Han parenthetical'],
    ['本品每盒12粒(单颗)', 'a Han parenthetical'],
    ['复方板蓝根颗粒(OTC)', 'an acronym'],
    ['(X)医广【2024】第03号', 'a placeholder'],
    ['中国China', 'an English word that is not the reading'],
    ['医生(doctor)', 'an English word in parentheses'],
    ['当(ren)', 'a syllable that is no reading of the character'],
    ['当(dang', 'an unclosed parenthesis'],
    ['AI医生', 'an acronym before Han'],
    ['维生素C', 'a letter that is no syllable'],
    ['高 (gao)', 'a space between the character and the parenthesis'],
  ])('leaves %s alone (%s)', (input) => {
    expect(stripRubyAnnotations(input).text).toBe(input);
  });

  it('attaches the annotation to the character before it in the map', () => {
    const input = '保(bao)证(zheng)治愈';
    const n = stripRubyAnnotations(input);
    expect(n.text).toBe('保证治愈');
    expect(spans(n)).toEqual([
      [0, 6],
      [6, 14],
      [14, 15],
      [15, 16],
    ]);
    expect(sourceOf(input, n, '保证')).toBe('保(bao)证(zheng)');
    expect(sourceOf(input, n, '治愈')).toBe('治愈');
  });

  it('keeps the map exact after astral characters and across CRLF', () => {
    const input = '𠀀😀\r\n當(dāng)事人(rén)，保證(bǎo zhèng)治癒';
    const n = normalize(input);
    expect(n.text).toBe('𠀀😀\r\n当事人,保证治愈');
    expect(sourceOf(input, n, '当事人')).toBe('當(dāng)事人(rén)');
    expect(sourceOf(input, n, '保证治愈')).toBe('保證(bǎo zhèng)治癒');
  });

  it('reads fullwidth parentheses and tone marks once folded', () => {
    const input = '治（zhì）愈（yù）';
    const n = normalize(input);
    expect(n.text).toBe('治愈');
    expect(sourceOf(input, n, '治愈')).toBe(input);
  });

  it('leaves text without letters next to Han characters as it is', () => {
    const n = stripRubyAnnotations('本院专治牛皮癣，保证治愈 hello world');
    expect(n.text).toBe('本院专治牛皮癣，保证治愈 hello world');
  });
});
