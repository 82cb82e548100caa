// The other commands: `segment` (normalisation stages and jieba tokens), `rules test`
// (every rule's examples) and `rules validate` (schema and regex checks with file:line).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, CLI_FIXTURES, runCli } from './helpers.js';

// Each CLI run is a Node start-up plus rule compilation; leave room for a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const BAD_RULES = `${CLI_FIXTURES}/bad-rules`;
const INFO_PACK = `${CLI_FIXTURES}/rules/info-pack.yaml`;

beforeAll(assertBuilt);

/** `segment` prints `label␠…value` lines; the label column is 11 wide. */
function segmentLines(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of stdout.split('\n').filter(Boolean)) {
    const m = /^(\S+)\s+(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

const tokenWords = (tokens: string) => tokens.split(' ').map((t) => t.slice(0, t.lastIndexOf('/')));

describe('adscan segment', () => {
  it('prints the original, each normalisation stage, the normalised text and its tokens', async () => {
    const run = await runCli(['segment', '本院专治牛皮癣，保证治愈']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = segmentLines(run.stdout);
    expect([...lines.keys()][0]).toBe('original');
    expect(lines.get('original')).toBe('本院专治牛皮癣，保证治愈');
    // The full-width comma becomes ASCII; Simplified text stays as it is.
    expect(lines.get('normalized')).toBe('本院专治牛皮癣,保证治愈');
    expect(lines.get('script')).toBe('(unchanged)');
    expect([...lines.keys()].slice(-2)).toEqual(['normalized', 'tokens']);
    const words = tokenWords(lines.get('tokens')!);
    // Tokens cover the normalised text exactly, in order, and keep rule terms whole.
    expect(words.join('')).toBe('本院专治牛皮癣,保证治愈');
    expect(words).toEqual(expect.arrayContaining(['牛皮癣', '保证', '治愈']));
    for (const t of lines.get('tokens')!.split(' ')) expect(t).toMatch(/^.+\/[a-z]+$/);
  });

  it('reads stdin for -, folds Traditional to Simplified and full-width to ASCII', async () => {
    const run = await runCli(['segment', '-'], { input: '本院專治牛皮癬，保證治癒！ＡＢＣ\n' });
    expect(run.code).toBe(0);
    const lines = segmentLines(run.stdout);
    expect(lines.get('original')).toBe('本院專治牛皮癬，保證治癒！ＡＢＣ');
    expect(lines.get('width')).toBe('本院專治牛皮癬,保證治癒!ABC');
    expect(lines.get('script')).toBe('本院专治牛皮癣,保证治愈!ABC');
    expect(lines.get('normalized')).toBe('本院专治牛皮癣,保证治愈!ABC');
    expect(tokenWords(lines.get('tokens')!).join('')).toBe('本院专治牛皮癣,保证治愈!ABC');
  });

  it('shows a mask no known word fills as a visible wildcard', async () => {
    const run = await runCli(['segment', '本院采用独■疗法']);
    expect(run.code).toBe(0);
    const lines = segmentLines(run.stdout);
    expect(lines.get('masks')).toBe('本院采用独⟨?⟩疗法');
    expect(lines.get('normalized')).toBe('本院采用独⟨?⟩疗法');
  });

  it('rejects empty text with exit 2', async () => {
    const run = await runCli(['segment', '   ']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('adscan: segment: empty text\n');
  });
});

describe('adscan rules test', () => {
  it('passes every example of the bundled packs', async () => {
    const run = await runCli(['rules', 'test', '--no-color']);
    expect(run.stderr).toBe('');
    const summary = /^✔ (\d+) rules, (\d+) examples: (\d+) passed, 0 failed$/m.exec(run.stdout);
    expect(summary, run.stdout).not.toBeNull();
    expect(Number(summary![1])).toBeGreaterThan(10);
    expect(summary![2]).toBe(summary![3]);
    expect(run.code).toBe(0);
  });

  it('with a PATH, tests only the packs defined there', async () => {
    const run = await runCli(['rules', 'test', '--no-color', INFO_PACK]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ 1 rules, 2 examples: 2 passed, 0 failed\n');
  });
});

describe('adscan rules validate', () => {
  const cases: [file: string, line: number, message: RegExp][] = [
    ['yaml-syntax.yaml', 5, /YAML syntax: /],
    ['unknown-key.yaml', 12, /unknown key "severty"/],
    ['unknown-category.yaml', 4, /unknown category "miracle-claims"/],
    ['bad-regex.yaml', 11, /invalid regex: .*Unterminated group/],
  ];

  it.each(cases)('%s: exit 2, the problem at file:%i', async (file, line, message) => {
    const path = `${BAD_RULES}/${file}`;
    const run = await runCli(['rules', 'validate', path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const problems = run.stderr.trim().split('\n');
    expect(problems, run.stderr).toHaveLength(1);
    const m = /^(.+):(\d+):(\d+): (.*)$/.exec(problems[0]!);
    expect(m, run.stderr).not.toBeNull();
    expect(m![1]).toBe(path);
    expect(Number(m![2])).toBe(line);
    expect(m![4]).toMatch(message);
  });

  it('a directory: every bad file, sorted, each with its line', async () => {
    const run = await runCli(['rules', 'validate', BAD_RULES]);
    expect(run.code).toBe(2);
    const locations = run.stderr
      .trim()
      .split('\n')
      .map((l) => /^(.+?):(\d+):\d+: /.exec(l)?.slice(1, 3).join(':'));
    expect(locations).toEqual(
      [...cases].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, line]) => `${BAD_RULES}/${file}:${line}`),
    );
  });

  it('a good file: exit 0 and a one-line verdict', async () => {
    const run = await runCli(['rules', 'validate', INFO_PACK]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ 1 files, 1 rules, 0 masks: valid\n');
  });
});
