import type { DomNode } from './dom.js';

/** Whitespace css-select splits class lists at (JavaScript's \s) that HTML does not: NBSP, U+3000… */
const NON_HTML_SPACE = /[^\S \t\n\f\r]/u;
/** HTML whitespace, which separates the classes of a class list. */
export const HTML_SPACE = /[ \t\n\f\r]+/u;

/**
 * The elements of a page by the keys complex-hidden.ts narrows selectors with — `#id`,
 * `.class` (class lists split at HTML whitespace) and tag name — in document order,
 * templates and foreign content included. A hiding selector applies only if the page has
 * every key its compounds name. css-select's own matching implies that, except where a class
 * list holds other whitespace (css-select splits `a\u3000b` in two, this index does not), so
 * a page is indexed only when that, or a selector css-select cannot test alone, needs it.
 */
export class PageKeys {
  private index: Map<string, DomNode[]> | null = null;
  private odd: boolean | null = null;

  constructor(private readonly root: DomNode) {}

  has(key: string): boolean {
    return this.elements().has(key);
  }

  /** The elements carrying `key`, in document order. */
  carrying(key: string): DomNode[] {
    return this.elements().get(key) ?? [];
  }

  /** Whether some class attribute holds whitespace css-select and this index split at differently. */
  get oddClassSpacing(): boolean {
    if (this.odd === null) {
      this.odd = false;
      this.each((node) => {
        const cls = node.attribs!.class;
        if (cls && NON_HTML_SPACE.test(cls)) this.odd = true;
      });
    }
    return this.odd;
  }

  private elements(): Map<string, DomNode[]> {
    if (this.index !== null) return this.index;
    const index = new Map<string, DomNode[]>();
    const add = (key: string, el: DomNode) => {
      const list = index.get(key);
      if (list) list.push(el);
      else index.set(key, [el]);
    };
    this.each((node) => {
      const attribs = node.attribs!;
      add(node.name!, node);
      if (attribs.id) add(`#${attribs.id}`, node);
      if (attribs.class) for (const c of new Set(attribs.class.split(HTML_SPACE))) if (c) add(`.${c}`, node);
    });
    return (this.index = index);
  }

  /** Every element, in document order. */
  private each(visit: (el: DomNode) => void): void {
    const stack: DomNode[] = [this.root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const children = node.children;
      if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      if (node.attribs && node.name !== undefined) visit(node);
    }
  }
}
