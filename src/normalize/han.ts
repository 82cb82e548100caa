import { lazyBmpTable } from './bmp-table.js';

const HAN = /^\p{Script=Han}$/u;
const bmpHan = lazyBmpTable((cp) => (cp >= 0xd800 && cp <= 0xdfff ? 0 : HAN.test(String.fromCharCode(cp)) ? 1 : 0));

/** Whether a code point is of the Han script (ideographs, 〇, 々, radicals). */
export function isHanCp(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp <= 0xffff) return bmpHan(cp) === 1;
  return HAN.test(String.fromCodePoint(cp));
}

/** The code point that ends just before UTF-16 offset `i`, or undefined at the start. */
export function cpBefore(text: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return text.codePointAt(i - 2);
  }
  return c;
}

/** The code point at offset `i`, or undefined at the end. */
export function cpAt(text: string, i: number): number | undefined {
  return i < text.length ? text.codePointAt(i) : undefined;
}

/** Up to `max` Han characters (code points) ending just before offset `i`, in reading order. */
export function hanBefore(text: string, i: number, max: number): string[] {
  const out: string[] = [];
  let at = i;
  while (out.length < max) {
    const cp = cpBefore(text, at);
    if (!isHanCp(cp)) break;
    const ch = String.fromCodePoint(cp!);
    out.unshift(ch);
    at -= ch.length;
  }
  return out;
}

/** Up to `max` Han characters (code points) starting at offset `i`. */
export function hanAfter(text: string, i: number, max: number): string[] {
  const out: string[] = [];
  let at = i;
  while (out.length < max) {
    const cp = cpAt(text, at);
    if (!isHanCp(cp)) break;
    const ch = String.fromCodePoint(cp!);
    out.push(ch);
    at += ch.length;
  }
  return out;
}

/**
 * A Han character for fast (non-Unicode-mode) regexes: the URO, Extension A, compatibility
 * ideographs and the astral planes 2–3 as surrogate pairs. Scanning a whole document with
 * this costs a fraction of \p{Script=Han} in a `u` regex; exact checks come after.
 */
export const HAN_UNIT = '(?:[\\u3400-\\u9fff\\uf900-\\ufaff]|[\\ud840-\\ud8bf][\\udc00-\\udfff])';
