// Shared helpers for the end-to-end CLI tests: they run the BUILT CLI (bin/adscan →
// dist/cli/main.js) as a child process, the way a user or a CI job does.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'adscan');
export const TEXT_ADS = 'fixtures/ads/text';
export const PAGES = 'fixtures/ads/pages';
export const CLI_FIXTURES = 'fixtures/cli';
/**
 * Review certificates and approval numbers expire, so what a scan finds depends on the date.
 * Every `scan` here runs as of a day on which the fixtures' numbers are all valid, unless
 * the test passes its own --as-of.
 */
export const AS_OF = '2026-03-01';

/** For beforeAll: a clear message instead of a wall of "cannot start" failures. */
export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` (or `npm test`, whose pretest builds) first');
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the child's stdin, which is then closed (stdin is always closed). */
  input?: string | Uint8Array;
  /** Added to the environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Working directory of the child (default: the repository root). */
  cwd?: string;
}

/**
 * Runs `adscan ARGS` asynchronously (never spawnSync: URL tests serve HTTP from this
 * process, whose event loop must keep running). Colour variables inherited from the test
 * runner are dropped so every test states the environment it depends on. `scan` gets
 * `--as-of AS_OF` unless the arguments name a date.
 */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const argv = args[0] === 'scan' && !args.includes('--as-of') ? ['scan', '--as-of', AS_OF, ...args.slice(1)] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: options.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`adscan ${args.join(' ')}: no exit within ${options.timeoutMs ?? 20_000} ms`));
    }, options.timeoutMs ?? 20_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    // The CLI may exit before reading stdin (it only reads it for `-`).
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

// The JSON report as the tests read it.
export interface Position {
  offset: number;
  line: number;
  column: number;
}
export interface JsonFinding {
  ruleId: string;
  category: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  match: string;
  field: string;
  start: Position;
  end: Position;
  snippet: string;
  occurrences?: number;
  snippetMatch?: [number, number];
  law: string[];
  suggestion: string;
  reason?: string;
}
export interface JsonDocument {
  uri: string;
  adTypes: string[];
  context: string;
  evidence: unknown[];
  error: string | null;
  findings: JsonFinding[];
  suppressed: JsonFinding[];
  charset?: string;
  format?: string;
  finalUri?: string;
}
export interface JsonReport {
  tool: { name: string; version: string };
  summary: {
    documents: number;
    findings: number;
    failed: number;
    suppressed: number;
    bySeverity: { error: number; warning: number; info: number };
    byCategory: Record<string, number>;
  };
  documents: JsonDocument[];
}

/** `adscan scan --format json ARGS`, parsed; stdout must be exactly one JSON document. */
export async function scanJson(args: string[], options: RunOptions = {}): Promise<CliRun & { report: JsonReport }> {
  const run = await runCli(['scan', '--format', 'json', ...args], options);
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout.slice(0, 500)}\nstderr:\n${run.stderr.slice(0, 2000)}`);
  }
  return { ...run, report };
}

export function documentFor(report: JsonReport, uri: string): JsonDocument {
  const doc = report.documents.find((d) => d.uri === uri);
  if (!doc) throw new Error(`no document ${uri} in report (have: ${report.documents.map((d) => d.uri).join(', ')})`);
  return doc;
}

/**
 * 1-based line and UTF-16 column of `offset`, computed independently of the CLI:
 * CRLF, lone CR and LF each end a line.
 */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** A document-level finding (e.g. a missing certificate) points at the start and matches nothing. */
export function isDocumentLevel(f: JsonFinding): boolean {
  return f.match === '';
}

/** Checks that a finding's positions are coherent with the decoded original it indexes. */
export function expectPositionsAgree(original: string, f: JsonFinding): void {
  const where = `${f.ruleId} “${f.match}”`;
  expect(f.start.offset, where).toBeGreaterThanOrEqual(0);
  expect(f.end.offset, where).toBeGreaterThanOrEqual(f.start.offset);
  expect(f.end.offset, where).toBeLessThanOrEqual(original.length);
  expect(f.start, where).toEqual(positionOf(original, f.start.offset));
  expect(f.end, where).toEqual(positionOf(original, f.end.offset));
  if (isDocumentLevel(f)) {
    expect(f.start, where).toEqual({ offset: 0, line: 1, column: 1 });
    expect(f.end, where).toEqual({ offset: 0, line: 1, column: 1 });
  } else {
    expect(f.end.offset, where).toBeGreaterThan(f.start.offset);
  }
}

/** Every key the JSON contract promises on a finding, with the right type. */
export function expectFindingShape(f: JsonFinding): void {
  expect(typeof f.ruleId).toBe('string');
  expect(f.ruleId).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
  expect(typeof f.category).toBe('string');
  expect(f.category.length).toBeGreaterThan(0);
  expect(['error', 'warning', 'info']).toContain(f.severity);
  expect(typeof f.message).toBe('string');
  expect(f.message.length).toBeGreaterThan(0);
  expect(typeof f.match).toBe('string');
  expect(['title', 'meta', 'alt', 'body']).toContain(f.field);
  for (const p of [f.start, f.end]) {
    expect(Object.keys(p)).toEqual(['offset', 'line', 'column']);
    for (const v of Object.values(p)) expect(Number.isInteger(v)).toBe(true);
  }
  expect(typeof f.snippet).toBe('string');
  expect(Array.isArray(f.law)).toBe(true);
  expect(f.law.length).toBeGreaterThan(0);
  for (const l of f.law) expect(typeof l).toBe('string');
  expect(typeof f.suggestion).toBe('string');
  // The snippet shows the match (whitespace collapsed) where snippetMatch says it is.
  if (f.snippetMatch && !isDocumentLevel(f)) {
    expect(f.snippet.slice(...f.snippetMatch)).toBe(f.match.replace(/\s+/gu, ' '));
  }
}

/** ESC, as in ANSI colour sequences. */
// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*m/g;
