// `.adscanrc.yaml`: found upward from the working directory (or --config), validated with
// file:line:column (exit 2); severity overrides, rules off, ignore globs and ad-type hints
// change what a scan reports and its exit code; command-line flags override it.
// `adscan init` writes a starter file. Runs are started together to keep the suite fast.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, documentFor, ROOT, runCli, scanJson, type CliRun, type JsonReport } from './helpers.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const PROJECT = 'fixtures/triage/project';
const DEEPER = join(ROOT, PROJECT, 'sub', 'deeper');
const BAD = 'fixtures/triage/bad-config';

let discovered: CliRun & { report: JsonReport };
let clinicWithConfig: CliRun;
let failOnFlag: CliRun;
let noConfig: CliRun & { report: JsonReport };
let explicit: CliRun & { report: JsonReport };
let adTypeFlag: CliRun & { report: JsonReport };
let bad: Record<'unknownKey' | 'badValues' | 'unknownRule' | 'missing', CliRun>;
let temp: string;

beforeAll(async () => {
  assertBuilt();
  temp = mkdtempSync(join(tmpdir(), 'adscan-config-'));
  const runs = await Promise.all([
    scanJson(['../../ads', '../../archive'], { cwd: DEEPER }),
    runCli(['scan', '--no-color', '../../ads/clinic.txt'], { cwd: DEEPER }),
    runCli(['scan', '--no-color', '--fail-on', 'warning', '../../ads/clinic.txt'], { cwd: DEEPER }),
    scanJson(['--no-config', '../../ads/clinic.txt', '../../archive/old.txt'], { cwd: DEEPER }),
    scanJson(['--config', `${PROJECT}/.adscanrc.yaml`, `${PROJECT}/ads`, `${PROJECT}/archive/old.txt`]),
    scanJson(['--ad-type', 'health-food', '../../ads/drug/pill.txt'], { cwd: DEEPER }),
    runCli(['scan', '--config', `${BAD}/unknown-key.yaml`, `${PROJECT}/ads/clinic.txt`]),
    runCli(['scan', '--config', `${BAD}/bad-values.yaml`, `${PROJECT}/ads/clinic.txt`]),
    runCli(['scan', '--config', `${BAD}/unknown-rule.yaml`, `${PROJECT}/ads/clinic.txt`]),
    runCli(['scan', '--config', `${BAD}/no-such-file.yaml`, `${PROJECT}/ads/clinic.txt`]),
  ]);
  [discovered, clinicWithConfig, failOnFlag, noConfig, explicit, adTypeFlag] = runs;
  bad = { unknownKey: runs[6], badValues: runs[7], unknownRule: runs[8], missing: runs[9] };
});

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

const summaryOf = (doc: { findings: { ruleId: string; severity: string }[] }) => doc.findings.map((f) => `${f.ruleId}:${f.severity}`);

describe('configuration discovery and settings', () => {
  it('finds .adscanrc.yaml in a parent of the working directory and skips ignored documents', () => {
    expect(discovered.stderr).toBe('');
    expect(discovered.report.documents.map((d) => d.uri)).toEqual(['../../ads/clinic.txt', '../../ads/drug/pill.txt']);
  });

  it('applies severity overrides (by category and rule id) and switches packs off', () => {
    const clinic = documentFor(discovered.report, '../../ads/clinic.txt');
    expect(summaryOf(clinic)).toEqual(['authorisation/missing-review-certificate:info', 'efficacy/cure-guarantee-promise:warning']);
    // Without the config the same ad has errors and medical-content findings.
    const plain = documentFor(noConfig.report, '../../ads/clinic.txt');
    expect(summaryOf(plain)).toEqual([
      'authorisation/missing-review-certificate:error',
      'medical-content/disease-name:info',
      'efficacy/cure-guarantee-promise:error',
    ]);
  });

  it('gives documents matching an adTypes glob those ad types, unless --ad-type overrides', () => {
    const pill = documentFor(discovered.report, '../../ads/drug/pill.txt');
    expect(pill.adTypes).toEqual(['drug']);
    expect(pill.findings.map((f) => f.ruleId)).toContain('authorisation/missing-ad-approval-number');
    expect(documentFor(adTypeFlag.report, '../../ads/drug/pill.txt').adTypes).toEqual(['health-food']);
    // The clinic ad outside the glob keeps its detected type.
    expect(documentFor(discovered.report, '../../ads/clinic.txt').adTypes).toEqual(['medical']);
  });

  it('changes the exit code through severity overrides; --fail-on overrides the config', () => {
    expect(clinicWithConfig.stderr).toBe('');
    expect(clinicWithConfig.code).toBe(0);
    expect(failOnFlag.code).toBe(1);
    expect(noConfig.code).toBe(1);
  });

  it('ignores the config with --no-config', () => {
    expect(noConfig.report.documents.map((d) => d.uri)).toEqual(['../../ads/clinic.txt', '../../archive/old.txt']);
  });

  it('reads --config FILE with globs relative to that file, wherever adscan runs', () => {
    expect(explicit.stderr).toBe('');
    expect(explicit.report.documents.map((d) => d.uri)).toEqual([`${PROJECT}/ads/clinic.txt`, `${PROJECT}/ads/drug/pill.txt`]);
    expect(documentFor(explicit.report, `${PROJECT}/ads/drug/pill.txt`).adTypes).toEqual(['drug']);
    expect(summaryOf(documentFor(explicit.report, `${PROJECT}/ads/clinic.txt`))).toEqual([
      'authorisation/missing-review-certificate:info',
      'efficacy/cure-guarantee-promise:warning',
    ]);
  });
});

describe('configuration errors (exit 2, file:line:column)', () => {
  it('names a misspelt key', () => {
    expect(bad.unknownKey.code).toBe(2);
    expect(bad.unknownKey.stdout).toBe('');
    expect(bad.unknownKey.stderr).toBe(
      `adscan: invalid configuration:\n${BAD}/unknown-key.yaml:3:1: unknown key "failon" in the configuration (did you mean "failOn"?); known: rulePacks, builtinRules, rules, severity, adTypes, ignore, failOn, asOf, format, reports, suppressions, baseline\n`,
    );
  });

  it('lists every bad value with its line', () => {
    expect(bad.badValues.code).toBe(2);
    const lines = bad.badValues.stderr.split('\n').filter((l) => l.startsWith(BAD));
    expect(lines.map((l) => l.split(': ')[0])).toEqual([`${BAD}/bad-values.yaml:2:19`, `${BAD}/bad-values.yaml:4:14`, `${BAD}/bad-values.yaml:6:5`]);
    expect(bad.badValues.stderr).toContain('unknown report format "html5"');
  });

  it('checks rule names against the loaded packs', () => {
    expect(bad.unknownRule.code).toBe(2);
    expect(bad.unknownRule.stderr).toBe(
      `adscan: invalid configuration:\n${BAD}/unknown-rule.yaml:2:3: "efficacy/cure-guarantee-promis" is not a rule id, category or pack (did you mean "efficacy/cure-guarantee-promise"?)\n`,
    );
  });

  it('rejects a --config file that does not exist', () => {
    expect(bad.missing.code).toBe(2);
    expect(bad.missing.stderr).toBe(`adscan: --config: no such file: ${BAD}/no-such-file.yaml\n`);
  });
});

describe('adscan init', () => {
  it('writes a commented starter config that scan accepts, and refuses to overwrite it without --force', async () => {
    const first = await runCli(['init'], { cwd: temp });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('wrote .adscanrc.yaml\n');
    const text = readFileSync(join(temp, '.adscanrc.yaml'), 'utf8');
    expect(text).toMatch(/^# adscan configuration/);
    expect(text).toContain('failOn: error');
    writeFileSync(join(temp, 'ad.txt'), '本院专治牛皮癣，保证治愈。\n');
    writeFileSync(join(temp, '.adscanrc.yaml'), `${text}\nseverity:\n  cure-guarantee: info\n`);
    const again = await runCli(['init'], { cwd: temp });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('adscan: init: .adscanrc.yaml already exists (use --force to overwrite it)\n');
    expect(readFileSync(join(temp, '.adscanrc.yaml'), 'utf8')).toContain('cure-guarantee: info');
    const scan = await scanJson(['ad.txt'], { cwd: temp });
    expect(scan.stderr).toBe('');
    expect(scan.report.documents[0]!.findings.find((f) => f.ruleId === 'efficacy/cure-guarantee-promise')?.severity).toBe('info');
    const overwrite = await runCli(['init', '--force'], { cwd: temp });
    expect(overwrite.code).toBe(0);
    expect(readFileSync(join(temp, '.adscanrc.yaml'), 'utf8')).toBe(text);
    expect(readdirSync(temp).sort()).toEqual(['.adscanrc.yaml', 'ad.txt']);
    expect(existsSync(join(temp, '.adscanrc.yaml'))).toBe(true);
  });
});
