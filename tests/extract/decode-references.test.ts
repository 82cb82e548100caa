import fc from 'fast-check';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { describe, expect, it } from 'vitest';
import { decodeReferences, type ReferenceContext } from '../../src/extract/html/decode-references.js';
import { unitEnd, unitStart } from '../../src/extract/html/mapped-chars.js';

/** The entities package's own string decoders, after the parser's CR LF / CR → LF preprocessing. */
const decodeWhole = (raw: string, context: ReferenceContext): string =>
  (context === 'attribute' ? decodeHTMLAttribute : decodeHTML)(raw.replace(/\r\n?/g, '\n'));

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

  it('decodes as the entities package does, each piece mapped to exactly the source it came from', () => {
    const piece = fc.constantFrom('&', 'amp;', 'amp', 'not', 'notit;', '#x4e2d;', '#20013', 'copy=', '\r', '\n', '\r\n', '保', '证', 'a', ' ', ';', '=', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.constantFrom<ReferenceContext>('text', 'attribute'), (pieces, context) => {
        const raw = pieces.join('');
        const d = decodeReferences(raw, 7, context);
        expect(d.text).toBe(decodeWhole(raw, context));
        // Units with the same source span form one piece; the pieces tile the source in order,
        // and each is its own source decoded alone (a reference, a line break, or a copy).
        let at = 7;
        let i = 0;
        while (i < d.text.length) {
          const start = unitStart(d, i);
          const end = unitEnd(d, i);
          let j = i + 1;
          while (j < d.text.length && unitStart(d, j) === start && unitEnd(d, j) === end && end - start > 1) j++;
          expect(start).toBe(at);
          const source = raw.slice(start - 7, end - 7);
          const text = d.text.slice(i, j);
          if (source.startsWith('&') && source.length > 1) expect(decodeWhole(source, context)).toBe(text);
          else if (source.startsWith('\r')) expect(text).toBe('\n');
          else expect(text).toBe(source);
          at = end;
          i = j;
        }
        expect(at).toBe(7 + raw.length);
      }),
      { numRuns: 2000 },
    );
  });
});
