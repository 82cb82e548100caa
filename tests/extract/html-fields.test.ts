import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { AD_PAGES, extractHtml, field, fixtureDoc } from './helpers.js';
import type { HtmlField } from '../../src/extract/html/html-fields.js';

describe('HTML fields on a realistic hospital page', () => {
  it('yields title, meta (document order), body, then alt fields', async () => {
    const r = await extract(fixtureDoc('utf8-hospital.html'));
    expect(r.format).toBe('html');
    expect(r.charset).toBe('utf-8');
    expect(r.fields.map((f) => f.name)).toEqual(['title', 'meta', 'meta', 'body', 'alt']);
    expect(field(r, 'title').text).toBe('杭州某某胃肠医院 – 胃病专科');
    expect(field(r, 'meta', 0).text).toBe('胃病医院,胃炎治疗,杭州胃肠');
    expect(field(r, 'meta', 1).text).toBe('杭州某某胃肠医院专注胃病治疗二十年，"无痛胃镜"当天出结果。');
    expect(field(r, 'alt').text).toBe('主任医师 & 专家团队');
  });

  it('extracts the visible body in reading order, blocks on their own lines', async () => {
    const r = await extract(fixtureDoc('utf8-hospital.html'));
    expect(field(r, 'body').text).toBe(
      [
        '欢迎来到杭州某某胃肠医院！ 联系我们',
        '网站首页',
        '医院简介',
        '专家团队',
        '来院路线',
        '慢性胃炎的规范治疗',
        '本院采用中西医结合疗法，保证治愈，治愈率高达98%。',
        '患者王女士说：“困扰我十年的胃病，三个疗程就好了！”',
        '门诊时间：周一至周日\u00a08:00–17:30',
        '预约电话：0571-8888-6666',
        '项目\t价格',
        '无痛胃镜\t¥680',
        'Copyright © 2025 杭州某某胃肠医院 版权所有',
        '浙ICP备12345678号-1',
      ].join('\n'),
    );
  });

  it('never extracts script, style, noscript, template, comments, SVG or head text', async () => {
    const r = await extract(fixtureDoc('utf8-hospital.html'));
    const all = r.fields.map((f) => f.text).join('\n');
    // The page holds 保证治愈 in a script, a style, a comment, noscript, template and SVG;
    // only the visible paragraph may come through.
    expect(all.split('保证治愈').length - 1).toBe(1);
    for (const hidden of ['_hmt', 'document.write', 'banner.jpg', '广告位', '请开启JavaScript', '模板内容', '图标', 'IE=edge', 'stat.js']) {
      expect(all).not.toContain(hidden);
    }
  });

  it('extracts the three ad pages users scan', async () => {
    const cure = await extract(fixtureDoc('hospital-stomach-cure.html', undefined, AD_PAGES));
    expect(field(cure, 'body').text).toContain('德国进口电子胃镜 + 中医三联疗法，彻底根治胃病，无效退款！');
    expect(field(cure, 'body').text).toContain('胃病不再复发');
    expect(field(cure, 'body').text).not.toContain('商务通');
    const news = await extract(fixtureDoc('health-news-advertorial.gbk.html', undefined, AD_PAGES));
    expect(field(news, 'body').text).toContain('咨询电话：400-600-8888');
    expect(news.fields.filter((f) => f.name === 'alt').map((f) => f.text)).toEqual(['骨痛贴 根治老寒腿\n患者刘大爷现身说法']);
    const ok = await extract(fixtureDoc('compliant-dental-clinic.html', undefined, AD_PAGES));
    expect(field(ok, 'body').text).toContain('医疗广告审查证明文号：(浙)医广【2025】第03-15-0021号');
  });
});

describe('inline and block elements', () => {
  it('joins words split by inline tags without adding spaces', async () => {
    const r = await extractHtml('<p>保<span>证</span>治愈，<b>根</b><i>治</i><font color=red>胃病</font></p>');
    expect(field(r, 'body').text).toBe('保证治愈，根治胃病');
  });

  it('reads ruby text without its pronunciation', async () => {
    const r = await extractHtml('<p><ruby>保<rt>bǎo</rt>证<rp>(</rp><rt>zhèng</rt><rp>)</rp></ruby>治愈</p>');
    expect(field(r, 'body').text).toBe('保证治愈');
  });

  it('puts block elements on separate lines and collapses repeated breaks', async () => {
    const r = await extractHtml('<div><div><h2>标题</h2></div></div><section><p>第一段</p><p>第二段</p></section><ul><li>甲</li><li>乙</li></ul>');
    expect(field(r, 'body').text).toBe('标题\n第一段\n第二段\n甲\n乙');
  });

  it('turns <br> into a line break and two <br> into one blank line at most', async () => {
    const r = await extractHtml('<p>一<br>二<br><br><br><br>三</p><p>四</p><br>五');
    expect(field(r, 'body').text).toBe('一\n二\n\n三\n四\n\n五');
  });

  it('separates table cells with tabs and rows with line breaks', async () => {
    const r = await extractHtml('<table><tr><th>项目</th><th> 价格 </th></tr><tr><td>胃镜</td><td></td><td>680</td></tr></table>');
    expect(field(r, 'body').text).toBe('项目\t价格\n胃镜\t680');
  });

  it('keeps whitespace inside <pre>', async () => {
    const r = await extractHtml('<p>前</p><pre>\n  第一行\n    第二行</pre><p>后</p>');
    expect(field(r, 'body').text).toBe('前\n  第一行\n    第二行\n后');
  });

  it('treats text directly in <body> and after blocks as its own line', async () => {
    const r = await extractHtml('<body>开头<div>中间</div>结尾</body>');
    expect(field(r, 'body').text).toBe('开头\n中间\n结尾');
  });
});

describe('whitespace', () => {
  it('collapses runs of spaces, tabs and newlines to one space and trims lines', async () => {
    const r = await extractHtml('<p>  Call   now:\n\t400-123  </p><p>\n  second  line </p>');
    expect(field(r, 'body').text).toBe('Call now: 400-123\nsecond line');
  });

  it('drops a source line break between two CJK characters but keeps a typed space', async () => {
    const r = await extractHtml('<p>本院采用中西医结合疗法，保证\n      治愈，治愈率 98%</p><p>无效 退款</p>');
    expect(field(r, 'body').text).toBe('本院采用中西医结合疗法，保证治愈，治愈率 98%\n无效 退款');
  });

  it('keeps a line break between CJK and Latin as a space', async () => {
    const r = await extractHtml('<p>热线\n400</p>');
    expect(field(r, 'body').text).toBe('热线 400');
  });

  it('keeps non-breaking spaces (they are not collapsible)', async () => {
    const r = await extractHtml('<p>a&nbsp;&nbsp;b</p>');
    expect(field(r, 'body').text).toBe('a\u00a0\u00a0b');
  });

  it('does not insert a space between inline elements that had none', async () => {
    const r = await extractHtml('<p><a>网站</a><a>首页</a> <a>专家</a></p>');
    expect(field(r, 'body').text).toBe('网站首页 专家');
  });
});

describe('title, meta and alt', () => {
  it('collapses whitespace in the title and takes only the first one', async () => {
    const r = await extractHtml('<title>\n  某某医院   官网\n  首页 </title><title>第二个</title><p>x</p>');
    expect(field(r, 'title').text).toBe('某某医院 官网首页');
    expect(r.fields.filter((f) => f.name === 'title')).toHaveLength(1);
  });

  it('has no title field when there is no title or it is empty', async () => {
    expect((await extractHtml('<p>x</p>')).fields.map((f) => f.name)).toEqual(['body']);
    expect((await extractHtml('<title>  </title><p>x</p>')).fields.map((f) => f.name)).toEqual(['body']);
  });

  it('ignores an SVG <title> when looking for the document title', async () => {
    const r = await extractHtml('<body><svg><title>图标</title></svg><p>x</p></body>');
    expect(r.fields.map((f) => f.name)).toEqual(['body']);
  });

  it('reads description and keywords metas only, matching the name case-insensitively', async () => {
    const r = await extractHtml(
      '<meta name="Description" content="专治胃病"><meta name="author" content="某人"><meta property="og:title" content="og"><meta name=KEYWORDS content=\'胃病,根治\'><meta name="keywords" content="  "><p>x</p>',
    );
    expect(r.fields.filter((f) => f.name === 'meta').map((f) => f.text)).toEqual(['专治胃病', '胃病,根治']);
  });

  it('keeps images in document order, skipping empty alt and images in hidden containers', async () => {
    const r = await extractHtml(
      '<img alt="第一张"><p><img alt=" "><img src=x><a><img alt="第二张"></a></p><noscript><img alt="不要"></noscript><template><img alt="也不要"></template>',
    );
    // One field for all of a page's alt texts, a line each in document order.
    expect(r.fields.filter((f) => f.name === 'alt').map((f) => f.text)).toEqual(['第一张\n第二张']);
  });

  it('collapses whitespace inside attribute values', async () => {
    const r = await extractHtml('<img alt="  专家\n   坐诊  ">');
    expect(field(r, 'alt').text).toBe('专家坐诊');
  });
});

describe('documents without the usual structure', () => {
  it('extracts a bare fragment', async () => {
    const r = await extract({ uri: '<stdin>', bytes: Buffer.from('<div class="ad"><p>一个疗程<b>根治</b></p></div>') });
    expect(r.format).toBe('html');
    expect(field(r, 'body').text).toBe('一个疗程根治');
  });

  it('reads a frameset document without a body', async () => {
    const r = await extractHtml('<html><head><title>框架</title></head><frameset><frame src="a.html"><noframes>请升级浏览器</noframes></frameset></html>');
    expect(field(r, 'title').text).toBe('框架');
    expect(field(r, 'body').text).toBe('');
  });

  it('survives unclosed and misnested tags', async () => {
    const r = await extractHtml('<p>保证<b>治<i>愈</b>，无效</i>退款<p>第二段');
    expect(field(r, 'body').text).toBe('保证治愈，无效退款\n第二段');
  });

  it('handles text that the parser moves out of a table', async () => {
    const r = await extractHtml('<table><tr><td>格子</td>漏网之鱼</tr></table>');
    expect(field(r, 'body').text).toBe('格子\n漏网之鱼');
  });
});

describe('text hidden by style rules with complex selectors', () => {
  it('moves text hidden by a descendant or child selector out of the reading flow (cheerio resolves it)', async () => {
    const html = '<style>.ad-box > span { display: none } div.note p:first-child{font-size:0}</style>'
      + '<div class="ad-box">保<span>嘿</span>证治愈</div><div class="note"><p>藏起来的话</p><p>看得见</p></div>';
    const r = await extractHtml(html);
    const body = field(r, 'body') as HtmlField;
    expect(body.text).toBe('保证治愈\n看得见\n嘿\n藏起来的话');
    expect(body.hidden?.map((h) => h.reason)).toEqual(['display:none (.ad-box > span)', 'font-size:0 (div.note p:first-child)']);
    expect(body.hidden?.[0]?.inWord).toBe(true);
  });

  it('ignores selectors it cannot read and bare tag selectors', async () => {
    const html = '<style>p::-webkit-scrollbar:hover { display:none } p { display: none } .x:unknown-thing{display:none}</style><p>照常显示</p>';
    const r = await extractHtml(html);
    expect(field(r, 'body').text).toBe('照常显示');
    expect((field(r, 'body') as HtmlField).hidden).toBeUndefined();
  });
});

describe('elements named like Object members', () => {
  it('keeps their text in the body (a <constructor> tag is an unknown element, not foreign content)', async () => {
    const r = await extractHtml('<p>前言</p><constructor>本院保证治愈</constructor><valueOf>药到病除</valueOf>');
    expect(field(r, 'body').text).toContain('本院保证治愈');
    expect(field(r, 'body').text).toContain('药到病除');
  });
});
