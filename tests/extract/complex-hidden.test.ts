import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'css-what';
import { compoundKeys, resolveComplexSelectors, subjectKey } from '../../src/extract/html/complex-hidden.js';
import { collectHiddenSelectors } from '../../src/extract/html/hidden.js';
import { parseHtmlTree } from '../../src/extract/html/parse-tree.js';
import type { DomNode } from '../../src/extract/html/dom.js';

const { load } = createRequire(import.meta.url)('cheerio/slim') as typeof import('cheerio/slim');

describe('subjectKey: what every element a selector matches must carry', () => {
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
    expect(subjectKey(parse(selector))).toBe(key);
  });

  it.each(['.a [data-hide]', '.a *', '.a :not(.b)', 'li:first', 'li:eq(2)', 'a, b'])('%s needs a full query', (selector) => {
    expect(subjectKey(parse(selector))).toBeNull();
  });
});

describe('compoundKeys: one key per compound, left to right', () => {
  it('names the id, else a class, else the tag of each compound, null where it has none', () => {
    expect(compoundKeys(parse('#main .list > li.on a'))).toEqual(['#main', '.list', '.on', 'a']);
    expect(compoundKeys(parse('[data-x] ~ *:not(.a) + P'))).toEqual([null, null, 'p']);
    expect(compoundKeys(parse('a, b'))).toBeNull();
  });
});

describe('resolveComplexSelectors narrows each selector to its candidates', () => {
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
    '.nav [href]', 'li:first a', '.sub :not(p)', 'p:has(span)', 'div:unknown-pseudo span',
  ];
  const css = `<style>${selectors.map((s) => `${s} { display:none }`).join('\n')}</style>`;

  it('hides exactly the elements a full cheerio query over the page finds, selector by selector', () => {
    const root = parseHtmlTree(css + page);
    const hidden = collectHiddenSelectors(root);
    expect(hidden.complex.map((c) => c.selector)).toEqual(selectors);
    resolveComplexSelectors(root, hidden);

    const $ = load(root, null, false);
    const expected = new Map<DomNode, string>();
    for (const { selector, why } of hidden.complex) {
      let found;
      try {
        found = $(selector).toArray();
      } catch {
        continue;
      }
      for (const el of found) if (!expected.has(el as unknown as DomNode)) expected.set(el as unknown as DomNode, why);
    }
    expect(expected.size).toBeGreaterThan(10);
    const describe = (m: Map<DomNode, string>) =>
      [...m].map(([el, why]) => `${el.name}@${el.sourceCodeLocation?.startOffset}: ${why}`).sort();
    expect(describe(hidden.byElement)).toEqual(describe(expected));
  });
});
