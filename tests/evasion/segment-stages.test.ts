import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runSegment } from '../../src/cli/segment-command.js';
import type { CliIo } from '../../src/cli/io.js';

/** Runs `adscan segment` in-process and returns what it printed. */
async function segment(text: string, json = false): Promise<string> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const io: CliIo = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: process.cwd() };
  await runSegment(text, { builtinRules: true, json }, io);
  return Buffer.concat(chunks).toString('utf8');
}

describe('adscan segment shows why a disguised phrase matched', () => {
  it('prints every stage that changed the text, then the normalised text and its tokens', async () => {
    const out = await segment('當(dang)事人保*证*zhi4愈，処方薬ㄧ次根治');
    const lines = new Map(out.trim().split('\n').map((l) => [l.slice(0, 11).trim(), l.slice(11)] as const));
    expect([...lines.keys()]).toEqual([
      'original', 'invisibles', 'width', 'lookalikes', 'script', 'ruby', 'masks', 'separators', 'pinyin', 'repeats', 'normalized', 'tokens',
    ]);
    expect(lines.get('lookalikes')).toBe('當(dang)事人保*证*zhi4愈,处方药一次根治');
    expect(lines.get('ruby')).toBe('当事人保*证*zhi4愈,处方药一次根治');
    expect(lines.get('separators')).toBe('当事人保证zhi4愈,处方药一次根治');
    expect(lines.get('pinyin')).toBe('当事人保证治愈,处方药一次根治');
    expect(lines.get('masks')).toBe('(unchanged)');
    expect(lines.get('normalized')).toBe('当事人保证治愈,处方药一次根治');
    expect(lines.get('tokens')).toContain('保证/');
  });

  it('lists the stages in JSON too', async () => {
    const out = JSON.parse(await segment('保保证证治治愈愈', true)) as { steps: { name: string; text: string }[]; normalized: string };
    expect(out.steps.find((s) => s.name === 'repeats')!.text).toBe('保证治愈');
    expect(out.normalized).toBe('保证治愈');
  });
});
