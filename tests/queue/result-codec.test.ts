import { describe, expect, it } from 'vitest';
import { packResult, unpackResult } from '../../src/queue/result-codec.js';
import type { DocumentResult } from '../../src/core/types.js';
import { cureGuarantee, doc, finding } from '../report/sample-result.js';

/** A page's result with `n` findings that share their law and suggestion, as real ones do. */
function page(n: number): DocumentResult {
  return doc({
    uri: 'https://example.test/页面?q=1',
    adTypes: ['medical'],
    context: 'ad',
    evidence: [{ supports: 'medical', indicator: '医院', weight: 3, field: 'body', offset: 2 }],
    findings: Array.from({ length: n }, (_, i) =>
      finding({
        ...cureGuarantee,
        message: `利用“保证治愈”作承诺 ${i}\u2028`,
        start: { offset: 10 + i, line: 1, column: 11 + i },
        end: { offset: 14 + i, line: 1, column: 15 + i },
        snippet: '…本院保证治愈😀…',
        law: ['《广告法》第十六条第一款第二项', '《医疗广告管理办法》第七条'],
        suggestion: '删除对疗效的保证性承诺。',
      }),
    ),
    sha256: 'ab'.repeat(32),
  });
}

describe('result codec (what workers leave in Redis)', () => {
  it('gives back exactly the document it packed, several times smaller', () => {
    const d = page(40);
    const packed = packResult(d);
    expect(packed.v).toBe(1);
    expect(unpackResult(JSON.parse(JSON.stringify(packed)))).toEqual(d);
    expect(JSON.stringify(packed).length * 4).toBeLessThan(Buffer.byteLength(JSON.stringify(d)));
  });

  it('reads a plain result left by an older worker as it is', () => {
    const d = page(1);
    expect(unpackResult(JSON.parse(JSON.stringify(d)))).toEqual(d);
  });

  it('says null, not throws, for values it cannot read', () => {
    for (const bad of [null, undefined, 'text', 42, {}, { v: 2, z: 'x' }, { v: 1, z: 'not base64 deflate!' }, { v: 1, z: packResult(page(0)).z.slice(0, 10) }]) {
      expect(unpackResult(bad)).toBeNull();
    }
  });
});
