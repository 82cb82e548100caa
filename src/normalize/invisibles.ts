import { MapWriter } from '../core/map-writer.js';
import { unchanged, type Normalized } from './normalized.js';
import { matchesOf } from '../core/match-reader.js';

// Characters that render as nothing (or only steer layout) and are slipped into words to dodge
// keyword filters: zero-width space/joiners and direction marks (U+200B–U+200F), bidi
// embeddings and isolates (U+202A–U+202E, U+2066–U+2069, U+061C), word joiner and invisible
// operators (U+2060–U+2064), BOM/ZWNBSP (U+FEFF), soft hyphen, combining grapheme joiner,
// Mongolian variation selectors and vowel separator (U+180B–U+180F), variation selectors
// (U+FE00–U+FE0F and the astral U+E0100–U+E01EF), tag characters (U+E0000–U+E007F), the
// Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), which are popular "blank" characters, the
// Khmer inherent vowels (U+17B4, U+17B5), the deprecated format characters (U+206A–U+206F),
// interlinear annotation marks (U+FFF9–U+FFFB), shorthand format controls (U+1BCA0–U+1BCA3)
// and musical formatting controls (U+1D173–U+1D17A).
const INVISIBLE =
  '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064' +
  '\\u2066-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF9-\\uFFFB\\u{1BCA0}-\\u{1BCA3}\\u{1D173}-\\u{1D17A}' +
  '\\u{E0000}-\\u{E007F}\\u{E0100}-\\u{E01EF}';
// Line and paragraph separators are real breaks: keep them, as '\n', so later steps (which
// never join across a line) and line-based reports still see a break there.
const LINE_SEPARATORS = '\\u2028\\u2029';

const ANY = new RegExp(`[${INVISIBLE}${LINE_SEPARATORS}]`, 'u');
const ALL = new RegExp(`[${INVISIBLE}${LINE_SEPARATORS}]+`, 'gu');

/** Deletes invisible characters; U+2028/U+2029 become '\n'. */
export function stripInvisibles(text: string): Normalized {
  if (!ANY.test(text)) return unchanged(text);
  const out = new MapWriter(text.length);
  let last = 0;
  for (const m of matchesOf(text, ALL)) {
    const at = m.index;
    out.copy(text.slice(last, at), last);
    // Each line separator in the run becomes one '\n' mapped to itself; the rest vanish.
    for (let i = at; i < at + m[0].length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2028 || c === 0x2029) out.emit('\n', i, i + 1);
    }
    last = at + m[0].length;
  }
  out.copy(text.slice(last), last);
  return out.finish();
}
