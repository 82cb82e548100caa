// Several outputs in one run: --format for stdout plus repeatable --report FORMAT:PATH (or
// `reports:` in the config), each file written atomically into directories created as needed;
// format names come from the formatter registry, an unknown one is a usage error.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatters } from '../../src/report/index.js';
import { assertBuilt, runCli, type JsonReport } from './helpers.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let dir: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'adscan-reports-'));
  writeFileSync(join(dir, 'clinic.txt'), '仁爱医院皮肤科\n本院专治牛皮癣，保证治愈。\n');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `d`, relative, sorted. */
const tree = (d: string): string[] =>
  readdirSync(d, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(d.length + 1))
    .sort();

describe('--report', () => {
  it('writes every report file besides the stdout report, creating directories, leaving no temporary files', async () => {
    // Every registered format, each to its own file (html among them once it is registered).
    const extra = Object.keys(formatters).filter((f) => !['json', 'sarif', 'pretty'].includes(f)).sort();
    const run = await runCli(
      ['scan', '--no-color', '--format', 'pretty', '--report', 'json:out/adscan.json', '--report', 'sarif:out/sarif/adscan.sarif', ...extra.flatMap((f) => ['--report', `${f}:out/all/report.${f}`]), 'clinic.txt'],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('clinic.txt:2:');
    expect(tree(dir)).toEqual(['clinic.txt', ...extra.map((f) => `out/all/report.${f}`), 'out/adscan.json', 'out/sarif/adscan.sarif'].sort());
    for (const f of extra) expect(readFileSync(join(dir, `out/all/report.${f}`), 'utf8').length, f).toBeGreaterThan(0);
    const json = JSON.parse(readFileSync(join(dir, 'out/adscan.json'), 'utf8')) as JsonReport;
    expect(json.documents[0]!.uri).toBe('clinic.txt');
    expect(json.summary.bySeverity.error).toBeGreaterThan(0);
    const sarif = JSON.parse(readFileSync(join(dir, 'out/sarif/adscan.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string; partialFingerprints?: Record<string, string> }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const promise = sarif.runs[0]!.results.find((r) => r.ruleId === 'efficacy/cure-guarantee-promise')!;
    // The SARIF fingerprint is the finding's content fingerprint, as in the JSON report.
    const fp = (json.documents[0]!.findings.find((f) => f.ruleId === 'efficacy/cure-guarantee-promise') as unknown as { fingerprint: string }).fingerprint;
    expect(Object.values(promise.partialFingerprints ?? {})).toEqual([expect.stringMatching(new RegExp(`^${fp}:\\d+$`))]);
  });

  it('takes report outputs from the config, relative to it; --report replaces them', async () => {
    writeFileSync(join(dir, '.adscanrc.yaml'), 'failOn: never\nreports:\n  - json:reports/from-config.json\n  - {format: junit, path: reports/junit.xml}\n');
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    const fromConfig = await runCli(['scan', '--no-color', '../clinic.txt'], { cwd: sub });
    expect(fromConfig.stderr).toBe('');
    // failOn: never from the config.
    expect(fromConfig.code).toBe(0);
    expect(existsSync(join(dir, 'reports/from-config.json'))).toBe(true);
    expect(readFileSync(join(dir, 'reports/junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    rmSync(join(dir, 'reports'), { recursive: true });
    const flagged = await runCli(['scan', '--fail-on', 'error', '--report', 'json:only.json', '../clinic.txt'], { cwd: sub });
    expect(flagged.code).toBe(1);
    expect(existsSync(join(sub, 'only.json'))).toBe(true);
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    rmSync(join(dir, '.adscanrc.yaml'));
    rmSync(sub, { recursive: true });
  });

  it('rejects unknown formats with exit 2 before scanning; --format choices come from the registry', async () => {
    const before = tree(dir);
    const [badReport, badSpec, badFormat, help] = await Promise.all([
      runCli(['scan', '--report', 'nope:out/x', 'clinic.txt'], { cwd: dir }),
      runCli(['scan', '--report', 'out/x.json', 'clinic.txt'], { cwd: dir }),
      runCli(['scan', '--format', 'nope', 'clinic.txt'], { cwd: dir }),
      runCli(['scan', '--help'], { cwd: dir }),
    ]);
    const names = Object.keys(formatters).sort();
    expect(badReport.code).toBe(2);
    expect(badReport.stderr).toBe(`adscan: --report: unknown format "nope" (known: ${names.join(', ')})\n`);
    expect(badSpec.code).toBe(2);
    expect(badSpec.stderr).toContain('--report: expected FORMAT:PATH');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain(`Allowed choices are ${names.join(', ')}.`);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(`(choices: ${names.map((n) => `"${n}"`).join(', ')})`);
    expect(tree(dir)).toEqual(before);
  });
});
