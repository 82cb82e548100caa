import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parse } from 'css-what';
import { ComplexHiding, compoundKeys } from '../../src/extract/html/complex-hidden.js';
import { collectHiddenSelectors, HiddenSelectors } from '../../src/extract/html/hidden.js';
import { PageKeys } from '../../src/extract/html/page-keys.js';
import { parseHtmlTree } from '../../src/extract/html/parse-tree.js';
import type { HtmlField } from '../../src/extract/html/html-fields.js';
import type { DomNode } from '../../src/extract/html/dom.js';
import { extractHtml, field } from './helpers.js';

const { load } = createRequire(import.meta.url)('cheerio/slim') as typeof import('cheerio/slim');

/** The key every element a selector matches must carry: its last compound's, or null. */
const subjectKey = (selector: string): string | null => compoundKeys(parse(selector))?.at(-1) ?? null;

describe('subject keys: what every element a selector matches must carry', () => {
  it.each([
    ['.nav .sub span', 'span'],
    ['.box > .inner', '.inner'],
    ['div#x.y', '#x'],
    ['ul li.on a.cur', '.cur'],
    ['DIV.X SPAN', 'span'],
    ['.a span:not(.b)', 'span'],
    ['h2 + p', 'p'],
    ['.menu ~ div[data-x]', 'div'],
  ])('%s → %s', (selector, key) => {
    expect(subjectKey(selector)).toBe(key);
  });

  it.each(['.a [data-hide]', '.a *', '.a :not(.b)', 'li:first', 'li:eq(2)', 'a, b'])('%s needs a full query', (selector) => {
    expect(subjectKey(selector)).toBeNull();
  });
});

describe('compoundKeys: one key per compound, left to right', () => {
  it('names the id, else a class, else the tag of each compound, null where it has none', () => {
    expect(compoundKeys(parse('#main .list > li.on a'))).toEqual(['#main', '.list', '.on', 'a']);
    expect(compoundKeys(parse('[data-x] ~ *:not(.a) + P'))).toEqual([null, null, 'p']);
    expect(compoundKeys(parse('a, b'))).toBeNull();
  });
});

/** Every element of a tree, in document order. */
function elements(root: DomNode): DomNode[] {
  const out: DomNode[] = [];
  const visit = (node: DomNode): void => {
    for (const child of node.children ?? []) {
      if (child.attribs) out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}

function textOf(node: DomNode): string {
  return node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(textOf).join('');
}

/** `name(text): why` for each element the rules hide. */
function hiddenBy(root: DomNode, rules: { match(el: DomNode): string | null } | null): string[] {
  return elements(root)
    .map((el) => [el, rules?.match(el) ?? null] as const)
    .filter(([, why]) => why !== null)
    .map(([el, why]) => `${el.name}(${textOf(el)}): ${why}`);
}

function compile(html: string, selectors: string[]): { root: DomNode; rules: ComplexHiding | null } {
  const root = parseHtmlTree(html);
  const rules = ComplexHiding.compile(
    root,
    selectors.map((selector, i) => ({ selector, why: `#${i} ${selector}` })),
  );
  return { root, rules };
}

describe('ComplexHiding tests each element against the rules it can be the subject of', () => {
  const page = [
    '<div class="nav top"><ul><li class="on"><a class="cur" href="#">首页</a></li><li><a href="#">科室</a></li></ul>',
    '<div class="sub"><span>一</span><p><span id="deep">二</span></p></div></div>',
    '<h2>标题</h2><p class="lead">导语</p><p>正文</p><div data-x="1"><span class="tip">提示</span></div>',
    '<section class="box"><div class="inner">里</div><em class="inner">外</em></section>',
    '<svg><g class="inner"><text>图</text></g></svg><SPAN CLASS="Up">大写</SPAN>',
  ].join('');
  const selectors = [
    '.nav .sub span', '.box > .inner', 'ul li.on a.cur', 'h2 + p', 'h2 ~ p', 'div[data-x] .tip', '.sub p span#deep',
    '.nav li:not(.on) a', 'section .inner:first-child', 'DIV.box EM', '.top .missing', 'svg .inner', 'body span.Up',
    '.nav [href]', 'li:first a', '.sub :not(p)', 'p:has(span)', 'div:unknown-pseudo span', 'li:not(:first) a',
  ];

  it('hides exactly the elements a full cheerio query over the page finds, the first selector winning', () => {
    const { root, rules } = compile(page, selectors);
    const $ = load(root as never, null, false);
    const expected = new Map<DomNode, string>();
    selectors.forEach((selector, i) => {
      let found;
      try {
        found = $(selector).toArray();
      } catch {
        return;
      }
      for (const el of found) if (!expected.has(el as unknown as DomNode)) expected.set(el as unknown as DomNode, `#${i} ${selector}`);
    });
    expect(expected.size).toBeGreaterThan(10);
    const want = elements(root)
      .filter((el) => expected.has(el))
      .map((el) => `${el.name}(${textOf(el)}): ${expected.get(el)}`);
    expect(hiddenBy(root, rules)).toEqual(want);
  });

  it('resolves descendant, child, adjacent and general sibling combinators', () => {
    const html = '<div class="a"><p><b>1</b></p><i>2</i></div><h2>3</h2><p>4</p><em>5</em><p>6</p><s id="t">7</s>';
    const { root, rules } = compile(html, ['.a b', '.a > i', 'h2 + p', 'h2 ~ p', '.a > b', 'em ~ #t']);
    expect(hiddenBy(root, rules)).toEqual(['b(1): #0 .a b', 'i(2): #1 .a > i', 'p(4): #2 h2 + p', 'p(6): #3 h2 ~ p', 's(7): #5 em ~ #t']);
  });

  it('gives the reason of the first selector that matches, whatever key each is filed under', () => {
    const html = '<div id="m" class="box"><span class="kw x">词</span></div>';
    const { root, rules } = compile(html, ['#m .x', '.box span', 'div span.kw']);
    expect(hiddenBy(root, rules)).toEqual(['span(词): #0 #m .x']);
    const reversed = compile(html, ['div span.kw', '.box span', '#m .x']);
    expect(hiddenBy(reversed.root, reversed.rules)).toEqual(['span(词): #0 div span.kw']);
  });

  it('tests selectors without a subject key (`.a *`) on every element, as a query from the document', () => {
    const html = '<div class="a"><p>1</p><span data-x="1">2</span></div><span data-x="1">3</span>';
    // In a query from the document `:scope` is the document, no element; in a filter, the root element.
    const { root, rules } = compile(html, [':scope [data-x]', '.a *', '.a [data-x]']);
    expect(hiddenBy(root, rules)).toEqual(['p(1): #1 .a *', 'span(2): #1 .a *']);
  });

  it('resolves selector lists and jQuery positional pseudo-classes over the whole page, in order', () => {
    const html = '<ul class="a"><li>1</li><li>2</li><li>3</li></ul><ul><li>4</li></ul>';
    const { root, rules } = compile(html, ['li:first', 'li:not(:first)', 'li:eq(5), ul', '.a li:odd']);
    expect(hiddenBy(root, rules)).toEqual([
      'ul(123): #2 li:eq(5), ul',
      'li(1): #0 li:first',
      'li(2): #1 li:not(:first)',
      'li(3): #1 li:not(:first)',
      'ul(4): #2 li:eq(5), ul',
      'li(4): #1 li:not(:first)',
    ]);
  });

  it('skips a selector css-select cannot read, and the ones after it still apply', () => {
    const html = '<div class="a"><p>1</p></div>';
    const { root, rules } = compile(html, ['div:unknown-pseudo p', 'p::before', 'svg|p', '.a:hover p', '.a p']);
    expect(hiddenBy(root, rules)).toEqual(['p(1): #4 .a p']);
    expect(compile(html, ['div:unknown-pseudo p', 'p::before', 'svg|p']).rules).toBeNull();
  });

  it('reuses a selector compiled for one page on the next, with each page its own answer and reason', () => {
    const selectors = ['.a b', 'h2 + p', 'div:unknown-pseudo p', '.a > i'];
    const first = compile('<div class="a"><p><b>1</b></p><i>2</i></div><h2>3</h2><p>4</p>', selectors);
    expect(hiddenBy(first.root, first.rules)).toEqual(['b(1): #0 .a b', 'i(2): #3 .a > i', 'p(4): #1 h2 + p']);
    // Same selectors, another tree: nothing the first page's tests saw may carry over.
    const second = compile('<b>5</b><div class="x"><b>6</b></div><div class="a"><span><b>7</b></span></div><h2>8</h2><i>9</i><p>10</p>', selectors);
    expect(hiddenBy(second.root, second.rules)).toEqual(['b(7): #0 .a b']);
    // The same selectors in another order and with other reasons: this page's own.
    const root = parseHtmlTree('<div class="a"><b>11</b></div>');
    const third = ComplexHiding.compile(root, [
      { selector: 'div:unknown-pseudo p', why: 'skipped' },
      { selector: '.a > i', why: 'child' },
      { selector: '.a b', why: 'descendant' },
    ]);
    expect(hiddenBy(root, third)).toEqual(['b(11): descendant']);
    expect(compile('<div class="a"><p>1</p></div>', ['div:unknown-pseudo p']).rules).toBeNull();
  });

  it('keeps nothing of a page alive in the shared selector tests', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Each page is ~2 MB of text with selectors of its own; a remembered selector that is a
    // slice of the page's text (or a token parsed from one) would keep all of it alive.
    const page = (i: number) =>
      `<style>.p${i} .hide${i} span { display:none }</style>` + `<div class="p${i}"><b class="hide${i}"><span>隐</span></b></div>` + `<p>${'文'.repeat(1_000_000)}</p>`;
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) {
      const html = page(i);
      const root = parseHtmlTree(html);
      const styles = [root.children![0] as DomNode];
      const rules = collectHiddenSelectors(root, styles);
      expect(rules.complex.map((c) => c.selector)).toEqual([`.p${i} .hide${i} span`]);
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 40 pages of 2 MB each: retained, that would be 80 MB.
    expect(grown).toBeLessThan(20_000_000);
  });

  it('applies a rule only if the page has every class it names, split at HTML whitespace', () => {
    // css-select reads "x\u3000r1" as two classes; a browser reads one, and the rule needs .r1.
    const odd = '<div class="x\u3000r1"><span>1</span></div>';
    expect(hiddenBy(compile(odd, ['.r1 span']).root, compile(odd, ['.r1 span']).rules)).toEqual([]);
    const both = `${odd}<div class="r1"><span>2</span></div>`;
    const { root, rules } = compile(both, ['.r1 span']);
    expect(hiddenBy(root, rules)).toEqual(['span(1): #0 .r1 span', 'span(2): #0 .r1 span']);
    // Nor is an element the subject of `.r` when its class list is "k\u00a0r".
    const subject = compile('<div class="a"><span class="k\u00a0r">1</span><b class="r">2</b></div>', ['.a .r']);
    expect(hiddenBy(subject.root, subject.rules)).toEqual(['b(2): #0 .a .r']);
    // An empty id or class is never a page's key.
    expect(compile('<div id=""><span>1</span></div>', ['[id=""] span']).rules).toBeNull();
  });
});

describe('PageKeys', () => {
  it('lists the elements carrying a key in document order, templates and SVG included', () => {
    const root = parseHtmlTree('<p class="a b a">1</p><template><i class="a">2</i></template><svg><g class="a"/></svg><b id="a">3</b>');
    const keys = new PageKeys(root);
    expect(keys.carrying('.a').map((el) => el.name)).toEqual(['p', 'i', 'g']);
    expect(keys.has('#a') && keys.has('b') && keys.has('.b')).toBe(true);
    expect(keys.has('.c')).toBe(false);
    expect(keys.oddClassSpacing).toBe(false);
    expect(new PageKeys(parseHtmlTree('<p class="a&nbsp;b">1</p>')).oddClassSpacing).toBe(true);
  });
});

describe('complex hiding rules during extraction', () => {
  const body = async (html: string) => field(await extractHtml(html), 'body') as HtmlField;

  it('moves text hidden by combinators out of the reading flow, each element with its reason', async () => {
    const f = await body(
      '<style>.ad span { display:none } .ad > b { font-size:0 } h2 + p { opacity:0 } h2 ~ em { color:transparent }</style>' +
        '<div class="ad">保<span>x</span>证<b>y</b>治愈</div><h2>题</h2><p>导语</p><em>注</em><p>正文</p>',
    );
    expect(f.text).toBe('保证治愈\n题\n正文\nx\ny\n导语\n注');
    expect(f.hidden?.map((h) => h.reason)).toEqual([
      'display:none (.ad span)',
      'font-size:0 (.ad > b)',
      'opacity:0 (h2 + p)',
      'color:transparent (h2 ~ em)',
    ]);
  });

  it('takes the first matching selector for the reason, and complex rules before class rules', async () => {
    const f = await body(
      '<style>.kw { display:none } div .kw { visibility:hidden } div span { opacity:0 }</style><div>看<span class="kw">词</span></div>',
    );
    expect(f.hidden?.map((h) => h.reason)).toEqual(['visibility:hidden (div .kw)']);
  });

  it('still reads the simple rules of a page whose complex selectors are all unreadable', () => {
    const selectors = new HiddenSelectors();
    selectors.addSheet('.kw{display:none} p:unknown-pseudo span{display:none}');
    const root = parseHtmlTree('<p class="kw">1</p><p><span>2</span></p>');
    selectors.resolveComplex(root);
    expect(elements(root).map((el) => selectors.match(el))).toEqual(['display:none (class .kw)', null, null]);
  });
});
