import { describe, expect, it } from 'vitest';
import type { DomNode } from '../../src/extract/html/dom.js';
import { parseHtmlTree } from '../../src/extract/html/parse-tree.js';

function elements(node: DomNode, out: DomNode[] = []): DomNode[] {
  for (const child of node.children ?? []) {
    if (child.attribs) out.push(child);
    elements(child, out);
  }
  return out;
}

describe('parseHtmlTree attribute locations', () => {
  it('gives each element the spans of its own start tag, the first of a repeated name', () => {
    const html = '<p id=a class="x y"><p>t</p></br><img ALT="一" alt=二 src=\'s\'><b title=t>z</b>';
    const spans = elements(parseHtmlTree(html)).map((el) => {
      const names = ['id', 'class', 'alt', 'src', 'title'];
      const found = names.map((n) => [n, el.sourceCodeLocation?.attribute?.(n)] as const).filter(([, s]) => s !== undefined);
      // Where each span starts: the attribute as written (spans run to the end of the value).
      return [el.name, ...found.map(([n, s]) => `${n}:${html.slice(s!.startOffset, s!.startOffset + 6)}`)];
    });
    expect(spans).toEqual([
      ['p', 'id:id=a c', 'class:class='],
      ['p'],
      ['br'],
      ['img', 'alt:ALT="一', "src:src='s"],
      ['b', 'title:title='],
    ]);
  });

  it('hands over each element as it opens, in document order', () => {
    const seen: string[] = [];
    parseHtmlTree('<html><head><title>t</title><style>p{}</style></head><body><p>a<meta name=x></p></body></html>', (el) => {
      seen.push(el.name!);
    });
    expect(seen).toEqual(['html', 'head', 'title', 'style', 'body', 'p', 'meta']);
  });
});

describe('parseHtmlTree namespaces', () => {
  it('marks SVG and MathML content foreign, and nothing else: not elements named like Object members', () => {
    const root = parseHtmlTree('<constructor>本院保证治愈</constructor><__proto__>药到病除</__proto__><svg><title>图标</title></svg><math><mi>x</mi></math><p>正文</p>');
    const ns = (name: string) => {
      const find = (n: DomNode): DomNode | undefined => (n.name === name ? n : (n.children ?? []).map(find).find(Boolean));
      return find(root)?.namespace;
    };
    expect(ns('constructor')).toBeUndefined();
    expect(ns('__proto__')).toBeUndefined();
    expect(ns('p')).toBeUndefined();
    expect(ns('title')).toBe('http://www.w3.org/2000/svg');
    expect(ns('mi')).toBe('http://www.w3.org/1998/Math/MathML');
  });
});
