// End to end: scripts/eval.mjs against a fake CLI (fixtures/fake-adscan.mjs) and a small
// shared folder built here, so the figures are known exactly.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fakeBin = join(import.meta.dirname, 'fixtures', 'fake-adscan.mjs');
const temp = mkdtempSync(join(tmpdir(), 'adscan-eval-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function sharedFolder(name: string, dev: object[], regulatory: Record<string, string>): string {
  const shared = join(temp, name);
  mkdirSync(join(shared, 'corpus', 'dev'), { recursive: true });
  mkdirSync(join(shared, 'corpus', 'regulatory'), { recursive: true });
  writeFileSync(join(shared, 'corpus', 'dev', 'ads.jsonl'), dev.map((row) => JSON.stringify(row)).join('\n'));
  for (const [file, text] of Object.entries(regulatory)) writeFileSync(join(shared, 'corpus', 'regulatory', file), text);
  return shared;
}

// Rule files for the dead-rule listing: one rule that fires, one that never does, one broken file.
const rulesDir = join(temp, 'rules');
mkdirSync(join(rulesDir, 'medical'), { recursive: true });
writeFileSync(join(rulesDir, 'medical', 'cure.yaml'), 'pack: medical\nrules:\n  - id: cure-guarantee\n  - id: dead-rule\n');
writeFileSync(join(rulesDir, 'broken.yml'), 'pack: [unclosed\n');

function evalRun(args: string[], env: Record<string, string> = {}) {
  const withRules = args.includes('--rules') ? args : [...args, '--rules', rulesDir];
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'eval.mjs'), ...withRules], {
    encoding: 'utf8',
    env: { ...process.env, ADSCAN_SHARED: '', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dev = [
  { id: 'dev-001', adType: 'medical', labels: ['cure-guarantee'], optional: [], text: '本院保证治愈' },
  { id: 'dev-002', adType: 'medical', labels: ['cure-rate'], optional: ['absolute-terms'], text: '治愈率最高' },
  { id: 'dev-003', adType: 'none', labels: [], optional: [], text: '文章引述了某个说法' },
  { id: 'dev-004', adType: 'none', labels: [], optional: [], text: '最近天气不错' },
];
const clean = sharedFolder('clean', dev, { 'plan.txt': '工作计划\n第一阶段', 'other.md': 'ignored' });
const noisy = sharedFolder('noisy', dev, { 'plan.txt': '工作计划\n严禁宣传保证治愈' });

describe('scripts/eval.mjs', () => {
  it('scores the dev corpus and the regulatory corpus in JSON', () => {
    const run = evalRun(['--shared', clean, '--bin', fakeBin, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const figures = JSON.parse(run.stdout);
    expect(figures.dev.universe).toEqual(['cure-guarantee', 'cure-rate']);
    expect(figures.dev.micro).toEqual({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    // "最" in dev-004 is outside the universe: unscored, not a false positive.
    expect(figures.dev.unscored).toEqual([
      { id: 'dev-004', category: 'absolute-terms', matches: ['最'], ruleIds: ['general/absolute-terms'] },
    ]);
    expect(figures.families.pass).toBe(true);
    expect(figures.regulatory.errorFindings).toBe(0);
    expect(figures.regulatory.files.map((f: { uri: string }) => f.uri.split('/').pop())).toEqual(['plan.txt']);
    expect(figures.rules).toContainEqual({
      ruleId: 'medical/cure-guarantee',
      hits: { dev: 1, regulatory: 0 },
      suppressed: { dev: 1, regulatory: 0 },
    });
    expect(figures.rules).toContainEqual({
      ruleId: 'medical/dead-rule',
      hits: { dev: 0, regulatory: 0 },
      suppressed: { dev: 0, regulatory: 0 },
    });
    expect(figures.pass).toBe(true);
  });

  it('prints tables, misses and false positives for people', () => {
    const extra = [
      { id: 'dev-005', labels: ['testimonial'], optional: [], text: '患者说最好' },
      { id: 'dev-006', labels: [], optional: [], text: '不保证治愈' },
    ];
    const shared = sharedFolder('misses', [...dev, ...extra], { 'plan.txt': '保证治愈' });
    const run = evalRun(['--shared', shared, '--bin', fakeBin]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  *  cure-guarantee       1   1   0      0.500   1.000  0.667');
    expect(lines).toContain('  *  testimonial          0   0   1          –   0.000      –');
    expect(lines).toContain('     micro (all scored)   2   1   1      0.667   0.667  0.667');
    expect(lines).toContain('    absolute-terms: 3 documents, 2 not optional there');
    expect(lines).toContain('  FN dev-005 testimonial');
    expect(lines).toContain('  FP dev-006 cure-guarantee "保证治愈"  (medical/cure-guarantee)');
    expect(lines).toContain('Families (precision and recall ≥ 0.9): FAIL');
    expect(lines).toContain('  plan.txt: 1 error, 0 warnings, 0 info, 0 suppressed');
    expect(lines).toContain('      1× cure-guarantee "保证治愈"  (line 1)');
    expect(lines).toContain('regulatory error-level findings: 1');
    expect(lines).toContainEqual(expect.stringMatching(/^  medical\/dead-rule +0 \(0\) +0 \(0\)  never fired$/));
    expect(lines).toContainEqual(expect.stringMatching(/^  general\/absolute-terms +3 \(0\) +0 \(0\)$/));
    expect(lines.at(-2)).toBe('overall: FAIL');
  });

  it('with --check exits 1 when the regulatory corpus has error-level findings, 0 when all is well', () => {
    expect(evalRun(['--shared', clean, '--bin', fakeBin, '--check']).code).toBe(0);
    const run = evalRun(['--shared', noisy, '--bin', fakeBin, '--check', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).regulatory.errorFindings).toBe(1);
    // Without --check the figures are printed and the run still succeeds.
    expect(evalRun(['--shared', noisy, '--bin', fakeBin]).code).toBe(0);
  });

  it('finds the shared folder through ADSCAN_SHARED', () => {
    const run = evalRun(['--bin', fakeBin, '--json'], { ADSCAN_SHARED: clean });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).shared).toBe(clean);
  });

  it('fails clearly on a missing shared folder, a missing CLI, bad options or CLI garbage', () => {
    const missing = evalRun(['--shared', join(temp, 'nope'), '--bin', fakeBin]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`eval: shared folder not found: ${join(temp, 'nope')}`);
    const noCli = evalRun(['--shared', clean, '--bin', join(temp, 'no-cli.mjs')]);
    expect(noCli.code).toBe(2);
    expect(noCli.stderr).toContain('eval: CLI not found');
    const badFlag = evalRun(['--shared', clean, '--frobnicate']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('usage: node scripts/eval.mjs');
    const garbage = evalRun(['--shared', clean, '--bin', fakeBin], { FAKE_ADSCAN_GARBAGE: '1' });
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toContain('CLI did not print JSON');
  });

  it('reports a bad corpus line and documents the CLI could not scan', () => {
    const badCorpus = sharedFolder('bad', [], {});
    writeFileSync(join(badCorpus, 'corpus', 'dev', 'ads.jsonl'), '{"id": "a", "text": "x"}\nnot json\n');
    const bad = evalRun(['--shared', badCorpus, '--bin', fakeBin]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ads.jsonl line 2: not valid JSON');

    const broken = sharedFolder('broken', [{ id: 'broken-1', labels: ['cure-guarantee'], text: '保证治愈' }], {});
    const run = evalRun(['--shared', broken, '--bin', fakeBin, '--json']);
    expect(run.code).toBe(0);
    const figures = JSON.parse(run.stdout);
    expect(figures.dev.failed).toEqual([{ id: 'broken-1', error: 'cannot decode' }]);
    expect(figures.dev.micro).toMatchObject({ tp: 0, fn: 1 });
  });
});
