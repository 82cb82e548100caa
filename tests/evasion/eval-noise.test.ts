// `npm run eval -- --noise` end to end, against the built pipeline and a small dev corpus
// written here (so it runs without the shared folder).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'adscan-noise-eval-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const shared = join(temp, 'shared');
mkdirSync(join(shared, 'corpus', 'dev'), { recursive: true });
const dev = [
  { id: 'a', adType: 'medical', labels: ['cure-guarantee'], optional: [], text: '银屑病专科医院：专治牛皮癣，保证治愈，无效退款！' },
  { id: 'b', adType: 'medical', labels: ['cure-rate'], optional: [], text: '东方男科医院 治愈率高达98.6%，已有12万例患者康复出院。' },
  { id: 'c', adType: 'none', labels: [], optional: [], text: '晨光咖啡新品上市，拿铁买一送一。' },
];
writeFileSync(join(shared, 'corpus', 'dev', 'ads.jsonl'), dev.map((row) => JSON.stringify(row)).join('\n'));

function evalNoise(args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'eval.mjs'), '--noise', '--shared', shared, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!existsSync(join(root, 'dist', 'cli', 'load-scanner.js')))('npm run eval -- --noise', () => {
  it('reports per kind how many clean categories come back on exactly the disguised phrase', () => {
    const run = evalNoise(['--seeds', '2', '--kinds', 'separators,ruby,traditional,numbers', '--json', '--check']);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { kinds: { kind: string; categories: number; exact: number; rate: number | null; newFalsePositives: number }[]; pass: boolean };
    expect(out.kinds.map((k) => k.kind)).toEqual(['separators', 'ruby', 'traditional', 'numbers']);
    for (const k of out.kinds) {
      expect(k.categories, k.kind).toBeGreaterThan(0);
      expect(k.rate, k.kind).toBe(1);
      expect(k.newFalsePositives, k.kind).toBe(0);
    }
    expect(out.pass).toBe(true);
    expect(run.code).toBe(0);
  });

  it('prints a table, and rejects an unknown kind with exit 2', () => {
    const table = evalNoise(['--seeds', '1', '--kinds', 'invisibles']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^\s+invisibles\s+\d+\s+\d+\s+\d+\s+100\.0%/mu);
    expect(table.stdout).toContain('noise: PASS');
    const bad = evalNoise(['--kinds', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown kind "nope"');
  });
});
