import { readdirSync } from 'node:fs';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { describe, expect, it } from 'vitest';
import { extract, type Extracted } from '../../src/extract/index.js';
import { AD_PAGES, extractHtml, field, FIXTURES, fixtureDoc, sourceOf } from './helpers.js';

/**
 * Every unit of every field must come from the source characters it maps to: the same
 * character, a character reference that decodes to it, a whitespace run for a collapsed
 * space, CR LF for a line feed, or — only for inserted '\n'/'\t' — an empty span.
 */
function checkEveryUnit(r: Extracted): void {
  for (const f of r.fields) {
    expect(f.map.length).toBe(f.text.length);
    expect(f.map.sourceLength).toBe(r.original.length);
    for (let i = 0; i < f.text.length; i++) {
      const ch = f.text[i]!;
      const [s, e] = f.map.toSource(i, i + 1);
      const src = r.original.slice(s, e);
      const ok =
        src === ch ||
        (src === '' && (ch === '\n' || ch === '\t')) ||
        (ch === ' ' && /^[ \t\n\f\r]+$/.test(src)) ||
        (ch === '\n' && (src === '\r\n' || src === '\r')) ||
        (src.startsWith('&') && (f.name === 'body' || f.name === 'title' ? decodeHTML(src) : decodeHTMLAttribute(src)).includes(ch));
      if (!ok) throw new Error(`${f.name}[${i}] ${JSON.stringify(ch)} maps to ${JSON.stringify(src)} [${s},${e})`);
    }
  }
}

describe('every extracted unit maps to its own source characters', () => {
  const cases = [
    ...readdirSync(FIXTURES).filter((n) => /\.(html|txt)$/.test(n) && n !== 'empty.txt').map((n) => [FIXTURES, n] as const),
    ...readdirSync(AD_PAGES).map((n) => [AD_PAGES, n] as const),
  ];
  it.each(cases)('%s/%s', async (dir, name) => {
    const r = await extract(fixtureDoc(name, undefined, dir));
    expect(r.fields.length).toBeGreaterThan(0);
    checkEveryUnit(r);
  });
});

describe('spans across inline tags and entities', () => {
  it('maps a word split by an inline tag to the whole source stretch', async () => {
    const r = await extract(fixtureDoc('utf8-hospital.html'));
    expect(sourceOf(r, field(r, 'body'), '保证治愈')).toBe('保<span class="red">证</span>治愈');
    expect(sourceOf(r, field(r, 'body'), '98%')).toBe('98%');
  });

  it('maps decoded entities to the whole reference', async () => {
    const r = await extract(fixtureDoc('utf8-hospital.html'));
    const body = field(r, 'body');
    expect(sourceOf(r, body, '¥680')).toBe('&yen;680');
    expect(sourceOf(r, body, '8888-6666')).toBe('8888&#x2D;6666');
    expect(sourceOf(r, body, '“困扰')).toBe('&ldquo;困扰');
    expect(sourceOf(r, body, '©')).toBe('&copy;');
    expect(sourceOf(r, field(r, 'title'), '–')).toBe('&ndash;');
  });

  it('maps meta content and alt text into the attribute value', async () => {
    const r = await extract(fixtureDoc('utf8-hospital.html'));
    expect(sourceOf(r, field(r, 'meta', 1), '"无痛胃镜"')).toBe('&quot;无痛胃镜&quot;');
    expect(sourceOf(r, field(r, 'meta', 0), '胃病医院')).toBe('胃病医院');
    const alt = field(r, 'alt');
    expect(sourceOf(r, alt, alt.text)).toBe('主任医师 &amp; 专家团队');
    // The whole field sits inside alt="…" of its <img>.
    const [s] = alt.map.toSource(0, 1);
    expect(r.original.slice(s - 5, s)).toBe('alt="');
  });

  it('maps numeric references, including astral ones, unit by unit', async () => {
    const r = await extractHtml('<p>&#20445;&#x8BC1;治愈&#x1F600;！</p>');
    const body = field(r, 'body');
    expect(body.text).toBe('保证治愈😀！');
    expect(sourceOf(r, body, '保')).toBe('&#20445;');
    expect(sourceOf(r, body, '保证治愈')).toBe('&#20445;&#x8BC1;治愈');
    expect(r.original.slice(...body.map.toSource(4, 5))).toBe('&#x1F600;');
    expect(r.original.slice(...body.map.toSource(5, 6))).toBe('&#x1F600;');
    expect(sourceOf(r, body, '！')).toBe('！');
  });

  it('applies legacy no-semicolon references in text but not in attributes', async () => {
    const r = await extractHtml('<p>A&amp B &notit;</p><img alt="x&notit=1 &amp y">');
    const body = field(r, 'body');
    expect(body.text).toBe('A& B ¬it;');
    expect(sourceOf(r, body, '&')).toBe('&amp');
    expect(sourceOf(r, body, '¬')).toBe('&not');
    const alt = field(r, 'alt');
    expect(alt.text).toBe('x&notit=1 & y');
    expect(sourceOf(r, alt, '& y')).toBe('&amp y');
  });

  it('finds values of unquoted, single-quoted and spaced attributes', async () => {
    const r = await extractHtml(`<img alt=根治><img ALT = '无效&amp;退款'><meta name=description content =  "保证">`);
    const alt = field(r, 'alt');
    expect(alt.text).toBe('根治\n无效&退款');
    expect(alt.text.split('\n').map((line) => sourceOf(r, alt, line))).toEqual(['根治', '无效&amp;退款']);
    expect(sourceOf(r, field(r, 'meta'), '保证')).toBe('保证');
  });

  it('maps a repeated attribute to its first occurrence, the value the parser keeps', async () => {
    const html = '<p><img src=a.png ALT="第一" alt="第二"><img alt="甲" class=x alt="乙"></p><meta content="旧" name=keywords CONTENT="新">';
    const r = await extractHtml(html);
    const alts = r.fields.filter((f) => f.name === 'alt');
    expect(alts).toHaveLength(1);
    const alt = alts[0]!;
    expect(alt.text).toBe('第一\n甲');
    expect([alt.map.toSource(0, 2), alt.map.toSource(3, 4)].map((span) => r.original.slice(...span))).toEqual(['第一', '甲']);
    // The line break between two alt texts is placed at the second image's tag, and holds nothing.
    const secondImg = html.indexOf('<img alt="甲"');
    expect(alt.map.toSource(2, 3)).toEqual([secondImg, secondImg]);
    const meta = field(r, 'meta');
    expect([meta.text, meta.map.toSource(0, 1)[0]]).toEqual(['旧', html.indexOf('旧')]);
  });

  it('counts astral characters before a match as two units', async () => {
    const r = await extractHtml('<p>😀😀保证治愈</p>');
    expect(sourceOf(r, field(r, 'body'), '保证治愈')).toBe('保证治愈');
  });
});

describe('synthetic and collapsed characters', () => {
  it('maps an inserted line break to an empty span at the tag that caused it', async () => {
    const r = await extractHtml('<p>一</p><p>二</p><div>三<br>四</div><table><tr><td>五</td><td>六</td></tr></table>');
    const body = field(r, 'body');
    expect(body.text).toBe('一\n二\n三\n四\n五\t六');
    const at = (i: number): string => {
      const [s, e] = body.map.toSource(i, i + 1);
      expect(e).toBe(s);
      return r.original.slice(s, s + 5);
    };
    expect(at(1)).toBe('</p><');
    expect(at(5)).toBe('<br>四');
    expect(at(9)).toBe('<td>六');
  });

  it('covers everything in between when a span crosses an inserted break', async () => {
    const r = await extractHtml('<p>一</p><p>二</p>');
    const body = field(r, 'body');
    expect(r.original.slice(...body.map.toSource(0, 3))).toBe('一</p><p>二');
  });

  it('maps a collapsed space to the whitespace run it replaces', async () => {
    const r = await extractHtml('<p>Call   \n now</p>');
    const body = field(r, 'body');
    expect(body.text).toBe('Call now');
    expect(r.original.slice(...body.map.toSource(4, 5))).toBe('   \n ');
  });

  it('maps across a CJK line join to the source including the line break', async () => {
    const r = await extractHtml('<p>保证\n    治愈</p>');
    expect(sourceOf(r, field(r, 'body'), '保证治愈')).toBe('保证\n    治愈');
  });
});

describe('offsets in awkward sources', () => {
  it('stays exact in a CRLF document, in body, title and attributes', async () => {
    const html = '<html>\r\n<head>\r\n<title>某某\r\n医院</title>\r\n</head>\r\n<body>\r\n<p>第一段\r\n</p>\r\n<pre>a\r\nb</pre><p>保<b>证</b>治愈</p><img alt="专家\r\n坐诊">\r\n</body></html>';
    const r = await extractHtml(html);
    expect(field(r, 'title').text).toBe('某某医院');
    expect(field(r, 'body').text).toBe('第一段\na\nb\n保证治愈');
    expect(sourceOf(r, field(r, 'body'), '保证治愈')).toBe('保<b>证</b>治愈');
    expect(sourceOf(r, field(r, 'body'), 'a\nb')).toBe('a\r\nb');
    expect(sourceOf(r, field(r, 'alt'), '专家坐诊')).toBe('专家\r\n坐诊');
    checkEveryUnit(r);
  });

  it('maps into the decoded text of a GBK page', async () => {
    const r = await extract(fixtureDoc('gbk-declared.html'));
    expect(sourceOf(r, field(r, 'body'), '根治疗法')).toBe('根</b>治疗法');
    expect(sourceOf(r, field(r, 'body'), '独创根治')).toBe('独创<b>根</b>治');
    expect(sourceOf(r, field(r, 'alt'), '专家坐诊')).toBe('专家坐诊');
  });

  it('maps text the parser moved out of a table to its own characters', async () => {
    const r = await extractHtml('<table><tr><td>格子</td>漏网&amp;之鱼</tr></table>');
    const body = field(r, 'body');
    expect(body.text).toBe('格子\n漏网&之鱼');
    expect(sourceOf(r, body, '漏网&之鱼')).toBe('漏网&amp;之鱼');
    expect(sourceOf(r, body, '格子')).toBe('格子');
  });

  it('maps text after a dropped <pre> leading newline', async () => {
    const r = await extractHtml('<pre>\n根治</pre>');
    const body = field(r, 'body');
    expect(body.text).toBe('根治');
    expect(sourceOf(r, body, '根治')).toBe('根治');
  });
});
