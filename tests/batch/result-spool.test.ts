import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool } from '../../src/batch/result-spool.js';
import type { DocumentResult } from '../../src/core/types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function doc(i: number, text = '保证治愈'): DocumentResult {
  return { uri: `doc-${i}.html`, adTypes: [], context: 'ad', evidence: [], findings: [], suppressed: [], error: i % 7 === 0 ? `bad ${text}` : null };
}

describe('ResultSpool', () => {
  it('gives back every document in order, across read-buffer boundaries, and cleans up', () => {
    const parent = mkdtempSync(join(tmpdir(), 'spool-test-'));
    dirs.push(parent);
    const spool = new ResultSpool(parent);
    // ~3 MB of lines with multi-byte text and newlines inside strings, so lines straddle the 1 MiB reads.
    const big = '医疗广告\n"引号"'.repeat(4000);
    for (let i = 0; i < 60; i++) spool.add(doc(i, big));
    expect(spool.size).toBe(60);
    const back = [...spool.documents()];
    expect(back.map((d) => d.uri)).toEqual(Array.from({ length: 60 }, (_, i) => `doc-${i}.html`));
    expect(back[7]!.error).toBe(`bad ${big}`);
    // A second pass reads the file again.
    expect([...spool.documents()]).toHaveLength(60);
    spool.dispose();
    spool.dispose();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('is empty when nothing was added and refuses additions once disposed', () => {
    const spool = new ResultSpool();
    expect([...spool.documents()]).toEqual([]);
    spool.dispose();
    expect(() => spool.add(doc(1))).toThrow(/closed/);
  });
});
