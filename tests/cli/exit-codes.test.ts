// Exit codes: 0 clean (below --fail-on), 1 findings at or above --fail-on, 2 usage errors,
// invalid rules, or no readable input. Unreadable inputs among readable ones are reported
// as documents with `error` and do not change the exit code by themselves.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, CLI_FIXTURES, documentFor, runCli, scanJson, TEXT_ADS } from './helpers.js';

// Each CLI run is a Node start-up plus rule compilation; leave room for a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const COMPLIANT = `${TEXT_ADS}/compliant-hospital.txt`;
const PSORIASIS = `${TEXT_ADS}/psoriasis-hospital.txt`;
/** One warning-level finding (news-style 编者按), nothing at error level. */
const WARNING_ONLY = `${CLI_FIXTURES}/warning-only.txt`;
/** A pack with one info-level rule that fires on the compliant ad. */
const INFO_PACK = `${CLI_FIXTURES}/rules/info-pack.yaml`;
const BAD_RULES = `${CLI_FIXTURES}/bad-rules`;
const MISSING = `${CLI_FIXTURES}/no-such-file.txt`;

let temp: string;
let png: string;
let blob: string;

beforeAll(() => {
  assertBuilt();
  temp = mkdtempSync(join(tmpdir(), 'adscan-cli-exit-'));
  png = join(temp, 'photo.png');
  // A PNG signature and the start of an IHDR chunk.
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
  blob = join(temp, 'blob.txt');
  // Text with violations, then one NUL byte: a .txt that is not text, and must not be scanned.
  writeFileSync(blob, Buffer.concat([Buffer.from('本院保证治愈。\n'.repeat(20), 'utf8'), Buffer.from([0]), Buffer.from('根治\n', 'utf8')]));
});

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('--fail-on', () => {
  it('exits 0 for a compliant ad and a warning-only ad under the default (error)', async () => {
    const run = await runCli(['scan', '--no-color', COMPLIANT, WARNING_ONLY]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The warning is still reported, it just does not fail the run.
    expect(run.stdout).toContain(`${WARNING_ONLY}:2:1`);
    expect(run.stdout).toMatch(/1 problem \(0 errors, 1 warning, 0 info\)/);
  });

  it('exits 1 when there are errors', async () => {
    const run = await runCli(['scan', PSORIASIS]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\d+ errors?/);
  });

  it('exits 1 on a warning with --fail-on warning', async () => {
    const { code, report } = await scanJson(['--fail-on', 'warning', WARNING_ONLY]);
    expect(code).toBe(1);
    // Only a warning, so this is the threshold at work and not an error finding.
    expect(report.summary.bySeverity).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it('exits 0 with --fail-on never despite errors', async () => {
    const { code, report } = await scanJson(['--fail-on', 'never', PSORIASIS, WARNING_ONLY]);
    expect(report.summary.bySeverity.error).toBeGreaterThan(0);
    expect(code).toBe(0);
  });

  it('counts info findings only with --fail-on info', async () => {
    const [asInfo, asWarning] = await Promise.all([
      scanJson(['--fail-on', 'info', '--rules', INFO_PACK, COMPLIANT]),
      runCli(['scan', '--fail-on', 'warning', '--rules', INFO_PACK, COMPLIANT]),
    ]);
    expect(asInfo.report.documents[0]!.findings.map((f) => [f.ruleId, f.severity, f.match])).toEqual([
      ['cli-info/orthodontics-mention', 'info', '口腔正畸科'],
    ]);
    expect(asInfo.code).toBe(1);
    expect(asWarning.stderr).toBe('');
    expect(asWarning.code).toBe(0);
  });
});

describe('--as-of', () => {
  it('decides whether a review certificate has expired, and with it the exit code', async () => {
    // (浙)医广【2025】第03-15-0021号: approved 2025-03-15, valid for one year.
    const page = 'fixtures/ads/pages/compliant-dental-clinic.html';
    const [valid, expired] = await Promise.all([
      scanJson(['--as-of', '2026-03-15', page]),
      scanJson(['--as-of', '2026-03-16', page]),
    ]);
    expect(valid.code).toBe(0);
    expect(valid.report.documents[0]!.findings).toEqual([]);
    expect(expired.code).toBe(1);
    expect(expired.report.documents[0]!.findings.map((f) => [f.category, f.reason, f.match])).toEqual([
      ['malformed-review-certificate', 'expired', '(浙)医广【2025】第03-15-0021号'],
    ]);
  });
});

describe('usage errors exit 2', () => {
  it('an unknown option: commander names it, nothing on stdout', async () => {
    const run = await runCli(['scan', '--bogus', COMPLIANT]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--bogus'");
    expect(run.stdout).toBe('');
  });

  it('bad option values', async () => {
    const [adType, failOn, timeout, asOf] = await Promise.all([
      runCli(['scan', '--ad-type', 'cosmetics', COMPLIANT]),
      runCli(['scan', '--fail-on', 'sometimes', COMPLIANT]),
      runCli(['scan', '--timeout', 'soon', COMPLIANT]),
      runCli(['scan', '--as-of', '2026-02-30', COMPLIANT]),
    ]);
    expect(adType.code).toBe(2);
    expect(adType.stderr).toContain('unknown ad type "cosmetics"');
    expect(failOn.code).toBe(2);
    expect(failOn.stderr).toContain("'sometimes' is invalid");
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('--timeout: expected a whole number, got "soon"');
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain('--as-of: expected a date as YYYY-MM-DD, got "2026-02-30"');
    for (const r of [adType, failOn, timeout, asOf]) expect(r.stdout).toBe('');
  });

  it('malformed --rules files: every problem is named by file and line', async () => {
    const files = ['yaml-syntax', 'unknown-key', 'unknown-category', 'bad-regex'].map((n) => `${BAD_RULES}/${n}.yaml`);
    const run = await runCli(['scan', ...files.flatMap((f) => ['--rules', f]), COMPLIANT]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^adscan: invalid rules:\n/);
    expect(run.stderr).toMatch(new RegExp(`^${BAD_RULES}/yaml-syntax\\.yaml:5:\\d+: YAML syntax`, 'm'));
    expect(run.stderr).toMatch(new RegExp(`^${BAD_RULES}/unknown-key\\.yaml:12:\\d+: unknown key "severty"`, 'm'));
    expect(run.stderr).toMatch(new RegExp(`^${BAD_RULES}/unknown-category\\.yaml:4:\\d+: unknown category "miracle-claims"`, 'm'));
    expect(run.stderr).toMatch(new RegExp(`^${BAD_RULES}/bad-regex\\.yaml:11:\\d+: invalid regex`, 'm'));
  });

  it('one malformed --rules file on its own', async () => {
    const run = await runCli(['scan', '--rules', `${BAD_RULES}/unknown-category.yaml`, COMPLIANT]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'adscan: invalid rules:',
      expect.stringMatching(new RegExp(`^${BAD_RULES}/unknown-category\\.yaml:4:\\d+: unknown category "miracle-claims"`)),
    ]);
  });

  it('a --rules path that does not exist', async () => {
    const run = await runCli(['scan', '--rules', `${BAD_RULES}/nope.yaml`, COMPLIANT]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`no such file or directory: ${BAD_RULES}/nope.yaml`);
  });
});

describe('unreadable inputs', () => {
  it('a missing path alone: the report still names it, exit 2', async () => {
    const { code, report, stderr } = await scanJson([MISSING]);
    expect(code).toBe(2);
    expect(stderr).toContain('no input could be read');
    expect(report.summary).toMatchObject({ documents: 1, failed: 1, findings: 0 });
    expect(report.documents[0]).toMatchObject({ uri: MISSING, error: 'no such file or directory', findings: [], adTypes: [] });
  });

  it('a missing path next to a good file: the good file is scanned, exit follows its findings', async () => {
    const [bad, clean] = await Promise.all([scanJson([MISSING, PSORIASIS]), scanJson([MISSING, COMPLIANT])]);
    expect(bad.code).toBe(1);
    expect(bad.report.summary.failed).toBe(1);
    expect(bad.report.documents.map((d) => d.uri)).toEqual([MISSING, PSORIASIS]);
    expect(documentFor(bad.report, MISSING).error).toBe('no such file or directory');
    const good = documentFor(bad.report, PSORIASIS);
    expect(good.error).toBeNull();
    expect(good.findings.some((f) => f.match === '保证治愈')).toBe(true);

    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe('');
    expect(documentFor(clean.report, MISSING).error).toBe('no such file or directory');
    expect(documentFor(clean.report, COMPLIANT)).toMatchObject({ error: null, findings: [] });
  });

  it('binary files among good ones: each binary file is a failed document, the rest are scanned', async () => {
    const { code, report } = await scanJson([png, PSORIASIS, blob]);
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ documents: 3, failed: 2 });
    const image = documentFor(report, png);
    expect(image.error).toBe('binary content (PNG image)');
    expect(image.findings).toEqual([]);
    const junk = documentFor(report, blob);
    expect(junk.error).toBe('binary content (NUL bytes)');
    // The readable text around the NUL must not be scanned.
    expect(junk.findings).toEqual([]);
    expect(documentFor(report, PSORIASIS).findings.length).toBeGreaterThan(0);
  });

  it('only binary input: nothing could be read, exit 2', async () => {
    const run = await runCli(['scan', '--no-color', png]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no input could be read');
    expect(run.stdout).toContain('binary content (PNG image)');
  });
});
