// The default pretty format: one `path:line:col  severity  category  message  (rule)` line
// per finding, a block per document with findings or a read error, a summary line; colour
// only when asked for (flag, FORCE_COLOR or a TTY), never with --no-color or NO_COLOR.
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ANSI, assertBuilt, CLI_FIXTURES, ROOT, runCli, scanJson, TEXT_ADS, type CliRun, type JsonReport } from './helpers.js';

// Each CLI run is a Node start-up plus rule compilation; leave room for a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const PSORIASIS = `${TEXT_ADS}/psoriasis-hospital.txt`;
const COMPLIANT = `${TEXT_ADS}/compliant-hospital.txt`;
const WARNING_ONLY = `${CLI_FIXTURES}/warning-only.txt`;
const MISSING = `${CLI_FIXTURES}/no-such-file.txt`;
const INPUTS = [PSORIASIS, COMPLIANT, MISSING, WARNING_ONLY];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let json: JsonReport;
let noColorFlag: CliRun;
let noColorEnv: CliRun;
let forced: CliRun;
let colorFlag: CliRun;
let clean: CliRun;

beforeAll(async () => {
  assertBuilt();
  let jsonRun;
  [jsonRun, noColorFlag, noColorEnv, forced, colorFlag, clean] = await Promise.all([
    scanJson(INPUTS),
    // --no-color beats FORCE_COLOR.
    runCli(['scan', '--no-color', ...INPUTS], { env: { FORCE_COLOR: '1' } }),
    // NO_COLOR beats FORCE_COLOR.
    runCli(['scan', ...INPUTS], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }),
    // The control: FORCE_COLOR alone does colour a pipe. An absolute path is shown relative to the cwd.
    runCli(['scan', join(ROOT, PSORIASIS), ...INPUTS.slice(1)], { env: { FORCE_COLOR: '1' } }),
    // --color beats NO_COLOR.
    runCli(['scan', '--color', COMPLIANT], { env: { NO_COLOR: '1' } }),
    runCli(['scan', '--no-color', COMPLIANT]),
  ]);
  json = jsonRun.report;
});

describe('pretty output without colour', () => {
  it('has no escape sequences with --no-color or NO_COLOR=1, even under FORCE_COLOR, and both agree', () => {
    for (const run of [noColorFlag, noColorEnv]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toContain('\u001b');
    }
    expect(noColorEnv.stdout).toBe(noColorFlag.stdout);
  });

  it('has a path:line:col, severity, category, message and rule line for every finding in the JSON report', () => {
    const findings = json.documents.flatMap((d) => d.findings.map((f) => ({ uri: d.uri, ...f })));
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) {
      const line = new RegExp(
        `^  ${escape(`${f.uri}:${f.start.line}:${f.start.column}`)}\\s+${f.severity}\\s+${escape(f.category)}\\s+` +
          `${escape(f.message)}${f.occurrences ? ` ×${f.occurrences}` : ''}\\s+\\(${escape(f.ruleId)}`,
        'm',
      );
      expect(noColorFlag.stdout, `${f.ruleId} ${f.match}`).toMatch(line);
    }
    // Spot checks that do not depend on the JSON run.
    expect(noColorFlag.stdout).toMatch(new RegExp(`^  ${escape(PSORIASIS)}:4:8\\s+error\\s+cure-guarantee\\s+`, 'm'));
    expect(noColorFlag.stdout).toMatch(new RegExp(`^  ${escape(WARNING_ONLY)}:2:1\\s+warning\\s+disguised-news\\s+`, 'm'));
  });

  it('marks the match in its snippet and shows the legal basis and the suggestion', () => {
    const block = noColorFlag.stdout.slice(noColorFlag.stdout.indexOf(`${PSORIASIS}:4:8`));
    const [, snippet, law, suggestion] = block.split('\n');
    expect(snippet).toBe('    三个疗程根治，[保证治愈]，无效全额退款！');
    expect(law).toMatch(/^ {4}法律依据: 《广告法》/);
    expect(suggestion).toMatch(/^ {4}建议: /);
  });

  it('heads each block with the document, its ad types and context; lists read errors; skips clean documents', () => {
    const out = noColorFlag.stdout;
    expect(out).toContain(`${PSORIASIS}  medical · ad\n`);
    expect(out).toContain(`${MISSING}  unknown\n  error  no such file or directory\n`);
    expect(out).not.toContain(COMPLIANT);
  });

  it('ends with a summary line whose counts match the JSON report', () => {
    const s = json.summary;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    const withFindings = json.documents.filter((d) => d.findings.length > 0).length;
    expect(withFindings).toBe(2);
    const expected =
      `✖ ${plural(s.findings, 'problem')} (${plural(s.bySeverity.error, 'error')}, ${plural(s.bySeverity.warning, 'warning')}, ` +
      `${s.bySeverity.info} info) in ${withFindings} of 4 documents · 1 failed` +
      (s.suppressed > 0 ? ` · ${s.suppressed} suppressed` : '');
    const lines = noColorFlag.stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe(expected);
  });

  it('says so when nothing was found', () => {
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('✔ no problems found in 1 document\n');
  });
});

describe('pretty output with colour', () => {
  it('FORCE_COLOR colours a pipe, and the coloured text is the colourless text plus escapes', () => {
    expect(forced.code).toBe(1);
    expect(forced.stdout).toMatch(ANSI);
    expect(forced.stdout.replace(ANSI, '')).toBe(noColorFlag.stdout);
  });

  it('--color colours even with NO_COLOR set', () => {
    expect(colorFlag.code).toBe(0);
    expect(colorFlag.stdout).toMatch(ANSI);
    expect(colorFlag.stdout.replace(ANSI, '')).toBe('✔ no problems found in 1 document\n');
  });
});
