import { describe, expect, it } from 'vitest';
import { CharTable } from '../../src/core/char-table.js';

describe('CharTable', () => {
  const table = new CharTable(['醫', '癒', '𠀀', 'A']);

  it('finds the first member in a range, BMP and astral alike', () => {
    expect(table.indexIn('本院醫院')).toBe(2);
    expect(table.indexIn('本院医院')).toBe(-1);
    expect(table.indexIn('x𠀀y')).toBe(1);
    expect(table.indexIn('醫x醫', 1)).toBe(2);
    expect(table.indexIn('醫x醫', 1, 2)).toBe(-1);
    expect(table.indexIn('')).toBe(-1);
  });

  it('tells astral characters apart by code point, and skips lone or cut surrogates', () => {
    // U+20001 shares its high surrogate with U+20000.
    expect(table.indexIn('\u{20001}')).toBe(-1);
    expect(table.indexIn('\ud840')).toBe(-1);
    expect(table.indexIn('\udc00\ud840')).toBe(-1);
    // A range ending between the two halves does not hold the character.
    expect(table.indexIn('𠀀', 0, 1)).toBe(-1);
    expect(table.indexIn('a\u{20001}A')).toBe(3);
  });

  it('finds the last BMP member in a range', () => {
    expect(table.lastBmpIndexIn('醫x醫y')).toBe(2);
    expect(table.lastBmpIndexIn('醫x醫y', 0, 2)).toBe(0);
    expect(table.lastBmpIndexIn('xyz')).toBe(-1);
    expect(table.lastBmpIndexIn('')).toBe(-1);
  });
});
