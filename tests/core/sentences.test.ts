import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clauseAround, clauseEndAt, sentenceAround, spanIndexAt, splitSentences } from '../../src/core/sentences.js';

const SENTENCE_ENDS = ['。', '!', '?', ';', '\n', '\r', '…'];
const CLAUSE_ENDS = [...SENTENCE_ENDS, ',', ':', '，', '：'];

/** The rule, read one character at a time (no length cap): sentences end after a terminator. */
function naive(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    cur += ch;
    if (SENTENCE_ENDS.includes(ch)) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

describe('sentences', () => {
  it('ends sentences after 。!?;… and line breaks, terminators kept, nothing lost', () => {
    const text = '本院专治牛皮癣。保证治愈!还等什么?快来;名额有限…\r\n电话：123';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['本院专治牛皮癣。', '保证治愈!', '还等什么?', '快来;', '名额有限…', '\r', '\n', '电话：123']);
  });

  it('agrees with a character-by-character split on short texts, and covers the text without gaps', () => {
    const unit = fc.constantFrom('保', '证', 'a', ' ', '😀', ...CLAUSE_ENDS);
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }).map((u) => u.join('')), (text) => {
        const spans = splitSentences(text);
        expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(naive(text));
        for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBe(spans[i - 1]!.end);
      }),
      { numRuns: 300 },
    );
  });

  it('breaks a run without punctuation at a comma or space before 400 characters, never inside a surrogate pair', () => {
    const long = '治'.repeat(300) + '，' + '疗'.repeat(300);
    const spans = splitSentences(long);
    expect(spans[0]).toEqual({ start: 0, end: 301 });
    const astral = '𠀀'.repeat(500);
    for (const s of splitSentences(astral)) expect(s.start % 2).toBe(0);
  });

  it('finds clause ends by code, false past either end', () => {
    expect(CLAUSE_ENDS.every((c) => clauseEndAt(c, 0))).toBe(true);
    expect(clauseEndAt('保', 0)).toBe(false);
    expect(clauseEndAt('，', -1)).toBe(false);
    expect(clauseEndAt('，', 1)).toBe(false);
  });

  it('finds the clause and the sentence around a span', () => {
    const text = '经过治疗，患者说：保证治愈，真的。下一句';
    const at = text.indexOf('保证治愈');
    const sentence = splitSentences(text)[spanIndexAt(splitSentences(text), at)]!;
    expect(text.slice(sentence.start, sentence.end)).toBe('经过治疗，患者说：保证治愈，真的。');
    const clause = clauseAround(text, sentence, at, at + 4);
    expect(text.slice(clause.start, clause.end)).toBe('保证治愈');
    const around = sentenceAround(text, at, at + 4);
    expect(text.slice(around.start, around.end)).toBe('经过治疗，患者说：保证治愈，真的');
  });
});
