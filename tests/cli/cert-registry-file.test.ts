import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCertRegistry } from '../../src/cli/cert-registry-file.js';
import { numberKey } from '../../src/engine/numbers/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'adscan-registry-'));
const csv = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readCertRegistry', () => {
  it('reads the bundled registry fixture, keyed by number', async () => {
    const r = await readCertRegistry('fixtures/registry/issued.csv');
    const [e] = r.get(numberKey('(浙)医广【2026】第03-18-0105号'))!;
    expect(e).toMatchObject({ holder: '杭州仁和医院有限公司', source: 'fixtures/registry/issued.csv:2' });
    expect(e!.validTo.toISOString().slice(0, 10)).toBe('2027-03-18');
    expect(r.size).toBe(3);
  });

  it('accepts a BOM, other date spellings and header case', async () => {
    const r = await readCertRegistry(csv('bom.csv', '\uFEFFNumber,Holder,Valid_From,Valid_To\nX药广审(文)第270101-00001号,某公司,2025/1/2,2027年1月1日\n'));
    expect(r.get(numberKey('X药广审(文)第270101-00001号'))![0]!.validFrom.toISOString().slice(0, 10)).toBe('2025-01-02');
  });

  it.each([
    ['missing column', 'number,holder,valid_from\nA,B,2025-01-01\n', /:1: missing column\(s\) valid_to/],
    ['bad date', 'number,holder,valid_from,valid_to\nA,B,2025-13-01,2026-01-01\n', /bad\.csv:2: valid_from "2025-13-01" is not a date/],
    ['reversed dates', 'number,holder,valid_from,valid_to\nA,B,2026-01-01,2025-01-01\n', /:2: valid_to is before valid_from/],
    ['ragged row', 'number,holder,valid_from,valid_to\nA,B,2025-01-01\n', /bad\.csv/],
  ])('rejects a registry with a %s, naming file and line', async (_what, text, message) => {
    await expect(readCertRegistry(csv('bad.csv', text))).rejects.toThrow(message);
  });

  it('rejects a file that does not exist', async () => {
    await expect(readCertRegistry(join(dir, 'nope.csv'))).rejects.toThrow(/cannot read/);
  });
});
