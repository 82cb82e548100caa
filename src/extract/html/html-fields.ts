import type { ExtractedField } from '../extracted.js';
import { mapAttribute } from './attribute-value.js';
import { isHtmlElement, type DomNode } from './dom.js';
import { BLOCKS, CELLS, PREFORMATTED, SKIPPED } from './element-kinds.js';
import { TextLayout } from './layout.js';
import type { MappedChars } from './mapped-chars.js';
import { mapNodeText } from './node-text.js';

const META_NAMES = new Set(['description', 'keywords']);

/**
 * Parses HTML with cheerio (parse5, with source locations) and extracts its fields. cheerio
 * is imported here, on first use, because loading it costs a few hundred milliseconds that
 * plain-text inputs should not pay.
 */
export async function extractHtmlFields(original: string): Promise<ExtractedField[]> {
  const { load } = await import('cheerio');
  const $ = load(original, { sourceCodeLocationInfo: true, scriptingEnabled: true });
  return fieldsFromDom(original, $.root()[0] as unknown as DomNode);
}

/** Fields in the agreed order: title, meta description/keywords, body, image alt texts. */
export function fieldsFromDom(original: string, root: DomNode): ExtractedField[] {
  const fields: ExtractedField[] = [];
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
  new BodyWalker(original, body, images).walk(root, false);
  const bodyText = body.finish();
  fields.push({ name: 'body', text: bodyText.text, map: bodyText.map });

  for (const img of images) {
    const alt = mapAttribute(original, img, 'alt');
    if (alt !== null) pushField(fields, 'alt', original, (layout) => layout.text(alt));
  }
  return fields;
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

/** Visible text of the document in tree order; head, scripts, comments and the like skipped. */
class BodyWalker {
  /** Last source offset seen, for elements the parser implied (no tags in the source). */
  private cursor = 0;

  constructor(
    private readonly original: string,
    private readonly layout: TextLayout,
    private readonly images: DomNode[],
  ) {}

  walk(node: DomNode, preformatted: boolean): void {
    for (const child of node.children ?? []) {
      if (child.type === 'text') {
        const chars = textNodeChars(this.original, child);
        if (chars !== null) {
          this.layout.text(chars, preformatted);
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

    const block = BLOCKS.has(name);
    if (block) this.layout.blockBoundary(start);
    if (CELLS.has(name)) this.layout.cellBoundary(start);
    this.walk(el, preformatted || PREFORMATTED.has(name));
    const end = loc?.endTag?.startOffset ?? loc?.endOffset ?? this.cursor;
    this.cursor = Math.max(this.cursor, end);
    if (block) this.layout.blockBoundary(Math.max(end, start));
  }
}
