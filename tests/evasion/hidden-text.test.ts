import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import type { HtmlField } from '../../src/extract/html/html-fields.js';
import { hidingDeclaration } from '../../src/extract/html/hidden.js';
import { scan, scanner } from './helpers.js';

const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

async function body(html: string): Promise<{ original: string; field: HtmlField }> {
  const x = await extract({ uri: 'page.html', bytes: Buffer.from(html, 'utf8') });
  const field = x.fields.find((f) => f.name === 'body') as HtmlField;
  return { original: x.original, field };
}

beforeAll(async () => {
  await scanner();
}, 120_000);

describe('hidden text in HTML', () => {
  it.each([
    ['display:none', 'display:none'],
    ['display: none !important', 'display:none'],
    ['visibility:hidden', 'visibility:hidden'],
    ['font-size:0', 'font-size:0'],
    ['font-size: 0px', 'font-size:0'],
    ['font-size:0.0em', 'font-size:0'],
    ['opacity:0', 'opacity:0'],
    ['color:transparent', 'color:transparent'],
    ['height:0;overflow:hidden', 'zero size'],
    ['text-indent:-9999px', 'text-indent off-screen'],
    ['position:absolute;left:-10000px', 'positioned off-screen'],
  ])('recognises %s', (style, reason) => {
    expect(hidingDeclaration(style)).toBe(reason);
  });

  it.each(['display:block', 'font-size:12px', 'opacity:0.5', 'height:0', 'text-indent:2em', 'left:-9999px', 'color:red'])('does not take %s for hidden', (style) => {
    expect(hidingDeclaration(style)).toBeNull();
  });

  it('takes hidden text out of the reading flow, puts it after the visible text and lists it', async () => {
    const html = page(
      '<p>本院保<span style="display:none">哈哈</span>证治愈。</p><div class="kw">包治百病</div><p hidden>隐藏段落</p><p>欢迎光临</p><p class="x">打印</p>',
      '<style>.kw { display: none } @media print { .x { display: none } }</style>',
    );
    const { original, field } = await body(html);
    expect(field.text).toBe('本院保证治愈。\n欢迎光临\n打印\n哈哈\n包治百病\n隐藏段落');
    expect(field.hidden!.map((h) => [h.reason, field.text.slice(h.fieldStart, h.fieldEnd), h.inWord])).toEqual([
      ['display:none', '哈哈', true],
      ['display:none (class .kw)', '包治百病', false],
      ['hidden attribute', '隐藏段落', false],
    ]);
    for (const h of field.hidden!) expect(original.slice(h.start, h.end)).toMatch(/^<(span|div|p)[^>]*>.*<\/(span|div|p)>$/u);
    // Every character still maps to its own source character.
    const at = field.text.indexOf('包治百病');
    const [s, e] = field.map.toSource(at, at + 4);
    expect(original.slice(s, e)).toBe('包治百病');
    const v = field.text.indexOf('保证治愈');
    const [vs, ve] = field.map.toSource(v, v + 4);
    expect(original.slice(vs, ve)).toBe('保<span style="display:none">哈哈</span>证治愈');
  });

  it('lists a hidden element without text, and leaves pages without hidden text as they were', async () => {
    const { field } = await body(page('<p>保证治愈</p><div style="display:none"></div>'));
    expect(field.text).toBe('保证治愈');
    expect(field.hidden).toEqual([expect.objectContaining({ reason: 'display:none', inWord: false })]);
    const plain = await body(page('<p>保证治愈</p>'));
    expect(plain.field.hidden).toBeUndefined();
  });

  it('finds a phrase split by hidden junk, spanning exactly the visible characters and the junk between them', async () => {
    const html = page('<p>本院专治牛皮癣，保<i style="font-size:0">x</i>证<span style="display:none">哈</span>治愈！电话：0571-88886666</p>');
    const r = await scan(html, true);
    const f = r.findings.find((x) => x.category === 'cure-guarantee');
    expect(f, JSON.stringify(r.findings.map((x) => x.category))).toBeDefined();
    expect(f!.match).toBe('保证治愈');
    expect(html.slice(f!.start.offset, f!.end.offset)).toBe('保<i style="font-size:0">x</i>证<span style="display:none">哈</span>治愈');
  });

  it('still reports a claim that is hidden, at its place in the source', async () => {
    const html = page('<p>仁和医院，电话：0571-88886666</p>\n<div style="display:none">本院专治牛皮癣，保证治愈，无效退款</div>\n<p>欢迎</p>');
    const r = await scan(html, true);
    const f = r.findings.find((x) => x.category === 'cure-guarantee' && x.match === '保证治愈');
    expect(f).toBeDefined();
    expect(html.slice(f!.start.offset, f!.end.offset)).toBe('保证治愈');
    expect(f!.start.line).toBe(2);
  });
});
