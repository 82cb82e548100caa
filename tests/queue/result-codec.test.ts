import { describe, expect, it } from 'vitest';
import { packResult, unpackResult } from '../../src/queue/result-codec.js';
import type { DocumentResult } from '../../src/core/types.js';

function doc(findings: number): DocumentResult {
  return {
    uri: 'https://example.test/页面?q=1',
    adTypes: ['medical'],
    context: 'ad',
    evidence: [{ supports: 'medical', indicator: '医院', weight: 3, field: 'body', offset: 2 }],
    findings: Array.from({ length: findings }, (_, i) => ({
      ruleId: 'efficacy/cure-guarantee-promise',
      category: 'cure-guarantee',
      severity: 'error' as const,
      message: `利用“保证治愈”作承诺 ${i}\u2028`,
      match: '保证治愈',
      field: 'body' as const,
      start: { offset: 10 + i, line: 1, column: 11 + i },
      end: { offset: 14 + i, line: 1, column: 15 + i },
      snippet: '…本院保证治愈😀…',
      snippetMatch: [3, 7] as [number, number],
      law: ['《广告法》第十六条第一款第二项', '《医疗广告管理办法》第七条'],
      suggestion: '删除对疗效的保证性承诺。',
    })),
    suppressed: [],
    error: null,
    sha256: 'ab'.repeat(32),
  };
}

describe('result codec (what workers leave in Redis)', () => {
  it('gives back exactly the document it packed, several times smaller', () => {
    const d = doc(40);
    const packed = packResult(d);
    expect(packed.v).toBe(1);
    expect(unpackResult(JSON.parse(JSON.stringify(packed)))).toEqual(d);
    expect(JSON.stringify(packed).length * 4).toBeLessThan(Buffer.byteLength(JSON.stringify(d)));
  });

  it('reads a plain result left by an older worker as it is', () => {
    const d = doc(1);
    expect(unpackResult(JSON.parse(JSON.stringify(d)))).toEqual(d);
  });

  it('says null, not throws, for values it cannot read', () => {
    for (const bad of [null, undefined, 'text', 42, {}, { v: 2, z: 'x' }, { v: 1, z: 'not base64 deflate!' }, { v: 1, z: packResult(doc(0)).z.slice(0, 10) }]) {
      expect(unpackResult(bad)).toBeNull();
    }
  });
});
