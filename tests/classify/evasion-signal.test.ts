import { beforeAll, describe, expect, it } from 'vitest';
import { loadScanner, type LoadedScanner } from '../../src/cli/load-scanner.js';
import { scanText } from '../../src/cli/document-pipeline.js';
import { OffsetMap } from '../../src/core/offset-map.js';

let loaded: LoadedScanner;
beforeAll(async () => {
  loaded = await loadScanner({});
});

function scan(text: string) {
  return scanText(text, [{ name: 'body', text, map: OffsetMap.identity(text.length) }], loaded.scanner, { tokenize: loaded.tokenize });
}

describe('masked characters as a selling signal', () => {
  it('counts a character masked out of a claim towards the ad score', () => {
    const plain = scan('本院采用独家疗法，三天见效。');
    const masked = scan('本院采用独■疗法，三天见效。');
    expect(masked.evidence.some((e) => e.supports === 'ad:evasion')).toBe(true);
    expect(plain.evidence.some((e) => e.supports === 'ad:evasion')).toBe(false);
  });

  it('does not turn a penalty decision with redacted names into an ad', () => {
    const decision =
      '行政处罚决定书\n当事人：王**，某某养生馆经营者。经查，当事人于2024年3月发布含有“保证治愈”内容的广告。' +
      '依据《中华人民共和国广告法》第五十八条，决定处以罚款五万元。特此公告。';
    const r = scan(decision);
    expect(r.context).not.toBe('ad');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
