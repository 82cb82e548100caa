// stdin with --ad-type, and -o/--output: the report goes to the file (atomically, via a
// temporary file in the same directory that must not survive), stdout stays empty.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANSI, assertBuilt, ROOT, runCli, scanJson, TEXT_ADS, type JsonReport } from './helpers.js';

// Each CLI run is a Node start-up plus rule compilation; leave room for a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const PSORIASIS = `${TEXT_ADS}/psoriasis-hospital.txt`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let temp: string;
beforeAll(() => {
  assertBuilt();
  temp = mkdtempSync(join(tmpdir(), 'adscan-cli-io-'));
});
afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('stdin and --ad-type', () => {
  it('scans piped text as <stdin>; --ad-type overrides detection and changes which rules apply', async () => {
    const input = readFileSync(join(ROOT, PSORIASIS), 'utf8');
    const [detected, forced] = await Promise.all([
      scanJson(['-'], { input }),
      // Underscores are accepted for hyphens; several types are comma-separated.
      scanJson(['--ad-type', 'drug,health_food', '-'], { input }),
    ]);
    for (const run of [detected, forced]) {
      expect(run.code).toBe(1);
      expect(run.report.documents).toHaveLength(1);
      expect(run.report.documents[0]!.uri).toBe('<stdin>');
      const cure = run.report.documents[0]!.findings.find((f) => f.match === '保证治愈');
      expect(cure).toBeDefined();
      expect(input.slice(cure!.start.offset, cure!.end.offset)).toBe('保证治愈');
    }
    const auto = detected.report.documents[0]!;
    const over = forced.report.documents[0]!;
    expect(auto.adTypes).toEqual(['medical']);
    expect(over.adTypes).toEqual(['drug', 'health-food']);
    // A medical ad lacks a review certificate; a drug/health-food ad lacks an ad approval number.
    const categories = (d: typeof auto) => d.findings.map((f) => f.category);
    expect(categories(auto)).toContain('missing-review-certificate');
    expect(categories(auto)).not.toContain('missing-ad-approval-number');
    expect(categories(over)).toContain('missing-ad-approval-number');
    expect(categories(over)).not.toContain('missing-review-certificate');
  });

  it('an empty stdin is an unreadable document: exit 2', async () => {
    const { code, report, stderr } = await scanJson(['-'], { input: '' });
    expect(code).toBe(2);
    expect(report.documents).toEqual([expect.objectContaining({ uri: '<stdin>', error: 'empty document' })]);
    expect(stderr).toContain('no input could be read');
  });
});

describe('-o / --output', () => {
  it('writes the JSON report to the file, replacing an old one, with empty stdout and no leftover temp file', async () => {
    const dir = join(temp, 'json');
    mkdirSync(dir);
    const target = join(dir, 'report.json');
    writeFileSync(target, 'stale report\n');
    const run = await runCli(['scan', '--format', 'json', '-o', target, PSORIASIS]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(readdirSync(dir)).toEqual(['report.json']);
    const text = readFileSync(target, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const report = JSON.parse(text) as JsonReport;
    expect(report.tool.name).toBe('adscan');
    expect(report.documents.map((d) => d.uri)).toEqual([PSORIASIS]);
    expect(report.documents[0]!.findings.some((f) => f.match === '保证治愈')).toBe(true);
  });

  it('creates missing directories and writes a colourless pretty report', async () => {
    const target = join(temp, 'nested', 'deeper', 'report.txt');
    const run = await runCli(['scan', '--output', target, PSORIASIS, `${TEXT_ADS}/compliant-hospital.txt`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(readdirSync(join(temp, 'nested', 'deeper'))).toEqual(['report.txt']);
    const text = readFileSync(target, 'utf8');
    expect(text).toContain(`${PSORIASIS}:4:8`);
    expect(text).toMatch(/✖ \d+ problems .* in 1 of 2 documents\n$/);
    expect(text).not.toMatch(ANSI);
  });

  it('exits 2 with a plain message when the report cannot be written', async () => {
    // The target's parent is a file, so the directory cannot be created.
    const blocker = join(temp, 'blocker');
    writeFileSync(blocker, 'not a directory');
    const target = join(blocker, 'report.json');
    const run = await runCli(['scan', '--format', 'json', '-o', target, PSORIASIS]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^adscan: --output: cannot write ${escape(target)}: .+\n$`));
    expect(run.stderr).not.toContain('internal error');
    expect(readFileSync(blocker, 'utf8')).toBe('not a directory');
  });

  it('removes its temporary file when the final rename fails (target is a directory)', async () => {
    const dir = join(temp, 'rename');
    mkdirSync(join(dir, 'report.json'), { recursive: true });
    const run = await runCli(['scan', '--format', 'json', '-o', join(dir, 'report.json'), PSORIASIS]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('cannot write');
    expect(run.stderr).not.toContain('internal error');
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readdirSync(join(dir, 'report.json'))).toEqual([]);
  });
});
