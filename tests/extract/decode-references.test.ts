import fc from 'fast-check';
import { DecodingMode, EntityDecoder, fromCodePoint, htmlDecodeTree } from 'entities/decode';
import { describe, expect, it } from 'vitest';
import { decodeReferences, type ReferenceContext } from '../../src/extract/html/decode-references.js';
import { unitEnd, unitStart } from '../../src/extract/html/mapped-chars.js';

/** One unit at a time: what decodeReferences, copying plain runs whole, must agree with. */
function reference(raw: string, rawStart: number, context: ReferenceContext): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (s: string, start: number, end: number): void => {
    text += s;
    for (let k = 0; k < s.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  };
  let pending = '';
  const decoder = new EntityDecoder(htmlDecodeTree, (cp) => {
    pending += fromCodePoint(cp);
  });
  const mode = context === 'attribute' ? DecodingMode.Attribute : DecodingMode.Legacy;
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '&') {
      pending = '';
      decoder.startEntity(mode);
      let consumed = decoder.write(raw, i + 1);
      if (consumed < 0) consumed = decoder.end();
      if (consumed > 0 && pending !== '') {
        push(pending, rawStart + i, rawStart + i + consumed);
        i += consumed;
        continue;
      }
      push('&', rawStart + i, rawStart + i + 1);
      i++;
    } else if (ch === '\r') {
      const span = raw[i + 1] === '\n' ? 2 : 1;
      push('\n', rawStart + i, rawStart + i + span);
      i += span;
    } else {
      push(ch, rawStart + i, rawStart + i + 1);
      i++;
    }
  }
  return { text, starts, ends };
}

/** The UTF-16 unit indices of a text. */
const units = (text: string): number[] => Array.from({ length: text.length }, (_, i) => i);

describe('decodeReferences', () => {
  it('maps a reference to its whole source and every other unit to itself', () => {
    const d = decodeReferences('保证&amp;治愈\r\n&#x4e2d;', 10, 'text');
    expect(d.text).toBe('保证&治愈\n中');
    expect(units(d.text).map((i) => [unitStart(d, i), unitEnd(d, i)])).toEqual([
      [10, 11], [11, 12], [12, 17], [17, 18], [18, 19], [19, 21], [21, 29],
    ]);
  });

  it('agrees with decoding one unit at a time', () => {
    const piece = fc.constantFrom('&', 'amp;', 'amp', 'not', 'notit;', '#x4e2d;', '#20013', 'copy=', '\r', '\n', '\r\n', '保', '证', 'a', ' ', ';', '=', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.constantFrom<ReferenceContext>('text', 'attribute'), (pieces, context) => {
        const raw = pieces.join('');
        const d = decodeReferences(raw, 7, context);
        const want = reference(raw, 7, context);
        expect(d.text).toBe(want.text);
        expect(units(d.text).map((i) => unitStart(d, i))).toEqual(want.starts);
        expect(units(d.text).map((i) => unitEnd(d, i))).toEqual(want.ends);
      }),
      { numRuns: 2000 },
    );
  });
});
