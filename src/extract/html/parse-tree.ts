import { createRequire } from 'node:module';
import type { ChildNode, Document, Element, ParentNode, Text } from 'domhandler';
import type { Parser as HtmlParser } from 'htmlparser2';
import type { DomNode, NodeLocation, SourceSpan } from './dom.js';

/** Elements whose first newline a browser drops (`<pre>\ntext` shows "text"). */
const LEADING_NEWLINE_DROPPED = new Set(['pre', 'listing', 'textarea']);

const FOREIGN_ROOTS: ReadonlyMap<string, string> = new Map([
  ['svg', 'http://www.w3.org/2000/svg'],
  ['math', 'http://www.w3.org/1998/Math/MathML'],
]);

/**
 * Parses HTML into the tree extraction walks, with exact source locations (start and end tags,
 * attributes, text runs), built straight from htmlparser2's streaming callbacks — the parser
 * cheerio uses in its fast mode. The nodes are domhandler nodes, cheerio's own DOM, linked to
 * parents and siblings, so cheerio can query the same tree (complex-hidden.ts) without
 * parsing the page a second time; each also carries a `sourceCodeLocation`.
 *
 * htmlparser2 follows browsers' implied end tags (<p> closed by <div>, <li> by <li>, …) but
 * not all of the HTML5 tree-construction algorithm (no foster parenting of text out of
 * tables, no adoption agency for misnested formatting tags). For extracting text in source
 * order that is what we want: every character keeps its place and its offsets.
 */
interface Libraries {
  Parser: typeof HtmlParser;
  Document: typeof Document;
  Element: typeof Element;
  Text: typeof Text;
}

let libraries: Libraries | undefined;

/** htmlparser2 and domhandler load with the first HTML page: plain-text scans never need them. */
function html5(): Libraries {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    const { Parser } = require('htmlparser2') as { Parser: typeof HtmlParser };
    const { Document, Element, Text } = require('domhandler') as Pick<Libraries, 'Document' | 'Element' | 'Text'>;
    libraries = { Parser, Document, Element, Text };
  }
  return libraries;
}

/** `onElement` sees each element as it opens, in document order. */
export function parseHtmlTree(html: string, onElement?: (el: DomNode) => void): Document & DomNode {
  const { Parser, Document } = html5();
  const root = located(new Document([]), { startOffset: 0, endOffset: html.length });
  const builder = new TreeBuilder(html, root, onElement);
  const parser: HtmlParser = new Parser(builder, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false });
  builder.parser = parser;
  parser.end(html);
  // Elements never closed run to the end of the input.
  for (let i = builder.stack.length - 1; i > 0; i--) builder.stack[i]!.sourceCodeLocation!.endOffset = html.length;
  return root;
}

/**
 * htmlparser2's callbacks, building the tree. A class, not an object of closures made for each
 * page: V8 compiles its methods once for the run, where closures made per page were compiled
 * anew again and again over a long batch (their code is dropped once no page uses them).
 */
class TreeBuilder {
  parser!: HtmlParser;
  readonly stack: (ParentNode & DomNode)[];
  /** The open text node: htmlparser2 reports a run around entities in several pieces. */
  private text: (Text & DomNode) | null = null;
  private readonly attributes = new AttributeSpans();
  /** The first attribute of the start tag being read. */
  private firstAttribute = 0;
  private readonly lib = html5();

  constructor(
    private readonly html: string,
    root: Document & DomNode,
    private readonly onElement: ((el: DomNode) => void) | undefined,
  ) {
    this.stack = [root];
  }

  private top(): ParentNode & DomNode {
    return this.stack[this.stack.length - 1]!;
  }

  onattribute(name: string): void {
    // At this callback startIndex is the attribute name, endIndex the end of its value.
    this.attributes.add(name, this.parser.startIndex, Math.min(this.parser.endIndex + 1, this.html.length));
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    this.text = null;
    const start = this.parser.startIndex;
    const tagEnd = Math.min(this.parser.endIndex + 1, this.html.length);
    const loc = new ElementLocation(start, tagEnd, this.attributes, this.firstAttribute);
    this.firstAttribute = this.attributes.length;
    const el = located(new this.lib.Element(name, attribs), loc);
    el.startIndex = start;
    // SVG and MathML content (an SVG <title>, say) is not HTML: marked as parse5 would.
    // A Map, not an object: a tag named constructor or __proto__ is not a foreign root.
    const parent = this.top();
    const namespace = parent.namespace ?? FOREIGN_ROOTS.get(name);
    if (namespace !== undefined) el.namespace = namespace;
    append(parent, el);
    this.stack.push(el);
    this.onElement?.(el);
  }

  onclosetag(name: string, isImplied: boolean): void {
    this.text = null;
    const { stack, parser, html } = this;
    // Close the innermost open element of that name (the parser already matched them up).
    for (let i = stack.length - 1; i > 0; i--) {
      const el = stack[i]!;
      if (el.name !== name) continue;
      const loc = el.sourceCodeLocation!;
      if (isImplied) {
        // Implied by the next tag (or the end of input): the element ends where that starts.
        loc.endOffset = Math.max(loc.startTag!.endOffset, Math.min(parser.startIndex, html.length));
      } else {
        loc.endTag = { startOffset: parser.startIndex, endOffset: Math.min(parser.endIndex + 1, html.length) };
        loc.endOffset = loc.endTag.endOffset;
      }
      stack.length = i;
      return;
    }
  }

  ontext(raw: string): void {
    // The HTML input stream reads CR LF and lone CR as LF (decodeReferences does the same).
    const data = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    const start = this.parser.startIndex;
    const end = this.parser.endIndex + 1;
    const open = this.text;
    if (open !== null && open.sourceCodeLocation!.endOffset === start) {
      open.data += data;
      open.sourceCodeLocation!.endOffset = end;
      return;
    }
    const parent = this.top();
    let from = start;
    let value = data;
    if (parent.children.length === 0 && LEADING_NEWLINE_DROPPED.has(parent.name ?? '') && parent.sourceCodeLocation!.startTag!.endOffset === start) {
      // Only a newline at the very start counts ("\r\n" too); what is left keeps its offsets.
      if (value.startsWith('\n')) {
        from += this.html.startsWith('\r\n', from) ? 2 : 1;
        value = value.slice(1);
      }
      if (value === '') return;
    }
    const text = located(new this.lib.Text(value), { startOffset: from, endOffset: end });
    this.text = text;
    append(parent, text);
  }

  oncomment(): void {
    this.text = null;
  }

  onprocessinginstruction(): void {
    this.text = null;
  }
}

function append(parent: ParentNode, child: ChildNode): void {
  const prev = parent.children[parent.children.length - 1] ?? null;
  child.parent = parent;
  child.prev = prev;
  if (prev) prev.next = child;
  parent.children.push(child);
}

/**
 * The `name="value"` spans of every attribute of a page, in two flat arrays: a record per
 * attribute was the parse's most frequent allocation, and only a few are ever looked up.
 */
class AttributeSpans {
  private readonly names: string[] = [];
  private readonly bounds: number[] = [];

  get length(): number {
    return this.names.length;
  }

  add(name: string, start: number, end: number): void {
    this.names.push(name);
    this.bounds.push(start, end);
  }

  /** The first attribute called `name` among [from, to). */
  find(from: number, to: number, name: string): SourceSpan | undefined {
    for (let i = from; i < to; i++) {
      if (this.names[i] === name) return { startOffset: this.bounds[2 * i]!, endOffset: this.bounds[2 * i + 1]! };
    }
    return undefined;
  }
}

/** Where an element sits in the source; its start tag's attributes are those read since the previous one. */
class ElementLocation implements NodeLocation {
  readonly startTag: SourceSpan;
  endTag: SourceSpan | undefined = undefined;
  private readonly lastAttribute: number;

  constructor(
    readonly startOffset: number,
    public endOffset: number,
    private readonly attributes: AttributeSpans,
    private readonly firstAttribute: number,
  ) {
    this.startTag = { startOffset, endOffset };
    this.lastAttribute = attributes.length;
  }

  attribute(name: string): SourceSpan | undefined {
    return this.attributes.find(this.firstAttribute, this.lastAttribute, name);
  }
}

/** A domhandler node with its place in the source. */
function located<T extends Document | Element | Text>(node: T, loc: NodeLocation): T & DomNode {
  // domhandler types the property as parse5's location (with lines and columns); ours is
  // offsets only, which is all extraction reads.
  (node as unknown as { sourceCodeLocation: NodeLocation }).sourceCodeLocation = loc;
  return node as T & DomNode;
}
