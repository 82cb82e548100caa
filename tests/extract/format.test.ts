import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/extract/format.js';
import { extract } from '../../src/extract/index.js';

describe('detectFormat', () => {
  it('follows an HTML content-type whatever the uri', () => {
    expect(detectFormat('保证治愈', 'https://example.com/ad', 'text/html; charset=utf-8')).toBe('html');
    expect(detectFormat('保证治愈', 'https://example.com/ad', 'application/xhtml+xml')).toBe('html');
  });

  it('follows .html/.htm extensions, ignoring query and fragment', () => {
    expect(detectFormat('plain words', 'site/a.HTM', undefined)).toBe('html');
    expect(detectFormat('plain words', 'https://x.cn/a.html?from=1#top', undefined)).toBe('html');
  });

  it('recognises a doctype or <html> opening, even in a .txt file', () => {
    expect(detectFormat('\n  <!DOCTYPE html><p>x</p>', 'saved.txt', undefined)).toBe('html');
    expect(detectFormat('<html lang="zh"><body>x</body></html>', '<stdin>', undefined)).toBe('html');
  });

  it('recognises clear HTML structure in an unnamed input', () => {
    expect(detectFormat('<div class="ad"><p>根治</p></div>', '<stdin>', undefined)).toBe('html');
  });

  it('keeps text inputs as text', () => {
    expect(detectFormat('祖传秘方，三天见效', 'ad.txt', undefined)).toBe('text');
    expect(detectFormat('<div align="center">标题</div>\n\n正文', 'README.md', undefined)).toBe('text');
    expect(detectFormat('a < b and c > d', '<stdin>', undefined)).toBe('text');
    expect(detectFormat('<p>x</p>', 'https://x/a', 'text/plain')).toBe('text');
  });
});

describe('text format', () => {
  it('gives one body field equal to original with an identity map', async () => {
    const r = await extract({ uri: 'ad.txt', bytes: Buffer.from('第一行\r\n保证治愈 &amp; <b>\n') });
    expect(r.format).toBe('text');
    expect(r.fields).toHaveLength(1);
    const [body] = r.fields;
    expect(body!.name).toBe('body');
    expect(body!.text).toBe('第一行\r\n保证治愈 &amp; <b>\n');
    expect(body!.map.length).toBe(body!.text.length);
    expect(body!.map.toSource(5, 9)).toEqual([5, 9]);
    expect(body!.map.sourceLength).toBe(r.original.length);
  });
});
