import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testFixtures } from '../../src/cli/fixture-expectations.js';
import { loadScanner, type LoadedScanner } from '../../src/cli/load-scanner.js';

let loaded: LoadedScanner;
beforeAll(async () => {
  loaded = await loadScanner({ builtinRules: true });
}, 60_000);

function fixtureDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'adscan-fixtures-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const AD = '本院专治牛皮癣，保证治愈！预约热线：0571-86001234\n';

describe('annotated fixtures', () => {
  it('passes when the scan gives exactly the annotated findings', async () => {
    const dir = fixtureDir({
      'ad.txt': AD,
      'ad.expect.yaml': 'context: ad\nfindings:\n  - {category: cure-guarantee, match: 保证治愈, line: 1}\n  - {category: missing-review-certificate}\nonly: true\n',
    });
    expect(await testFixtures(loaded, dir)).toEqual({ fixtures: 1, failures: [] });
  });

  it('reports a missing finding, a wrong context and an unexpected finding', async () => {
    const dir = fixtureDir({
      'ad.txt': AD,
      'ad.expect.yaml': 'context: regulatory\nfindings:\n  - {category: cure-rate}\nonly: true\n',
    });
    const problems = (await testFixtures(loaded, dir)).failures.map((f) => f.problem);
    expect(problems).toContain('context ad, expected regulatory');
    expect(problems).toContain('missing finding cure-rate');
    expect(problems.some((p) => p.startsWith('unexpected error cure-guarantee “保证治愈” at 1:'))).toBe(true);
  });

  it('checks numbers on the annotated date', async () => {
    const text = '杭州仁和医院 (浙)医广【2025】第03-15-0021号 电话：0571-88886666\n';
    const valid = fixtureDir({ 'c.txt': text, 'c.expect.yaml': 'asOf: 2025-06-01\nfindings: []\nonly: true\n' });
    const expired = fixtureDir({ 'c.txt': text, 'c.expect.yaml': 'asOf: 2026-06-01\nfindings: []\nonly: true\n' });
    expect((await testFixtures(loaded, valid)).failures).toEqual([]);
    expect((await testFixtures(loaded, expired)).failures[0]!.problem).toMatch(/unexpected error malformed-review-certificate/);
  });

  it('reports an expectation file without its fixture', async () => {
    const dir = fixtureDir({ 'lonely.expect.yaml': 'findings: []\n' });
    expect((await testFixtures(loaded, dir)).failures).toMatchObject([{ problem: 'no fixture file beside it' }]);
  });
});
