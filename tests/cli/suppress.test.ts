// Suppressions outside the content: a suppression file keyed by rule id and content
// fingerprint (each entry with a reason), and `<!-- adscan-disable-next-line … -->` in HTML
// and Markdown. Suppressed findings are listed under `suppressed` with `suppressedBy` and
// counted in the summary, never dropped, and do not decide the exit code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, documentFor, ROOT, runCli, scanJson, type JsonFinding } from './helpers.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

type Fingerprinted = JsonFinding & { fingerprint: string; suppressedBy?: string };
const INLINE = 'fixtures/triage/inline';

let dir: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'adscan-suppress-'));
  writeFileSync(join(dir, 'clinic.txt'), '仁爱医院皮肤科\n本院专治牛皮癣，保证治愈。\n三个疗程根治，无效全额退款！\n');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('suppression file', () => {
  it('moves the listed findings to suppressed with the reason; the exit code follows the rest', async () => {
    const first = await scanJson(['clinic.txt'], { cwd: dir });
    expect(first.code).toBe(1);
    const findings = first.report.documents[0]!.findings as Fingerprinted[];
    for (const f of findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(2);
    // Suppress every error: the two in the cure-guarantee line with one reason, the rest with another.
    const entry = (f: Fingerprinted, reason: string) => `  - rule: ${f.ruleId}\n    fingerprint: ${f.fingerprint}\n    match: "${f.match}"\n    reason: ${reason}\n`;
    writeFileSync(
      join(dir, '.adscan-suppressions.yaml'),
      `suppressions:\n${errors.map((f) => entry(f, f.start.line === 3 ? '已获法务确认' : '旧版页面，下线中')).join('')}`,
    );

    const [second, ignored] = await Promise.all([scanJson(['clinic.txt'], { cwd: dir }), scanJson(['--no-suppressions', 'clinic.txt'], { cwd: dir })]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const doc = second.report.documents[0]!;
    expect(doc.findings.map((f) => f.severity)).not.toContain('error');
    const suppressed = doc.suppressed as Fingerprinted[];
    expect(suppressed.map((s) => [s.ruleId, s.suppressedBy]).sort()).toEqual(
      errors.map((f) => [f.ruleId, `suppression file: ${f.start.line === 3 ? '已获法务确认' : '旧版页面，下线中'}`]).sort(),
    );
    expect(second.report.summary.suppressed).toBe(errors.length);
    expect(second.report.summary.findings).toBe(findings.length - errors.length);
    expect(second.report.summary.bySeverity.error).toBe(0);
    // --no-suppressions ignores the file.
    expect(ignored.code).toBe(1);
    expect(ignored.report.summary.suppressed).toBe(0);
  });

  it('rejects an entry without a reason, naming file and line (exit 2)', async () => {
    const run = await runCli(['scan', '--suppressions', 'fixtures/triage/bad-suppressions/missing-reason.yaml', `${INLINE}/copy.txt`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'adscan: invalid suppression file:\nfixtures/triage/bad-suppressions/missing-reason.yaml:5:5: suppression entry without "reason": every suppression needs a reason\n',
    );
  });
});

describe('inline adscan-disable-next-line', () => {
  it('suppresses the next non-empty line in HTML and Markdown by category, rule id, pack or all rules — not in plain text', async () => {
    const run = await scanJson([INLINE], { cwd: ROOT });
    expect(run.stderr).toBe('');
    const by = (uri: string) => {
      const d = documentFor(run.report, `${INLINE}/${uri}`);
      return {
        findings: d.findings.map((f) => `${f.ruleId}@${f.start.line}`),
        suppressed: (d.suppressed as Fingerprinted[]).map((f) => `${f.ruleId}@${f.start.line} ${f.suppressedBy}`),
      };
    };
    const html = by('page.html');
    expect(html.suppressed).toEqual([
      'efficacy/cure-guarantee-promise@7 inline: adscan-disable-next-line (line 5)',
      'efficacy/cure-guarantee-refund@10 inline: adscan-disable-next-line (line 9)',
      'medical-content/disease-name@10 inline: adscan-disable-next-line (line 9)',
    ]);
    // Other rules on the disabled line, and the same rules on other lines, are still reported.
    expect(html.findings).toEqual(expect.arrayContaining(['medical-content/disease-name@7', 'efficacy/cure-guarantee-timed@8', 'efficacy/cure-guarantee-refund@8']));
    const md = by('copy.md');
    expect(md.suppressed).toEqual([
      'medical-content/disease-name@4 inline: adscan-disable-next-line (line 3)',
      'efficacy/cure-guarantee-promise@4 inline: adscan-disable-next-line (line 3)',
    ]);
    expect(md.findings).toContain('efficacy/cure-guarantee-refund@6');
    // Plain ad copy has no comment syntax: the comment is just text.
    expect(by('copy.txt').suppressed).toEqual([]);
    expect(by('copy.txt').findings).toContain('efficacy/cure-guarantee-promise@3');
    expect(run.report.summary.suppressed).toBe(5);
  });
});
