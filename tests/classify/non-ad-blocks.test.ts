import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, compileClassifier, findNumbers, SAMPLE_HEAD, SAMPLE_TAIL, type Classification } from '../../src/classify/index.js';
import { COUNT_CAP } from '../../src/classify/signals.js';
import { loadRuleFiles } from '../../src/rules/load.js';

// Per-line signal counts of a mixed page come from the same scan as the document's counts,
// which skips chrome, stops at the count cap and samples long fields: each case below
// differs between the two views, so a shortcut that reused the document's counts would fail.

const dir = new URL('../../rules/classify/', import.meta.url).pathname;
const data = loadRuleFiles(
  readdirSync(dir).map((f) => ({ path: f, text: readFileSync(join(dir, f), 'utf8') })),
  { requirePack: false },
);
const c = compileClassifier(data.classify);
const run = (...texts: string[]): Classification => {
  const fields = texts.map((t, i) => ({ name: i === 0 ? ('body' as const) : ('alt' as const), text: t }));
  return classify(fields, fields.map((f) => findNumbers(f.text)), c);
};
/** [start, end) of each line of `text` that is one of `wanted`. */
const spans = (text: string, wanted: (line: string, index: number) => boolean, field = 0) => {
  const out: { field: number; start: number; end: number }[] = [];
  let start = 0;
  text.split('\n').forEach((line, i) => {
    if (wanted(line, i)) out.push({ field, start, end: start + line.length });
    start += line.length + 1;
  });
  return out;
};

const REG = '医疗广告不得含有虚假内容，市场监督管理局依法查处。';
const AD = '本院专治牛皮癣，预约电话：0571-88886666';

describe('non-ad blocks of a mixed page', () => {
  it('are the regulatory lines, in every field', () => {
    const body = [AD, REG, AD, REG].join('\n');
    const alt = [REG, AD].join('\n');
    const r = run(body, alt);
    expect(r.mixed).toBe(true);
    expect(r.nonAdBlocks).toEqual([...spans(body, (l) => l === REG), ...spans(alt, (l) => l === REG, 1)]);
  });

  it('are not searched for on a page that is not mixed', () => {
    const r = run([REG, REG, REG].join('\n'));
    expect(r.mixed).toBe(false);
    expect(r.nonAdBlocks).toEqual([]);
  });

  it('count a chrome line’s phone, which the document score leaves out', () => {
    const footer = '主办单位：某某市市场监督管理局 版权所有 电话：0571-88886666';
    const body = [AD, REG, AD, footer, REG].join('\n');
    const r = run(body);
    expect(r.chrome).toEqual(spans(body, (l) => l === footer));
    // The footer phone is the site's, not an offer: no ad score from it…
    expect(r.contextScores.ad).toBe(run([AD, REG, AD, REG].join('\n')).contextScores.ad);
    // …but it is commercial signal on its own line, which is then no regulatory paragraph.
    expect(r.nonAdBlocks).toEqual(spans(body, (l) => l === REG));
    expect(run([AD, REG, AD, '主办单位：某某市市场监督管理局 版权所有', REG].join('\n')).nonAdBlocks).toHaveLength(3);
  });

  it('count every occurrence, past the cap of the document counts', () => {
    const reg = '医疗广告不得含有虚假内容。';
    const lines = [...Array<string>(COUNT_CAP + 4).fill(reg), ...Array<string>(COUNT_CAP + 2).fill(AD), `${reg}咨询电话：0571-88886666`];
    const body = lines.join('\n');
    const r = run(body);
    expect(r.mixed).toBe(true);
    // Non-ad indicators past the cap still make blocks; a phone past the cap still unmakes one.
    expect(r.nonAdBlocks).toEqual(spans(body, (l) => l === reg));
  });

  it('do not count a selling phrase quoted in a prohibition', () => {
    const quoted = '医疗广告不得含有“保证治愈”等内容。';
    const selling = '医疗广告不得含有虚假内容。本院保证治愈！';
    const body = [AD, REG, AD, quoted, selling, REG].join('\n');
    expect(run(body).nonAdBlocks).toEqual(spans(body, (l) => l === REG || l === quoted));
  });

  it('are found in the middle of a long field that classification only samples', () => {
    const filler = '本院专治牛皮癣，疗效显著。';
    const n = Math.ceil(SAMPLE_HEAD / (filler.length + 1));
    const page = (middle: string) => [AD, REG, ...Array<string>(n).fill(filler), middle, ...Array<string>(Math.ceil(n / 3)).fill(filler), AD].join('\n');
    const body = page(REG);
    const at = body.lastIndexOf(REG);
    expect(at).toBeGreaterThan(SAMPLE_HEAD);
    expect(at).toBeLessThan(body.length - SAMPLE_TAIL);
    const r = run(body);
    expect(r.mixed).toBe(true);
    // The document counts never read the middle…
    expect(r.contextScores).toEqual(run(page(filler)).contextScores);
    // …the per-line counts read every line.
    expect(r.nonAdBlocks).toEqual(spans(body, (l) => l === REG));
    expect(r.nonAdBlocks.at(-1)!.start).toBe(at);
  });
});
