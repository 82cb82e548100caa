import { describe, expect, it } from 'vitest';
import { barChart, textWidth } from '../../src/report/html/chart.js';
import { escapeHtml, jsonForScript } from '../../src/report/html/escape.js';
import { SCRIPT } from '../../src/report/html/script.js';
import { STYLES } from '../../src/report/html/styles.js';

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('replaces control characters and bidi overrides, keeping every UTF-16 unit in place', () => {
    const text = 'a\u202eb\u0000c\nd\te\u2066f';
    const out = escapeHtml(text);
    expect(out).toBe('a\ufffdb\ufffdc d e\ufffdf');
    expect(out.length).toBe(text.length);
  });

  it('leaves Chinese text and emoji alone', () => {
    expect(escapeHtml('保证治愈，無效退款 😀')).toBe('保证治愈，無效退款 😀');
  });
});

describe('jsonForScript', () => {
  const tricky = [
    '</script><script>alert(1)</script>',
    '<!--<script>',
    '</SCRIPT >',
    ']]>',
    'a\u2028b\u2029c',
    'bidi \u202eevil\u202c \u2066x\u2069',
    '&lt;&amp;',
    '"\\\'`${x}',
    '\ud800 lone surrogate',
    '保证治愈',
  ];

  it('never emits <, > or & and round-trips through JSON.parse', () => {
    for (const value of tricky) {
      const out = jsonForScript({ value, list: [value] });
      expect(out).not.toMatch(/[<>&\u2028\u2029\u202a-\u202e]/);
      expect(JSON.parse(out)).toEqual({ value, list: [value] });
    }
  });

  it('escapes as \\u sequences', () => {
    expect(jsonForScript('</script>')).toBe('"\\u003c/script\\u003e"');
    expect(jsonForScript('&')).toBe('"\\u0026"');
  });
});

describe('the inline assets', () => {
  it('cannot end their own elements or load anything', () => {
    expect(SCRIPT).not.toMatch(/<\/script/i);
    expect(SCRIPT).not.toMatch(/<!--/);
    expect(STYLES).not.toMatch(/<\/style/i);
    expect(STYLES).not.toMatch(/url\(|@import/i);
    // The script builds no markup from data.
    expect(SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    expect(SCRIPT).not.toMatch(/fetch\(|XMLHttpRequest|WebSocket|import\(/);
  });
});

describe('barChart', () => {
  it('draws one bar per entry, scaled to the largest, with escaped labels', () => {
    const svg = barChart('c', 'Title <x>', [
      { label: 'error', value: 4, kind: 'error' },
      { label: '<img onerror=x>', value: 2 },
      { label: 'zero', value: 0 },
    ]);
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('class="bar bar-error"');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img onerror=x&gt;');
    expect(svg).toContain('<title id="c-title">Title &lt;x&gt;</title>');
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(0);
    expect(widths[2]).toBe(0);
  });

  it('says none when there is nothing to draw', () => {
    expect(barChart('c', 't', [])).toContain('>none</text>');
  });

  it('measures CJK as wider than ASCII', () => {
    expect(textWidth('保证治愈')).toBeGreaterThan(textWidth('abcd'));
  });
});
