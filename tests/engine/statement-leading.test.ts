import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScanner } from '../../src/cli/load-scanner.js';
import { findStatements } from '../../src/engine/statement-checks.js';

describe('statutory statement masks skip fields without their opening words', () => {
  it('every match of a mask starts with one of its leading literals (rules, fixtures)', async () => {
    const { scanner } = await loadScanner({});
    const masks = scanner.rules.masks;
    expect(masks.filter((m) => m.leading).length).toBeGreaterThanOrEqual(8);
    const texts: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ya?ml|txt|html?)$/u.test(e.name)) texts.push(readFileSync(p, 'utf8').normalize('NFKC'));
      }
    };
    walk(join(import.meta.dirname, '..', '..', 'rules'));
    walk(join(import.meta.dirname, '..', '..', 'fixtures'));
    let seen = 0;
    for (const mask of masks) {
      if (!mask.leading) continue;
      for (const text of texts) {
        for (const m of text.matchAll(mask.re)) {
          seen++;
          expect(mask.leading.some((l) => m[0].startsWith(l)), `${mask.id}: ${m[0]}`).toBe(true);
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('finds a statement in the field that holds it and nothing in the others', async () => {
    const { scanner } = await loadScanner({});
    const hits = findStatements(
      [{ text: '本品为处方药。' }, { text: '请按药品说明书或者在药师指导下购买和使用。本广告仅供医学药学专业人士阅读' }, { text: '' }],
      scanner.rules.masks,
    );
    expect(hits.map((h) => `${h.field}:${h.mask.id}:${h.text}`)).toEqual([
      '1:rx-professional-only:本广告仅供医学药学专业人士阅读',
      expect.stringMatching(/^1:.*:请按药品说明书或者在药师指导下购买和使用$/u),
    ]);
  });
});
