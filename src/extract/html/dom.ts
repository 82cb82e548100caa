// The slice of cheerio's DOM (domhandler nodes built by parse5 with source locations) that
// extraction reads. Declared structurally so the walker is plain data in, plain data out.

export interface SourceSpan {
  startOffset: number;
  endOffset: number;
}

export interface NodeLocation extends SourceSpan {
  startTag?: SourceSpan;
  endTag?: SourceSpan;
  /** The span of attribute `name="value"` (lower-case name, its first occurrence), if present. */
  attribute?(name: string): SourceSpan | undefined;
}

export interface DomNode {
  /** 'root' | 'tag' | 'script' | 'style' | 'text' | 'comment' | 'directive' | 'cdata' */
  type: string;
  name?: string;
  namespace?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
  sourceCodeLocation?: NodeLocation | null;
}

export const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** An element in the HTML namespace (not SVG/MathML), whatever its domhandler type. */
export function isHtmlElement(node: DomNode, name?: string): boolean {
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return false;
  if (node.namespace !== undefined && node.namespace !== HTML_NAMESPACE) return false;
  return name === undefined || node.name === name;
}
