import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './helpers.js';

beforeAll(assertBuilt);

describe('hidden HTML text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adscan-hidden-'));
  const page = join(dir, 'page.html');
  writeFileSync(
    page,
    '<html><body><p>本院专治牛皮癣，保<span style="display:none">x</span>证治愈！预约电话：0571-86001234</p>' +
      '<div style="font-size:0">包治百病</div><p>地址：湖墅南路168号</p></body></html>',
  );

  it('is noted on the document and tags the findings that lie in it', async () => {
    const r = await runCli(['scan', page, '--format', 'json']);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.hiddenText).toMatchObject({ elements: 2, insideWords: 1, first: { line: 1 } });
    expect(doc.hiddenText.reasons).toEqual(expect.arrayContaining(['display:none']));
    const byMatch = Object.fromEntries(doc.findings.filter((f: { match: string }) => f.match).map((f: { match: string; reason?: string }) => [f.match, f.reason]));
    expect(byMatch['保证治愈']).toBe('hidden-text'); // split by a hidden character
    expect(byMatch['包治']).toBe('hidden-text'); // in a hidden block
    expect(byMatch['牛皮癣']).toBeUndefined(); // visible
  });

  it('shows a note in the pretty report', async () => {
    const r = await runCli(['scan', page, '--no-color']);
    expect(r.stdout).toMatch(/note +2 hidden HTML element\(s\) with text, 1 inside words \(.*display:none.*\), first at .*page\.html:1:\d+/);
  });
});
