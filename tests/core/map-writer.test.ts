import { describe, expect, it } from 'vitest';
import { MapWriter } from '../../src/core/map-writer.js';

describe('MapWriter', () => {
  it('maps copied units one to one and emitted units to their whole span', () => {
    const w = new MapWriter(10, 1);
    w.copy('ab', 3);
    w.emit('XYZ', 5, 9);
    w.emit('', 0, 1);
    w.copy('', 0);
    const { text, map } = w.finish();
    expect(text).toBe('abXYZ');
    expect(Array.from(map.start)).toEqual([3, 4, 5, 5, 5]);
    expect(Array.from(map.end)).toEqual([4, 5, 9, 9, 9]);
    expect(map.sourceLength).toBe(10);
    expect(w.length).toBe(5);
  });

  it('grows past its initial capacity and matches a plain-array model of the same calls', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const a = new MapWriter(1000, 4);
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < 500; i++) {
      const s = Math.floor(rand() * 900);
      const piece = 'x𠀀保'.slice(0, Math.floor(rand() * 4));
      text += piece;
      if (rand() < 0.5) {
        a.copy(piece, s);
        for (let k = 0; k < piece.length; k++) starts.push(s + k), ends.push(s + k + 1);
      } else {
        a.emit(piece, s, s + 3);
        for (let k = 0; k < piece.length; k++) starts.push(s), ends.push(s + 3);
      }
    }
    const x = a.finish();
    expect(x.text).toBe(text);
    expect(a.lastChar()).toBe(text[text.length - 1]);
    expect(Array.from(x.map.start)).toEqual(starts);
    expect(Array.from(x.map.end)).toEqual(ends);
  });

  it('finishes empty', () => {
    const { text, map } = new MapWriter(0).finish();
    expect(text).toBe('');
    expect(map.length).toBe(0);
  });
});
