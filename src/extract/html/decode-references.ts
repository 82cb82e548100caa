import { DecodingMode, EntityDecoder, fromCodePoint, htmlDecodeTree } from 'entities/decode';
import type { MappedChars } from './mapped-chars.js';

export type ReferenceContext = 'text' | 'attribute';

/**
 * Decodes character references in a slice of page source the way the HTML tokenizer does,
 * keeping for each output unit the source span it came from: a reference's characters all
 * map to the whole reference (`&amp;` → 5 units), anything else maps to itself. CR LF and
 * lone CR become LF as the parser's input preprocessing does, mapping to what they replace.
 * `attribute` applies the attribute rule that `&copy=` or `&notx` stay literal.
 */
/**
 * One decoder for every call, writing what it decodes to `pending`: a decoder and callback
 * made per call were a good share of this step's allocation (and of its compile time, a
 * callback made per call being compiled again and again). Calls never nest.
 */
let pending = '';
const DECODER = new EntityDecoder(htmlDecodeTree, (cp) => {
  pending += fromCodePoint(cp);
});

export function decodeReferences(raw: string, rawStart: number, context: ReferenceContext): MappedChars {
  if (!raw.includes('&') && !raw.includes('\r')) return { text: raw, starts: [], ends: [], base: rawStart };
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];

  const decoder = DECODER;
  const mode = context === 'attribute' ? DecodingMode.Attribute : DecodingMode.Legacy;

  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '&') {
      pending = '';
      decoder.startEntity(mode);
      let consumed = decoder.write(raw, i + 1);
      if (consumed < 0) consumed = decoder.end();
      // `consumed` counts the '&'; 0 means "not a reference", and the '&' is literal.
      if (consumed > 0 && pending !== '') {
        pushMapped(out, starts, ends, pending, rawStart + i, rawStart + i + consumed);
        i += consumed;
        continue;
      }
      pushMapped(out, starts, ends, '&', rawStart + i, rawStart + i + 1);
      i++;
    } else if (ch === '\r') {
      const span = raw[i + 1] === '\n' ? 2 : 1;
      pushMapped(out, starts, ends, '\n', rawStart + i, rawStart + i + span);
      i += span;
    } else {
      // Up to the next reference or CR, every unit maps to itself: copied as one run.
      let end = i + 1;
      while (end < raw.length && !isReferenceOrCr(raw.charCodeAt(end))) end++;
      out.push(raw.slice(i, end));
      for (let k = i; k < end; k++) {
        starts.push(rawStart + k);
        ends.push(rawStart + k + 1);
      }
      i = end;
    }
  }
  return { text: out.join(''), starts, ends };
}

/** Appends `s`, every unit of which came from source [start, end). */
function pushMapped(out: string[], starts: number[], ends: number[], s: string, start: number, end: number): void {
  out.push(s);
  for (let k = 0; k < s.length; k++) {
    starts.push(start);
    ends.push(end);
  }
}

function isReferenceOrCr(c: number): boolean {
  return c === 0x26 || c === 0x0d; // '&', CR
}
