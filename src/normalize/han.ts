import { lazyBmpTable } from './bmp-table.js';
import type { MapWriter } from '../core/map-writer.js';

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

/**
 * Up to `max` Han characters before offset `at` as the calling step has already rewritten
 * them (bao证zhi愈: 证 follows the restored 保). With a writer, the untouched text since
 * `copied` is flushed into it first; returns the context and where copying now stands.
 */
export function rewrittenBefore(text: string, at: number, max: number, out: MapWriter | undefined, copied: number): { left: string[]; copied: number } {
  if (!out) return { left: hanBefore(text, at, max), copied };
  out.copy(text.slice(copied, at), copied);
  const tail = out.tail(max * 2);
  return { left: hanBefore(tail, tail.length, max), copied: at };
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

let touchText: string | undefined;
let touchResult = false;

const hanish = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd8bf) || (c >= 0xdc00 && c <= 0xdfff);

/**
 * Whether a Latin letter touches a Han character (or a '(' right after one): the only texts
 * the ruby and pinyin steps can change. One plain loop, remembered for the last text checked,
 * so that the two steps scan an unchanged document once between them.
 */
export function letterTouchesHan(text: string): boolean {
  if (text === touchText) return touchResult;
  let found = false;
  for (let i = 0; i < text.length && !found; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    if (!((lower >= 0x61 && lower <= 0x7a) || (c >= 0xc0 && c <= 0x24f))) continue;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (hanish(prev) || hanish(next)) found = true; // 当dang, zhi愈
    else if (prev === 0x28 && i > 1) found = hanish(text.charCodeAt(i - 2)) || text.charCodeAt(i - 2) === 0x29; // 当(dang), 高(gao)(gao)
    else if (next >= 0x30 && next <= 0x35 && i + 2 < text.length) found = hanish(text.charCodeAt(i + 2)); // zhi4愈
  }
  touchText = text;
  touchResult = found;
  return found;
}

/**
 * A Han character for fast (non-Unicode-mode) regexes: the URO, Extension A, compatibility
 * ideographs and the astral planes 2–3 as surrogate pairs. Scanning a whole document with
 * this costs a fraction of \p{Script=Han} in a `u` regex; exact checks come after.
 */
export const HAN_UNIT = '(?:[\\u3400-\\u9fff\\uf900-\\ufaff]|[\\ud840-\\ud8bf][\\udc00-\\udfff])';
