import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract, ExtractError } from '../../src/extract/index.js';
import { AD_PAGES, field, fixtureDoc } from './helpers.js';

describe('charset: byte-order marks', () => {
  it('reads UTF-16LE with a BOM and drops the BOM from original', async () => {
    const r = await extract(fixtureDoc('utf16le-bom.txt'));
    expect(r.charset).toBe('utf-16le');
    expect(r.original).toBe('减肥茶广告\r\n月瘦二十斤，不节食不运动，无效全额退款。\r\n');
    expect(r.format).toBe('text');
  });

  it('reads UTF-16BE with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('根治胃病', 'utf-16be')]);
    const r = await extract({ uri: 'be.txt', bytes });
    expect(r.charset).toBe('utf-16be');
    expect(r.original).toBe('根治胃病');
  });

  it('reads UTF-8 with a BOM and drops the BOM', async () => {
    const r = await extract(fixtureDoc('utf8-bom.txt'));
    expect(r.charset).toBe('utf-8');
    expect(r.original).toBe('本品不能代替药物。\n');
  });

  it('lets a BOM win over a contradicting HTTP charset', async () => {
    const r = await extract(fixtureDoc('utf8-bom.txt', 'text/plain; charset=gbk'));
    expect(r.charset).toBe('utf-8');
    expect(r.original).toBe('本品不能代替药物。\n');
  });
});

describe('charset: declarations', () => {
  it('uses <meta charset=gbk> and decodes GBK with GB18030', async () => {
    const r = await extract(fixtureDoc('gbk-declared.html'));
    expect(r.charset).toBe('gb18030');
    expect(field(r, 'title').text).toBe('康复医院 - 颈椎病专科');
    expect(field(r, 'body').text).toContain('独创根治疗法，无效退款！');
  });

  it('uses <meta http-equiv=Content-Type content="…charset=gb2312">', async () => {
    const r = await extract(fixtureDoc('health-news-advertorial.gbk.html', undefined, AD_PAGES));
    expect(r.charset).toBe('gb18030');
    expect(field(r, 'body').text).toContain('本报讯 记者 张华');
  });

  it('uses the HTTP charset, which outranks <meta>', async () => {
    const html = '<meta charset="big5"><p>保证治愈</p>';
    const r = await extract({ uri: 'http://x/', bytes: iconv.encode(html, 'gbk'), contentType: 'text/html; charset=GBK' });
    expect(r.charset).toBe('gb18030');
    expect(field(r, 'body').text).toBe('保证治愈');
  });

  it('accepts a quoted HTTP charset parameter', async () => {
    const bytes = iconv.encode('無效退款', 'big5');
    const r = await extract({ uri: 'http://x/a', bytes, contentType: 'text/plain; charset="big5"' });
    expect(r.charset).toBe('big5');
    expect(r.original).toBe('無效退款');
  });

  it('reads BOM-less UTF-16 when HTTP declares it (NUL high bytes are not binary then)', async () => {
    const bytes = iconv.encode('abc 保证', 'utf-16le');
    const r = await extract({ uri: 'http://x/u', bytes, contentType: 'text/plain; charset=utf-16le' });
    expect(r.charset).toBe('utf-16le');
    expect(r.original).toBe('abc 保证');
  });

  it('ignores a <meta charset> that is commented out', async () => {
    const html = '<!-- <meta charset="big5"> --><html><body><p>纯中药祛斑，七天见效，永不反弹。</p></body></html>';
    const r = await extract({ uri: 'a.html', bytes: iconv.encode(html, 'gbk') });
    expect(r.charset).toBe('gb18030');
    expect(field(r, 'body').text).toBe('纯中药祛斑，七天见效，永不反弹。');
  });

  it('falls back to detection when the declared charset plainly fails', async () => {
    const html = '<meta charset="utf-8"><p>纯中药祛斑，七天见效，永不反弹。安全无副作用。</p>';
    const r = await extract({ uri: 'a.html', bytes: iconv.encode(html, 'gbk') });
    expect(r.charset).toBe('gb18030');
    expect(field(r, 'body').text).toBe('纯中药祛斑，七天见效，永不反弹。安全无副作用。');
  });

  it('prefers well-formed UTF-8 over a stale legacy declaration', async () => {
    const html = '<meta charset="gb2312"><p>德国进口设备，保证治愈，无效退款</p>';
    const r = await extract({ uri: 'a.html', bytes: Buffer.from(html, 'utf8') });
    expect(r.charset).toBe('utf-8');
    expect(field(r, 'body').text).toBe('德国进口设备，保证治愈，无效退款');
  });

  it('ignores an unknown declared label and detects instead', async () => {
    const r = await extract({ uri: 'a.txt', bytes: iconv.encode('降压新药上市，从此告别降压药。', 'gbk'), contentType: 'text/plain; charset=x-made-up' });
    expect(r.charset).toBe('gb18030');
    expect(r.original).toBe('降压新药上市，从此告别降压药。');
  });

  it('reads UTF-8 for a UTF-16 label found by the <meta> prescan (the prescan could read ASCII)', async () => {
    const r = await extract({ uri: 'a.html', bytes: Buffer.from('<meta charset="utf-16"><p>根治</p>', 'utf8') });
    expect(r.charset).toBe('utf-8');
    expect(field(r, 'body').text).toBe('根治');
  });
});

describe('charset: detection', () => {
  it('detects an undeclared GBK page', async () => {
    const r = await extract(fixtureDoc('gbk-undeclared.html'));
    expect(r.charset).toBe('gb18030');
    expect(field(r, 'title').text).toBe('祛斑美白 - 某某美容诊所');
  });

  it('detects undeclared GBK plain text', async () => {
    const r = await extract(fixtureDoc('gbk-plain.txt'));
    expect(r.charset).toBe('gb18030');
    expect(r.original.split('\n')[0]).toBe('降压新药上市');
  });

  it('detects an undeclared Big5 Traditional page', async () => {
    const r = await extract(fixtureDoc('big5-traditional.html'));
    expect(r.charset).toBe('big5');
    expect(field(r, 'title').text).toBe('養生保健館 - 靈芝孢子粉');
    expect(field(r, 'body').text).toContain('患者陳先生說：「服用三個月後，醫生說我的血糖完全正常了。」');
  });

  it('tells short GBK and Big5 phrases apart', async () => {
    for (const [text, encoding, expected] of [
      ['根治', 'gbk', 'gb18030'],
      ['根治', 'big5', 'big5'],
      ['无效退款', 'gbk', 'gb18030'],
      ['無效退款', 'big5', 'big5'],
      ['本報訊 記者', 'gbk', 'gb18030'],
    ] as const) {
      const r = await extract({ uri: 'x.txt', bytes: iconv.encode(text, encoding) });
      expect([text, encoding, r.charset, r.original]).toEqual([text, encoding, expected, text]);
    }
  });

  it('treats valid UTF-8 and pure ASCII as UTF-8', async () => {
    expect((await extract(fixtureDoc('plain-ad.txt'))).charset).toBe('utf-8');
    expect((await extract({ uri: 'a.txt', bytes: Buffer.from('hello') })).charset).toBe('utf-8');
  });

  it('falls back to windows-1252 for isolated Latin-1 accents', async () => {
    const r = await extract({ uri: 'a.txt', bytes: Buffer.from('caf\xe9 au lait, na\xefve r\xe9sum\xe9', 'latin1') });
    expect(r.charset).toBe('windows-1252');
    expect(r.original).toBe('café au lait, naïve résumé');
  });

  it('rejects bytes no candidate charset can decode', async () => {
    const bytes = Buffer.from([0x61, 0xff, 0x20, 0xff, 0x20, 0x81, 0x20, 0x80, 0x20]);
    await expect(extract({ uri: 'a.txt', bytes })).rejects.toThrow(ExtractError);
    await expect(extract({ uri: 'a.txt', bytes })).rejects.toThrow(/undecodable/);
  });
});
