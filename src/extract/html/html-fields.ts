import { OffsetMap } from '../../core/offset-map.js';
import type { ExtractedField } from '../extracted.js';
import { mapAttribute } from './attribute-value.js';
import { isHtmlElement, type DomNode } from './dom.js';
import { BLOCKS, CELLS, PREFORMATTED, SKIPPED } from './element-kinds.js';
import { resolveComplexSelectors } from './complex-hidden.js';
import { collectHiddenSelectors, hiddenReason, type HiddenSelectors, type HiddenText } from './hidden.js';
import { TextLayout } from './layout.js';
import type { MappedChars } from './mapped-chars.js';
import { mapNodeText } from './node-text.js';
import { parseHtmlTree } from './parse-tree.js';

const META_NAMES = new Set(['description', 'keywords']);

const TABLE_STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

export type { HiddenText } from './hidden.js';

/** A field of an HTML page; the body lists the text a browser would not show (see hidden.ts). */
export interface HtmlField extends ExtractedField {
  hidden?: HiddenText[];
}

/** Parses HTML (htmlparser2, with source locations: parse-tree.ts) and extracts its fields. */
export function extractHtmlFields(original: string): HtmlField[] {
  const root = parseHtmlTree(original);
  return fieldsFromDom(original, root, (selectors) => resolveComplexSelectors(root, selectors));
}

/** Fields in the agreed order: title, meta description/keywords, body, image alt texts. */
export function fieldsFromDom(original: string, root: DomNode, resolve?: (selectors: HiddenSelectors) => void): HtmlField[] {
  const fields: HtmlField[] = [];
  const found = findElements(root, (el) => el.name === 'title' || el.name === 'meta');
  const titleElement = found.find((el) => el.name === 'title');
  if (titleElement !== undefined) pushField(fields, 'title', original, (layout) => inlineText(original, titleElement, layout));

  for (const meta of found) {
    if (meta.name !== 'meta') continue;
    const name = meta.attribs?.name?.trim().toLowerCase();
    if (name === undefined || !META_NAMES.has(name)) continue;
    const content = mapAttribute(original, meta, 'content');
    if (content !== null) pushField(fields, 'meta', original, (layout) => layout.text(content));
  }

  const images: DomNode[] = [];
  const body = new TextLayout(original.length);
  const selectors = collectHiddenSelectors(root);
  resolve?.(selectors);
  const walker = new BodyWalker(original, body, images, selectors);
  walker.walk(root, false);
  fields.push(walker.finish());

  for (const img of images) {
    const alt = mapAttribute(original, img, 'alt');
    if (alt !== null) pushField(fields, 'alt', original, (layout) => layout.text(alt));
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

/** Lays out one field's text with whitespace collapsed; keeps it only if something is left. */
function pushField(
  fields: ExtractedField[],
  name: ExtractedField['name'],
  original: string,
  fill: (layout: TextLayout) => void,
): void {
  const layout = new TextLayout(original.length);
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

/** HTML elements matching `test`, in document order, outside template contents and SVG/MathML. */
function findElements(root: DomNode, test: (el: DomNode) => boolean): DomNode[] {
  const found: DomNode[] = [];
  const visit = (node: DomNode): void => {
    for (const child of node.children ?? []) {
      if (child.type === 'text' || child.type === 'comment' || child.type === 'directive') continue;
      if (child.type !== 'root' && !isHtmlElement(child)) continue;
      if (child.name === 'template') continue;
      if (child.type !== 'root' && test(child)) found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
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
    this.hiddenLayout = new TextLayout(original.length);
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

  walk(node: DomNode, preformatted: boolean): void {
    // Text straight inside table structure (outside any cell) is misplaced markup that
    // browsers show apart from the table: kept in source order, on a line of its own.
    const stray = TABLE_STRUCTURE.has(node.name ?? '');
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
    if (SKIPPED.has(name)) return;
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
      this.hiddenElement(el, reason, start, preformatted);
      return;
    }

    const block = BLOCKS.has(name);
    if (block) this.layout.blockBoundary(start);
    if (CELLS.has(name)) this.layout.cellBoundary(start);
    this.walk(el, preformatted || PREFORMATTED.has(name));
    const end = loc?.endTag?.startOffset ?? loc?.endOffset ?? this.cursor;
    this.cursor = Math.max(this.cursor, end);
    if (block) this.layout.blockBoundary(Math.max(end, start));
  }

  /** A hidden element: its text goes to the hidden layout, on lines of its own. */
  private hiddenElement(el: DomNode, reason: string, start: number, preformatted: boolean): void {
    const loc = el.sourceCodeLocation;
    const layout = this.hiddenLayout;
    layout.blockBoundary(start);
    const from = layout.length;
    this.layout = layout;
    this.walk(el, preformatted || PREFORMATTED.has(el.name ?? ''));
    this.layout = this.visible;
    const end = loc?.endOffset ?? this.cursor;
    this.cursor = Math.max(this.cursor, loc?.endTag?.startOffset ?? end);
    layout.blockBoundary(Math.max(end, start));
    this.hidden.push({ start, end: Math.max(end, start), reason, from, to: layout.length });
  }
}
