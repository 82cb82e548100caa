import { MapWriter } from '../core/map-writer.js';
import { lazyBmpTable } from './bmp-table.js';
import { unchanged, type Normalized } from './normalized.js';

const STABLE = 0; // NFKC leaves it alone
const MARK = 1; // a combining mark: belongs to the cluster before it
const CHANGES = 2; // NFKC changes it

const IS_MARK = /^\p{M}$/u;
const MARKS = /\p{M}+/uy;

const kindOf = lazyBmpTable((cp) => {
  if (cp >= 0xd800 && cp <= 0xdfff) return STABLE; // surrogates: handled per code point
  const ch = String.fromCharCode(cp);
  if (IS_MARK.test(ch)) return MARK;
  return ch.normalize('NFKC') === ch ? STABLE : CHANGES;
});

/** Whether a code unit may start a combining mark (astral marks are checked by regex). */
function startsMark(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x300) return false;
  if (c >= 0xd800 && c <= 0xdbff) {
    MARKS.lastIndex = i;
    return MARKS.test(text);
  }
  return kindOf(c) === MARK;
}

/**
 * NFKC, one cluster (a code point and the combining marks after it) at a time, so that a
 * character never composes with the next one and every output unit maps to exactly the input
 * cluster it came from: fullwidth ＡＢＣ１２３（）：％ → ASCII, U+3000 → ' ', ① → '1', ㈱ → '(株)'.
 * Surrogate pairs are one code point; a lone surrogate is left as it is.
 */
export function foldWidth(text: string): Normalized {
  let out: MapWriter | undefined;
  let copied = 0; // input before this offset has been written to `out`
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Fast path: below U+00A0 (ASCII and controls, '\r' and '\n' included) nothing changes.
    if (c < 0xa0 && (i + 1 === n || text.charCodeAt(i + 1) < 0x300)) {
      i++;
      continue;
    }
    // Astral code points (a surrogate pair) always take the slow path; lone surrogates are STABLE.
    const pair = text.codePointAt(i)! > 0xffff;
    let end = i + (pair ? 2 : 1);
    let changes = pair || kindOf(c) !== STABLE;
    while (end < n && startsMark(text, end)) {
      const cp = text.codePointAt(end)!;
      end += cp > 0xffff ? 2 : 1;
      changes = true;
    }
    if (!changes) {
      i = end;
      continue;
    }
    const cluster = text.slice(i, end);
    const folded = cluster.normalize('NFKC');
    if (folded !== cluster) {
      out ??= new MapWriter(text.length);
      out.copy(text.slice(copied, i), copied);
      out.emit(folded, i, end);
      copied = end;
    }
    i = end;
  }
  if (!out) return unchanged(text);
  out.copy(text.slice(copied), copied);
  return out.finish();
}
