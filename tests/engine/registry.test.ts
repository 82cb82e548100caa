import { describe, expect, it } from 'vitest';
import { buildRegistry, checkRegistry, numberKey } from '../../src/engine/numbers/registry.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const registry = buildRegistry([
  { number: '(浙)医广【2026】第03-18-0105号', holder: '杭州仁和医院有限公司', validFrom: day('2026-03-18'), validTo: day('2027-03-18'), source: 't:2' },
  { number: '浙药广审(文)第270415-00218号', holder: '浙江康宁制药股份有限公司', validFrom: day('2025-04-16'), validTo: day('2027-04-15'), source: 't:3' },
]);
const reasons = (text: string, asOf: string, doc: string) => checkRegistry(text, registry, day(asOf), doc).map((i) => `${i.severity}:${i.reason}`);

describe('numberKey', () => {
  it('ignores width, bracket style, spaces and the trailing 号', () => {
    expect(numberKey('（浙）医广【2026】第03－18－0105号')).toBe(numberKey('(浙)医广[2026]第03-18-0105'));
    expect(numberKey('浙药广审（文）第 270415-00218 号')).toBe(numberKey('浙药广审(文)第270415-00218号'));
  });
  it('keeps different numbers apart', () => {
    expect(numberKey('(浙)医广【2026】第03-18-0105号')).not.toBe(numberKey('(浙)医广【2026】第03-18-0106号'));
  });
});

describe('checkRegistry', () => {
  it('accepts a number in force, held by the advertiser the ad names', () => {
    expect(reasons('(浙)医广【2026】第03-18-0105号', '2026-11-28', '杭州仁和医院 专家门诊')).toEqual([]);
    expect(reasons('浙药广审(文)第270415-00218号', '2026-11-28', '浙江康宁制药股份有限公司出品')).toEqual([]);
  });
  it('reports a number that was never issued as an error', () => {
    expect(reasons('(浙)医广【2026】第03-18-0999号', '2026-11-28', '杭州仁和医院')).toEqual(['error:not-in-registry']);
  });
  it('reports a number outside its registered validity as an error', () => {
    expect(reasons('(浙)医广【2026】第03-18-0105号', '2027-03-19', '杭州仁和医院')).toEqual(['error:registry-expired']);
    expect(reasons('(浙)医广【2026】第03-18-0105号', '2026-01-01', '杭州仁和医院')).toEqual(['error:registry-not-yet-valid']);
  });
  it('warns when the registered holder is not named in the ad', () => {
    expect(reasons('(浙)医广【2026】第03-18-0105号', '2026-11-28', '东方男科医院 专治不孕不育')).toEqual(['warning:holder-mismatch']);
  });
});
