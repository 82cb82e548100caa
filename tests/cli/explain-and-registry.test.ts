import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './helpers.js';

beforeAll(assertBuilt);

describe('adscan explain', () => {
  it('explains a category: every rule of it, with law, fix and examples', async () => {
    const r = await runCli(['explain', 'cure-rate', '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cure-rate \(C17\)/);
    expect(r.stdout).toContain('efficacy/cure-rate-term');
    expect(r.stdout).toContain('《广告法》第十六条第一款第二项');
    expect(r.stdout).toMatch(/✖ 总有效率达98\.6%/);
    expect(r.stdout).toMatch(/✔ 该病的发病率逐年上升/);
  });

  it('explains one rule by id, and accepts a catalogue code', async () => {
    const r = await runCli(['explain', 'authorisation/missing-otc-notice', '--no-color']);
    expect(r.stdout).toContain('require-statement (otc-purchase-use, rx-professional-only)');
    expect(r.stdout).not.toContain('missing-rx-notice');
    expect((await runCli(['explain', 'C16', '--no-color'])).stdout).toMatch(/^cure-guarantee \(C16\)/);
  });

  it('fails with exit 2 on an unknown subject', async () => {
    const r = await runCli(['explain', 'no-such-thing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no rule or category "no-such-thing"');
  });
});

describe('adscan scan --cert-registry and --as-of', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adscan-reg-'));
  const good = join(dir, 'good.txt');
  const fake = join(dir, 'fake.txt');
  writeFileSync(good, '杭州仁和医院 专业胃肠诊疗\n(浙)医广【2026】第03-18-0105号 预约电话：0571-88886666\n');
  writeFileSync(fake, '东方男科医院 专治不孕不育\n(浙)医广【2026】第03-18-0999号 预约电话：0571-88886666\n');
  const scan = async (...args: string[]) => {
    const r = await runCli(['scan', good, fake, '--format', 'json', '--cert-registry', 'fixtures/registry/issued.csv', ...args]);
    type F = { category: string; severity: string; message: string };
    const docs = JSON.parse(r.stdout).documents as { findings: F[] }[];
    // Only the number findings matter here (the ads may also name diseases: info).
    return { code: r.code, docs: docs.map((d) => ({ findings: d.findings.filter((f) => f.category.includes('certificate')) })) };
  };

  it('reports a number that was never issued as an error, and passes one in force', async () => {
    const { code, docs } = await scan('--as-of', '2026-11-28');
    expect(code).toBe(1);
    expect(docs[0]!.findings).toEqual([]);
    expect(docs[1]!.findings).toMatchObject([{ category: 'malformed-review-certificate', severity: 'error' }]);
    expect(docs[1]!.findings[0]!.message).toContain('审查登记中无此文号');
  });

  it('reports a registered number past its validity on the --as-of date', async () => {
    const { docs } = await scan('--as-of', '2027-06-01');
    expect(docs[0]!.findings).toMatchObject([{ category: 'malformed-review-certificate', severity: 'error' }]);
    expect(docs[0]!.findings[0]!.message).toContain('不在有效期内');
  });

  it('rejects a malformed --as-of date and a broken registry with exit 2', async () => {
    expect((await runCli(['scan', good, '--as-of', '2026-02-30'])).code).toBe(2);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'number,holder\nX,Y\n');
    const r = await runCli(['scan', good, '--cert-registry', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.csv:1: missing column(s) valid_from, valid_to');
  });
});
