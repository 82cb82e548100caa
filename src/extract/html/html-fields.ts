import { OffsetMap } from '../../core/offset-map.js';
import type { ExtractedField } from '../extracted.js';
import { mapAttribute } from './attribute-value.js';
import { isHtmlElement, type DomNode } from './dom.js';
import { Kind, kindOf } from './element-kinds.js';
import { collectHiddenSelectors, hiddenReason, type HiddenSelectors, type HiddenText } from './hidden.js';
import { TextLayout } from './layout.js';
import type { MappedChars } from './mapped-chars.js';
import { mapNodeText } from './node-text.js';
import { parseHtmlTree } from './parse-tree.js';

const META_NAMES = new Set(['description', 'keywords']);

export type { HiddenText } from './hidden.js';

/** A field of an HTML page; the body lists the text a browser would not show (see hidden.ts). */
export interface HtmlField extends ExtractedField {
  hidden?: HiddenText[];
}

/** The elements read before the body: <title>, <meta> and the <style> sheets of hidden.ts. */
const HEAD_ELEMENTS = new Set(['title', 'meta', 'style']);

/** Parses HTML (htmlparser2, with source locations: parse-tree.ts) and extracts its fields. */
export function extractHtmlFields(original: string): HtmlField[] {
  // The parser hands these elements over as it opens them, sparing a walk of the tree.
  const head: DomNode[] = [];
  const root = parseHtmlTree(original, (el) => {
    if (HEAD_ELEMENTS.has(el.name!)) head.push(el);
  });
  return fieldsFromDom(original, root, head.filter(inDocument));
}

/**
 * Fields in the agreed order: title, meta description/keywords, body, image alt texts.
 * `found`: the page's <title>, <meta> and <style> elements in document order (inDocument).
 */
function fieldsFromDom(original: string, root: DomNode, found: readonly DomNode[]): HtmlField[] {
  const fields: HtmlField[] = [];
  const titleElement = found.find((el) => el.name === 'title');
  if (titleElement !== undefined) pushField(fields, 'title', original, (layout) => inlineText(original, titleElement, layout));

  for (const meta of found) {
    if (meta.name !== 'meta') continue;
    const name = meta.attribs?.name?.trim().toLowerCase();
    if (name === undefined || !META_NAMES.has(name)) continue;
    const content = mapAttribute(original, meta, 'content');
    if (content !== null) pushField(fields, 'meta', original, (layout) => layout.text(content), content.text.length);
  }

  const images: DomNode[] = [];
  const body = new TextLayout(original.length);
  const selectors = collectHiddenSelectors(root, found.filter((el) => el.name === 'style'));
  const walker = new BodyWalker(original, body, images, selectors);
  walker.walk(root, false);
  fields.push(walker.finish());

  // All alt texts make one field, a line each: a page has dozens of images, and a field per
  // few words cost more to scan than the body. A line never runs into the next one.
  if (images.length > 0) {
    pushField(fields, 'alt', original, (layout) => {
      for (const img of images) {
        const alt = mapAttribute(original, img, 'alt');
        if (alt === null) continue;
        layout.blockBoundary(img.sourceCodeLocation?.startOffset ?? 0);
        layout.text(alt);
      }
    }, images.length * 16);
  }
  return fields;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whether the visible characters right before source offset `start` and right after `end` are
 * adjacent in the visible text and both letters or digits (Han included).
 */
function splitsWord(shown: { text: string; map: OffsetMap }, start: number, end: number): boolean {
  const starts = shown.map.start;
  // First visible unit that comes from at or after `end` (the map is in source order).
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  const after = lo;
  const before = after - 1;
  if (before < 0 || after >= shown.text.length || shown.map.end[before]! > start) return false;
  return WORD_CHAR.test(shown.text[before]!) && WORD_CHAR.test(shown.text[after]!);
}

/**
 * Lays out one field's text with whitespace collapsed; keeps it only if something is left.
 * `capacity`: its expected length (the layout grows as needed).
 */
function pushField(
  fields: ExtractedField[],
  name: ExtractedField['name'],
  original: string,
  fill: (layout: TextLayout) => void,
  capacity = 64,
): void {
  const layout = new TextLayout(original.length, capacity);
  fill(layout);
  const { text, map } = layout.finish();
  if (text.length > 0) fields.push({ name, text, map });
}

function inlineText(original: string, element: DomNode, layout: TextLayout): void {
  for (const child of element.children ?? []) {
    const chars = textNodeChars(original, child);
    if (chars !== null) layout.text(chars);
  }
}

function textNodeChars(original: string, node: DomNode): MappedChars | null {
  if (node.type !== 'text' || !node.data) return null;
  const loc = node.sourceCodeLocation;
  if (!loc) return null; // Parser-invented text has no source to point at.
  return mapNodeText(original, node.data, loc);
}

/**
 * An HTML element outside template contents and SVG/MathML (whose descendants parse-tree.ts
 * marks foreign too): what the page itself shows or applies.
 */
function inDocument(el: DomNode): boolean {
  if (!isHtmlElement(el)) return false;
  for (let p = el.parent; p; p = p.parent) if (p.name === 'template') return false;
  return true;
}

/**
 * Text of the document in tree order; head, scripts, comments and the like skipped. Hidden
 * elements (hidden.ts) are laid out apart and their text follows the visible text.
 */
class BodyWalker {
  /** Last source offset seen, for elements the parser implied (no tags in the source). */
  private cursor = 0;
  private layout: TextLayout;
  private readonly hiddenLayout: TextLayout;
  private readonly hidden: { start: number; end: number; reason: string; from: number; to: number }[] = [];

  constructor(
    private readonly original: string,
    private readonly visible: TextLayout,
    private readonly images: DomNode[],
    private readonly selectors: HiddenSelectors,
  ) {
    this.layout = visible;
    this.hiddenLayout = new TextLayout(original.length, 256);
  }

  /** The body field: visible text, then a line break and the hidden text, if any. */
  finish(): HtmlField {
    const shown = this.visible.finish();
    const concealed = this.hiddenLayout.finish();
    if (this.hidden.length === 0) return { name: 'body', text: shown.text, map: shown.map };
    const sep = shown.text.length > 0 && concealed.text.length > 0 ? '\n' : '';
    const offset = shown.text.length + sep.length;
    const n = offset + concealed.text.length;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    start.set(shown.map.start);
    end.set(shown.map.end);
    if (sep) start[shown.text.length] = end[shown.text.length] = this.hidden[0]!.start;
    start.set(concealed.map.start, offset);
    end.set(concealed.map.end, offset);
    const hidden: HiddenText[] = this.hidden.map((h) => {
      let from = h.from;
      while (from < h.to && concealed.text[from] === '\n') from++;
      return {
        start: h.start,
        end: h.end,
        reason: h.reason,
        fieldStart: offset + from,
        fieldEnd: offset + h.to,
        inWord: splitsWord(shown, h.start, h.end),
      };
    });
    return { name: 'body', text: shown.text + sep + concealed.text, map: new OffsetMap(start, end, this.original.length), hidden };
  }

  /**
   * `stray`: `node` is table structure. Text straight inside it (outside any cell) is misplaced
   * markup that browsers show apart from the table: kept in source order, on a line of its own.
   */
  walk(node: DomNode, preformatted: boolean, stray = false): void {
    for (const child of node.children ?? []) {
      if (child.type === 'text') {
        const chars = textNodeChars(this.original, child);
        if (chars !== null) {
          const at = child.sourceCodeLocation!;
          if (stray) this.layout.blockBoundary(at.startOffset);
          this.layout.text(chars, preformatted);
          if (stray) this.layout.blockBoundary(at.endOffset);
          this.cursor = child.sourceCodeLocation!.endOffset;
        }
      } else if (child.type === 'root') {
        this.walk(child, preformatted);
      } else if (isHtmlElement(child)) {
        this.element(child, preformatted);
      }
      // Comments, doctype, CDATA and foreign (SVG/MathML) content are not text.
    }
  }

  private element(el: DomNode, preformatted: boolean): void {
    const name = el.name ?? '';
    const kind = kindOf(name);
    if (kind & Kind.Skipped) return;
    const loc = el.sourceCodeLocation;
    const start = loc?.startTag?.startOffset ?? loc?.startOffset ?? this.cursor;
    this.cursor = Math.max(this.cursor, start);
    if (name === 'img') {
      if ((el.attribs?.alt ?? '').trim() !== '') this.images.push(el);
      return;
    }
    if (name === 'br' || name === 'hr') {
      if (name === 'br') this.layout.lineBreak(start);
      else this.layout.blockBoundary(start);
      return;
    }

    const reason = this.layout === this.visible ? hiddenReason(el, this.selectors) : null;
    if (reason !== null) {
      this.hiddenElement(el, reason, start, preformatted, kind);
      return;
    }

    const block = (kind & Kind.Block) !== 0;
    if (block) this.layout.blockBoundary(start);
    if (kind & Kind.Cell) this.layout.cellBoundary(start);
    this.walk(el, preformatted || (kind & Kind.Preformatted) !== 0, (kind & Kind.TableStructure) !== 0);
    const end = loc?.endTag?.startOffset ?? loc?.endOffset ?? this.cursor;
    this.cursor = Math.max(this.cursor, end);
    if (block) this.layout.blockBoundary(Math.max(end, start));
  }

  /** A hidden element: its text goes to the hidden layout, on lines of its own. */
  private hiddenElement(el: DomNode, reason: string, start: number, preformatted: boolean, kind: number): void {
    const loc = el.sourceCodeLocation;
    const layout = this.hiddenLayout;
    layout.blockBoundary(start);
    const from = layout.length;
    this.layout = layout;
    this.walk(el, preformatted || (kind & Kind.Preformatted) !== 0, (kind & Kind.TableStructure) !== 0);
    this.layout = this.visible;
    const end = loc?.endOffset ?? this.cursor;
    this.cursor = Math.max(this.cursor, loc?.endTag?.startOffset ?? end);
    layout.blockBoundary(Math.max(end, start));
    this.hidden.push({ start, end: Math.max(end, start), reason, from, to: layout.length });
  }
}
