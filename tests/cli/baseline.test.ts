// Baselines: --write-baseline records the current findings; --baseline reports only new
// ones (the recorded ones are listed as suppressed, "baseline"), so the exit code depends
// on new findings only; fingerprints survive lines shifting and boilerplate changing;
// `baseline prune` drops entries the inputs no longer produce.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, ROOT, runCli, scanJson, TEXT_ADS } from './helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

interface BaselineFile {
  adscanBaseline: number;
  fingerprintVersion: number;
  entries: { ruleId: string; uri: string; fingerprint: string; occurrence: number; severity: string; match: string; location: string }[];
}

let dir: string;
const AD = () => join(dir, 'ads', 'clinic.txt');
const BASELINE = '.adscan-baseline.json';
const readBaseline = () => JSON.parse(readFileSync(join(dir, BASELINE), 'utf8')) as BaselineFile;
const original = readFileSync(join(ROOT, TEXT_ADS, 'psoriasis-hospital.txt'), 'utf8');

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'adscan-baseline-'));
  mkdirSync(join(dir, 'ads'));
  writeFileSync(AD(), original);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('baselines', () => {
  let recorded: BaselineFile;

  it('--write-baseline records every finding atomically; the run then exits 0 with them listed as suppressed', async () => {
    const run = await scanJson(['--write-baseline', BASELINE, 'ads'], { cwd: dir });
    expect(run.stderr).toMatch(/^adscan: wrote baseline \.adscan-baseline\.json \(\d+ findings\)\n$/);
    expect(run.code).toBe(0);
    recorded = readBaseline();
    expect(recorded.adscanBaseline).toBe(1);
    expect(recorded.entries.length).toBeGreaterThan(5);
    const doc = run.report.documents[0]!;
    expect(doc.findings).toEqual([]);
    expect(doc.suppressed.length).toBe(recorded.entries.length);
    expect(run.report.summary.suppressed).toBe(recorded.entries.length);
    for (const s of doc.suppressed as { suppressedBy?: string }[]) expect(s.suppressedBy).toBe('baseline');
    const promise = recorded.entries.find((e) => e.ruleId === 'efficacy/cure-guarantee-promise')!;
    expect(promise).toMatchObject({ uri: 'ads/clinic.txt', match: '保证治愈', occurrence: 0, severity: 'error', location: 'ads/clinic.txt:4:8' });
    expect(promise.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // Atomic: no temporary file is left beside it.
    expect(readdirSync(dir).sort()).toEqual(['.adscan-baseline.json', 'ads']);
  });

  it('keeps findings baselined when lines move and the boilerplate around them changes', async () => {
    writeFileSync(AD(), `【置顶】春节门诊安排\n\n更新于 2026-02-01\n${original.replace('0571-86001234', '0571-86009999').replace('湖墅南路168号', '湖墅南路170号')}`);
    const run = await scanJson(['--baseline', BASELINE, 'ads'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.report.documents[0]!.findings).toEqual([]);
    expect(run.report.summary.suppressed).toBe(recorded.entries.length);
    expect(run.code).toBe(0);
  });

  it('fails (exit 1) on a new finding only, keeping the baselined ones suppressed', async () => {
    writeFileSync(AD(), `${original}本院特效疗法，一次根治，永不复发。\n`);
    const run = await scanJson(['--baseline', BASELINE, 'ads'], { cwd: dir });
    expect(run.code).toBe(1);
    const doc = run.report.documents[0]!;
    expect(doc.findings.map((f) => [f.ruleId, f.match])).toEqual(
      expect.arrayContaining([
        ['efficacy/cure-guarantee-radical', '一次根治'],
        ['efficacy/cure-guarantee-radical', '永不复发'],
      ]),
    );
    expect(doc.findings.every((f) => f.start.line === 10)).toBe(true);
    expect(doc.suppressed.length).toBe(recorded.entries.length);
    expect(run.report.summary.findings).toBe(doc.findings.length);
  });

  it('treats a moved file as a new document', async () => {
    writeFileSync(AD(), original);
    mkdirSync(join(dir, 'moved'));
    copyFileSync(AD(), join(dir, 'moved', 'clinic.txt'));
    const run = await scanJson(['--baseline', BASELINE, 'moved'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.report.documents[0]!.suppressed.filter((s) => (s as { suppressedBy?: string }).suppressedBy === 'baseline')).toEqual([]);
    rmSync(join(dir, 'moved'), { recursive: true });
  });

  it('baseline prune drops the entries the inputs no longer produce, atomically', async () => {
    // The cure-guarantee line is fixed: its three findings are gone.
    writeFileSync(AD(), original.replace('三个疗程根治，保证治愈，无效全额退款！\n', ''));
    const run = await runCli(['baseline', 'prune', '--baseline', BASELINE, 'ads', '--as-of', '2026-03-01'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = readBaseline();
    const removed = recorded.entries.filter((e) => !after.entries.some((a) => a.fingerprint === e.fingerprint && a.occurrence === e.occurrence));
    expect(removed.map((e) => e.match).sort()).toEqual(['三个疗程根治', '保证治愈', '无效全额退款'].sort());
    expect(run.stdout.split('\n')[0]).toBe(`pruned 3 of ${recorded.entries.length} baseline entries in .adscan-baseline.json (${recorded.entries.length - 3} kept)`);
    expect(after.entries.length).toBe(recorded.entries.length - 3);
    expect(readdirSync(dir).sort()).toEqual(['.adscan-baseline.json', 'ads']);
    // What is left still covers every current finding.
    const scan = await scanJson(['--baseline', BASELINE, 'ads'], { cwd: dir });
    expect(scan.code).toBe(0);
    expect(scan.report.documents[0]!.findings).toEqual([]);
  });

  it('rejects a baseline file that is missing or not a baseline (exit 2)', async () => {
    writeFileSync(join(dir, 'not-a-baseline.json'), '{"entries": 3}\n');
    const [missing, invalid] = await Promise.all([
      runCli(['scan', '--baseline', 'nope.json', 'ads'], { cwd: dir }),
      runCli(['scan', '--baseline', 'not-a-baseline.json', 'ads'], { cwd: dir }),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('adscan: baseline: cannot read nope.json: no such file or directory (write one with --write-baseline)\n');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^adscan: invalid baseline:\nnot-a-baseline\.json:1:1: not an adscan baseline/);
  });
});
