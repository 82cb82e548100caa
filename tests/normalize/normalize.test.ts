import { describe, expect, it } from 'vitest';
import { normalize, normalizeSteps } from '../../src/normalize/index.js';
import { sourceOf } from './helpers.js';

describe('normalize', () => {
  it('maps a match in Traditional, fullwidth text back to the original characters', () => {
    const input = '本院專治牛皮癬，保證治癒，治癒率高達９８．６％！';
    const n = normalize(input);
    expect(n.text).toBe('本院专治牛皮癣,保证治愈,治愈率高达98.6%!');
    expect(sourceOf(input, n, '保证治愈')).toBe('保證治癒');
    expect(sourceOf(input, n, '98.6%')).toBe('９８．６％');
    expect(sourceOf(input, n, '治愈率高达98.6%')).toBe('治癒率高達９８．６％');
  });

  it('maps across a zero-width character inside a word', () => {
    const input = '保\u200b证治愈';
    const n = normalize(input);
    expect(n.text).toBe('保证治愈');
    expect(sourceOf(input, n, '保证治愈')).toBe(input);
    expect(sourceOf(input, n, '证治')).toBe('证治');
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const input = '𠀀😀𝐀 医院保证治愈';
    const n = normalize(input);
    expect(n.text).toBe('𠀀😀A 医院保证治愈');
    const at = n.text.indexOf('保证治愈');
    expect(n.map.toSource(at, at + 4)).toEqual([input.indexOf('保证治愈'), input.length]);
  });

  it('keeps CRLF and maps matches on later lines', () => {
    const input = '第一行\r\n保*证*治*愈\r\n電話：１２３';
    const n = normalize(input);
    expect(n.text).toBe('第一行\r\n保证治愈\r\n电话:123');
    expect(sourceOf(input, n, '保证治愈')).toBe('保*证*治*愈');
    expect(sourceOf(input, n, '电话:123')).toBe('電話：１２３');
  });

  it('joins separators written in fullwidth or ideographic-space form', () => {
    const input = '保＊證＊治＊癒！不\u3000復\u3000發';
    const n = normalize(input);
    expect(n.text).toBe('保证治愈!不复发');
    expect(sourceOf(input, n, '保证治愈')).toBe('保＊證＊治＊癒');
    expect(sourceOf(input, n, '不复发')).toBe('不\u3000復\u3000發');
  });

  it('combines every kind of evasion in one phrase', () => {
    const input = '包\u200b·治·百·\ufeff病';
    const n = normalize(input);
    expect(n.text).toBe('包治百病');
    expect(sourceOf(input, n, '包治百病')).toBe(input);
  });

  it('can leave script and separators alone', () => {
    const input = '保證 * 治癒';
    expect(normalize(input, { script: false }).text).toBe('保證 * 治癒');
    expect(normalize('保*證*治', { script: false }).text).toBe('保證治');
    expect(normalize('保*證*治', { separators: false }).text).toBe('保*证*治');
  });

  it('returns an identity map for text that needs nothing', () => {
    const input = '最近天气不错 ABC 123';
    const n = normalize(input);
    expect(n.text).toBe(input);
    expect(n.map.toSource(2, 4)).toEqual([2, 4]);
    expect(n.map.sourceLength).toBe(input.length);
  });

  it('handles the empty string', () => {
    const n = normalize('');
    expect(n.text).toBe('');
    expect(n.map.length).toBe(0);
  });
});

describe('normalizeSteps', () => {
  it('shows the text after each step, in order, with maps to the input', () => {
    const input = '保\u200b證＊治＊癒';
    const steps = normalizeSteps(input);
    expect(steps.map((s) => [s.name, s.text])).toEqual([
      ['invisibles', '保證＊治＊癒'],
      ['width', '保證*治*癒'],
      ['lookalikes', '保證*治*癒'],
      ['script', '保证*治*愈'],
      ['ruby', '保证*治*愈'],
      ['masks', '保证*治*愈'],
      ['separators', '保证治愈'],
      ['pinyin', '保证治愈'],
      ['repeats', '保证治愈'],
    ]);
    for (const step of steps) {
      expect(step.map.length).toBe(step.text.length);
      expect(step.map.sourceLength).toBe(input.length);
    }
    expect(steps[1]!.map.toSource(2, 3)).toEqual([3, 4]);
    expect(steps[steps.length - 1]!.text).toBe(normalize(input).text);
  });

  it('leaves out steps that are switched off', () => {
    expect(normalizeSteps('a', { script: false, separators: false }).map((s) => s.name)).toEqual([
      'invisibles', 'width', 'lookalikes', 'ruby', 'masks', 'pinyin', 'repeats',
    ]);
    expect(normalizeSteps('a', { skip: ['ruby', 'pinyin', 'masks', 'repeats', 'lookalikes'] }).map((s) => s.name)).toEqual([
      'invisibles', 'width', 'script', 'separators',
    ]);
  });
});
