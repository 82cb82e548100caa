import { ComplexHiding } from './complex-hidden.js';
import type { DomNode } from './dom.js';

/*
 * Text a browser would not show: spam pages hide keyword-stuffed claims (display:none, zero
 * font size) or slip hidden characters between the characters of a phrase so that filters
 * reading the source see 保<span style="display:none">x</span>证 as 保x证. Extraction keeps
 * such text — it is still published, and still the advertiser's — but takes it out of the
 * reading flow (the visible words join up again) and puts it after the visible body text,
 * each hidden element on its own line, mapped to its own source characters. The hidden
 * regions are listed so that a report can flag the page as suspicious.
 *
 * Detected: the `hidden` attribute; inline styles display:none, visibility:hidden|collapse,
 * font-size 0 (any unit), opacity 0, color transparent, zero width or height with
 * overflow:hidden, text-indent or left/top of -999px or beyond; and the same declarations in
 * <style> rules outside @media and other at-rules, whose selector is a simple class, id or
 * tag.class (.x, #y, span.x) or, through complex-hidden.ts, any other but a bare tag.
 */

export interface HiddenText {
  /** Source span of the hidden element (start tag to end tag) in the decoded original. */
  start: number;
  end: number;
  /** Why it counts as hidden, e.g. `display:none`, `font-size:0`, `class .kw`. */
  reason: string;
  /** Where its text sits in the body field text ([fieldStart, fieldEnd)); empty if it had none. */
  fieldStart: number;
  fieldEnd: number;
  /**
   * Whether it sits between two visible characters of one word (保<span hidden>x</span>证):
   * a filter-dodging trick, unlike a hidden menu or dialog.
   */
  inWord: boolean;
}

/** The properties hidingDeclaration reads: no other declaration can hide an element. */
const HIDING_PROPERTIES = new Set([
  'display', 'visibility', 'font-size', 'opacity', 'color', 'overflow', 'width', 'height', 'max-width',
  'max-height', 'text-indent', 'position', 'left', 'top',
]);

/** Returns why a declaration list hides its element, or null. */
export function hidingDeclaration(style: string): string | null {
  // Declarations are `;`-separated `property: value` pairs, the last of a property winning.
  // Only the properties that can hide are read (every style sheet rule and inline style
  // passes through here), scanning for `;` and `:` rather than splitting.
  let decls: Map<string, string> | null = null;
  let from = 0;
  let colon = style.indexOf(':');
  while (colon >= 0) {
    let to = style.indexOf(';', from);
    if (to < 0) to = style.length;
    if (colon < to) {
      const prop = style.slice(from, colon).trim().toLowerCase();
      if (HIDING_PROPERTIES.has(prop)) {
        const raw = style.slice(colon + 1, to);
        const value = (raw.includes('!') ? raw.replace(/!\s*important/iu, '') : raw).trim().toLowerCase();
        (decls ??= new Map()).set(prop, value);
      }
    }
    from = to + 1;
    if (colon < from) colon = style.indexOf(':', from);
  }
  return decls === null ? null : hidingReason(decls);
}

const zero = (v: string | undefined) => v !== undefined && /^[+-]?0*\.?0+(?:px|pt|pc|em|rem|ex|ch|vw|vh|vmin|vmax|%|cm|mm|in|q)?$/u.test(v);
const farOff = (v: string | undefined) => v !== undefined && /^-\d{3,}(?:\.\d+)?(?:px|pt|em|rem|%)?$/u.test(v) && parseFloat(v) <= -999;

const SIZE_PROPERTIES = ['width', 'height', 'max-width', 'max-height'];

function anyZero(decls: ReadonlyMap<string, string>, properties: readonly string[]): boolean {
  for (const p of properties) if (zero(decls.get(p))) return true;
  return false;
}

/** Why declarations (property → value, lower case, !important dropped) hide an element, or null. */
export function hidingReason(decls: ReadonlyMap<string, string>): string | null {
  if (decls.get('display') === 'none') return 'display:none';
  const visibility = decls.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') return `visibility:${visibility}`;
  if (zero(decls.get('font-size'))) return 'font-size:0';
  if (zero(decls.get('opacity'))) return 'opacity:0';
  if (decls.get('color') === 'transparent') return 'color:transparent';
  const overflowHidden = decls.get('overflow') === 'hidden';
  if (overflowHidden && anyZero(decls, SIZE_PROPERTIES)) return 'zero size';
  if (farOff(decls.get('text-indent'))) return 'text-indent off-screen';
  const position = decls.get('position');
  if ((position === 'absolute' || position === 'fixed') && (farOff(decls.get('left')) || farOff(decls.get('top')))) return 'positioned off-screen';
  return null;
}

/**
 * Hiding rules of a page's <style> elements. Simple selectors (.x, #y, span.x) are matched
 * here; any other selector (`.box > span`, `div.ad p:nth-child(2)`) is left to cheerio's CSS
 * engine (see complex-hidden.ts), compiled for the page once the sheets are read.
 */
export class HiddenSelectors {
  private readonly classes = new Map<string, string>();
  private readonly ids = new Map<string, string>();
  private readonly tagClasses = new Map<string, string>();
  /** Selectors this class does not match itself, with why they hide. */
  readonly complex: { selector: string; why: string }[] = [];
  private complexRules: ComplexHiding | null = null;
  /**
   * Why a class attribute hides its element, by attribute value (under the tag name when
   * tag.class rules exist): a page repeats a few dozen class lists over hundreds of elements.
   */
  private readonly byClassList = new Map<string, Map<string, string | null>>();

  /** Reads the top-level rules of a style sheet. */
  addSheet(css: string): void {
    const text = css.replace(/\/\*[\s\S]*?\*\//gu, ' ');
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      if (open < 0) break;
      const prelude = text.slice(i, open).trim();
      const close = matchingBrace(text, open);
      const body = text.slice(open + 1, close < 0 ? text.length : close);
      i = close < 0 ? text.length : close + 1;
      if (prelude.startsWith('@') || prelude.includes('@')) continue; // @media, @supports …: not always in force
      const why = hidingDeclaration(body);
      if (!why) continue;
      for (const sel of prelude.split(',')) this.addSelector(sel.trim(), why);
    }
  }

  /** Compiles the complex selectors read so far for the page whose tree is `root`. */
  resolveComplex(root: DomNode): void {
    this.complexRules = ComplexHiding.compile(root, this.complex);
  }

  private addSelector(sel: string, why: string): void {
    let m = /^\.([\w-]+)$/u.exec(sel);
    if (m) return void this.classes.set(m[1]!, `${why} (class .${m[1]})`);
    m = /^#([\w-]+)$/u.exec(sel);
    if (m) return void this.ids.set(m[1]!, `${why} (#${m[1]})`);
    m = /^([a-z][\w-]*)\.([\w-]+)$/iu.exec(sel);
    if (m) return void this.tagClasses.set(`${m[1]!.toLowerCase()}.${m[2]}`, `${why} (${m[1]!.toLowerCase()}.${m[2]})`);
    // A bare tag (p, span) would hide whole swathes of pages whose CSS we only half read.
    if (sel && !/^[a-z][\w-]*$/iu.test(sel) && sel !== '*') this.complex.push({ selector: sel, why: `${why} (${sel})` });
  }

  /** Why a rule hides `el`: a complex selector first, then its id, then its classes in order. */
  match(el: DomNode): string | null {
    const complex = this.complexRules?.match(el) ?? null;
    if (complex !== null) return complex;
    const id = el.attribs?.id;
    if (id && this.ids.has(id)) return this.ids.get(id)!;
    const cls = el.attribs?.class;
    if (!cls || this.classes.size + this.tagClasses.size === 0) return null;
    const tag = this.tagClasses.size > 0 ? el.name! : '';
    let memo = this.byClassList.get(tag);
    if (memo === undefined) this.byClassList.set(tag, (memo = new Map()));
    let why = memo.get(cls);
    if (why === undefined) memo.set(cls, (why = this.matchClasses(el.name!, cls)));
    return why;
  }

  private matchClasses(tag: string, cls: string): string | null {
    for (const c of cls.split(/\s+/u)) {
      if (!c) continue;
      const byClass = this.classes.get(c) ?? this.tagClasses.get(`${tag}.${c}`);
      if (byClass) return byClass;
    }
    return null;
  }
}

/** The `}` closing the `{` at `open` (braces nest), or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 1;
  let i = open + 1;
  let nextOpen = text.indexOf('{', i);
  for (;;) {
    const close = text.indexOf('}', i);
    if (close < 0) return -1;
    if (nextOpen >= 0 && nextOpen < close) {
      depth++;
      i = nextOpen + 1;
      nextOpen = text.indexOf('{', i);
    } else {
      if (--depth === 0) return close;
      i = close + 1;
    }
  }
}

/**
 * The hiding rules of a page's <style> elements (those outside templates and foreign
 * content, in document order), complex selectors compiled for the page.
 */
export function collectHiddenSelectors(root: DomNode, styles: readonly DomNode[]): HiddenSelectors {
  const selectors = new HiddenSelectors();
  for (const style of styles) {
    const css = (style.children ?? []).map((t) => (t.type === 'text' ? (t.data ?? '') : '')).join('');
    if (/display|visibility|font-size|opacity|transparent|overflow|indent|position/iu.test(css)) selectors.addSheet(css);
  }
  selectors.resolveComplex(root);
  return selectors;
}

/** Why an element is hidden (attribute, inline style or a style-sheet rule), or null. */
export function hiddenReason(el: DomNode, selectors: HiddenSelectors): string | null {
  const attribs = el.attribs;
  if (attribs) {
    if (attribs.hidden !== undefined) return 'hidden attribute';
    if (attribs.style) {
      const why = hidingDeclaration(attribs.style);
      if (why) return why;
    }
  }
  return selectors.match(el);
}
