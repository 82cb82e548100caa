import { describe, expect, it } from 'vitest';
import { scan } from '../evasion/helpers.js';

// A page's alt texts are scanned as one field, a line each (html-fields.ts): a line must
// behave exactly as a field of its own did.
describe('alt texts scanned as lines of one field', () => {
  it('points a finding in a later alt text at its own characters', async () => {
    const html = '<p>门诊时间：周一至周五</p><img alt="医院大楼外景"><img alt="专家坐诊"><img alt="本院保证治愈，无效退款">';
    const r = await scan(html, true);
    const found = r.findings.filter((f) => f.field === 'alt' && f.category === 'cure-guarantee');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(html.slice(f.start.offset, f.end.offset)).toBe(f.match);
    expect(found.map((f) => f.match)).toContain('保证治愈');
    expect(html.indexOf('保证治愈')).toBe(found.find((f) => f.match === '保证治愈')!.start.offset);
    // The snippet stays on its own line: nothing from the neighbouring alt text.
    for (const f of found) expect(f.snippet).not.toContain('专家坐诊');
  });

  it('never joins two alt texts into one phrase', async () => {
    const split = await scan('<p>门诊时间：周一至周五</p><img alt="本院保证"><img alt="治愈">', true);
    expect(split.findings.filter((f) => f.category === 'cure-guarantee')).toEqual([]);
    // The same words in one alt text are found: the test above would pass for a broken scanner otherwise.
    const joined = await scan('<p>门诊时间：周一至周五</p><img alt="本院保证治愈">', true);
    expect(joined.findings.some((f) => f.category === 'cure-guarantee' && f.field === 'alt')).toBe(true);
  });
});
