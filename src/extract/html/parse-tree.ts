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
  const { Parser, Document, Element, Text } = html5();
  const root = located(new Document([]), { startOffset: 0, endOffset: html.length });
  const stack: (ParentNode & DomNode)[] = [root];
  /** The open text node: htmlparser2 reports a run around entities in several pieces. */
  let text: (Text & DomNode) | null = null;
  const attributes = new AttributeSpans();
  /** The first attribute of the start tag being read. */
  let firstAttribute = 0;

  const top = () => stack[stack.length - 1]!;
  const append = (parent: ParentNode, child: ChildNode): void => {
    const prev = parent.children[parent.children.length - 1] ?? null;
    child.parent = parent;
    child.prev = prev;
    if (prev) prev.next = child;
    parent.children.push(child);
  };
  const parser: HtmlParser = new Parser(
    {
      onattribute(name) {
        // At this callback startIndex is the attribute name, endIndex the end of its value.
        attributes.add(name, parser.startIndex, Math.min(parser.endIndex + 1, html.length));
      },
      onopentag(name, attribs) {
        text = null;
        const start = parser.startIndex;
        const tagEnd = Math.min(parser.endIndex + 1, html.length);
        const loc = new ElementLocation(start, tagEnd, attributes, firstAttribute);
        firstAttribute = attributes.length;
        const el = located(new Element(name, attribs), loc);
        el.startIndex = start;
        // SVG and MathML content (an SVG <title>, say) is not HTML: marked as parse5 would.
        // A Map, not an object: a tag named constructor or __proto__ is not a foreign root.
        const namespace = top().namespace ?? FOREIGN_ROOTS.get(name);
        if (namespace !== undefined) el.namespace = namespace;
        append(top(), el);
        stack.push(el);
        onElement?.(el);
      },
      onclosetag(name, isImplied) {
        text = null;
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
      },
      ontext(raw) {
        // The HTML input stream reads CR LF and lone CR as LF (decodeReferences does the same).
        const data = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (text !== null && text.sourceCodeLocation!.endOffset === start) {
          text.data += data;
          text.sourceCodeLocation!.endOffset = end;
          return;
        }
        const parent = top();
        let from = start;
        let value = data;
        if (parent.children.length === 0 && LEADING_NEWLINE_DROPPED.has(parent.name ?? '') && parent.sourceCodeLocation!.startTag!.endOffset === start) {
          // Only a newline at the very start counts ("\r\n" too); what is left keeps its offsets.
          if (value.startsWith('\n')) {
            from += html.startsWith('\r\n', from) ? 2 : 1;
            value = value.slice(1);
          }
          if (value === '') return;
        }
        text = located(new Text(value), { startOffset: from, endOffset: end });
        append(parent, text);
      },
      oncomment() {
        text = null;
      },
      onprocessinginstruction() {
        text = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);
  // Elements never closed run to the end of the input.
  for (let i = stack.length - 1; i > 0; i--) stack[i]!.sourceCodeLocation!.endOffset = html.length;
  return root;
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
