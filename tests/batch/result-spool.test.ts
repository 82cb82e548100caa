import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool } from '../../src/batch/result-spool.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ResultSpool', () => {
  it('gives back every record byte for byte and in order, across read-buffer boundaries, and cleans up', () => {
    const parent = mkdtempSync(join(tmpdir(), 'spool-test-'));
    dirs.push(parent);
    const spool = new ResultSpool(parent);
    // ~3 MB of records with multi-byte text and line breaks inside (records are framed by
    // length, not by lines), so records straddle the 1 MiB reads; one far larger than a read.
    const big = '医疗广告\n"引号"\r\n12\n'.repeat(4000);
    const records = Array.from({ length: 60 }, (_, i) => (i === 30 ? `huge ${'药'.repeat(1_500_000)}` : `${i}\n${big}${i % 3 === 0 ? '' : '\n'}`));
    records.push('', '\n', '😀 astral');
    for (const r of records) spool.add(r);
    expect(spool.size).toBe(records.length);
    const back = [...spool.records()].map((r) => r.toString('utf8'));
    expect(back.length).toBe(records.length);
    back.forEach((r, i) => expect(r === records[i], `record ${i}`).toBe(true));
    // A second pass reads the file again.
    expect([...spool.records()]).toHaveLength(records.length);
    spool.dispose();
    spool.dispose();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('is empty when nothing was added and refuses additions once disposed', () => {
    const spool = new ResultSpool();
    expect([...spool.records()]).toEqual([]);
    spool.dispose();
    expect(() => spool.add('x')).toThrow(/closed/);
  });
});
