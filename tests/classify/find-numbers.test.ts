import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNumbers, PATTERN_LITERALS } from '../../src/classify/numbers/find-numbers.js';

const kinds = (text: string) => findNumbers(text.normalize('NFKC')).map((n) => `${n.kind}:${n.text}`);

describe('findNumbers', () => {
  it.each([
    ['（京）医广【2016】第07-01-0355号', 'medical-review-certificate:(京)医广【2016】第07-01-0355号'],
    ['(呼市)医广【2017】第01-03-02号', 'medical-review-certificate:(呼市)医广【2017】第01-03-02号'],
    ['（渝）医广[2015]（网络）第189号', 'medical-review-certificate:(渝)医广[2015](网络)第189号'],
    ['鲁中医广字【2013】第0902-001-3711号', 'medical-review-certificate:鲁中医广字【2013】第0902-001-3711号'],
    ['(黔)医广(2024)第12-05-824', 'medical-review-certificate:(黔)医广(2024)第12-05-824'],
    ['豫械广审(文)第261112-17214号', 'device-ad-approval:豫械广审(文)第261112-17214号'],
    ['粤械广审（文）第280917-05538号', 'device-ad-approval:粤械广审(文)第280917-05538号'],
    ['苏医械广审(文)第2012120208号', 'device-ad-approval:苏医械广审(文)第2012120208号'],
    ['皖药广审（视）第：2015010001号', 'drug-ad-approval:皖药广审(视)第:2015010001号'],
    ['京食健广审(文)第230601-00045号', 'health-food-ad-approval:京食健广审(文)第230601-00045号'],
    ['粤食特广审（文）第260101-00012号', 'fsmp-ad-approval:粤食特广审(文)第260101-00012号'],
    ['国药准字Z53021103', 'drug-registration:国药准字Z53021103'],
    ['粤械注准20232192086', 'device-registration:粤械注准20232192086'],
    ['国食健注G20190123', 'health-food-registration:国食健注G20190123'],
    ['食健备G201934001524', 'health-food-registration:食健备G201934001524'],
    ['国食注字TY20180001', 'fsmp-registration:国食注字TY20180001'],
  ])('recognises %s', (text, expected) => {
    expect(kinds(text)).toEqual([expected]);
  });

  it('still catches a certificate whose serial is missing (so it can be reported as malformed)', () => {
    expect(kinds('(浙)医广【2024】第号')).toEqual(['medical-review-certificate:(浙)医广【2024】第号']);
  });

  it.each(['中医广场周末义诊活动', '（X）医广【X1】第X2号', '医广告审查'])('finds nothing in %s', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('treats look-alikes as look-alikes, never as review numbers', () => {
    expect(kinds('国卫办监督函〔2021〕273号')).toEqual(['look-alike:国卫办监督函〔2021〕273号']);
    expect(kinds('粤农药广审（视）01260018号')).toEqual(['look-alike:粤农药广审(视)01260018号']);
    expect(kinds('京ICP备16017287号-1')).toEqual(['look-alike:京ICP备16017287号-1']);
  });

  it('catches an approval number without its issuer prefix, starting at the number itself', () => {
    const text = '功能：补钙\n食健广审(文)第250101-00012号';
    const [n] = findNumbers(text);
    expect(n).toMatchObject({ kind: 'health-food-ad-approval', text: '食健广审(文)第250101-00012号' });
    expect(text.slice(n!.start, n!.end)).toBe(n!.text);
    expect(n!.groups.prov).toBeUndefined();
  });

  it('does not take prose about approval numbers for a number', () => {
    expect(kinds('药品广告须标明药广审批准文号，请认准械广审字样')).toEqual([]);
  });

  it('reports offsets into the text', () => {
    const text = '杭州仁和医院 (浙)医广【2024】第03-15-0021号 电话';
    const [n] = findNumbers(text);
    expect(text.slice(n!.start, n!.end)).toBe('(浙)医广【2024】第03-15-0021号');
    expect(n!.groups.issuer?.trim()).toBe('(浙)');
    expect(n!.groups.year).toBe('2024');
  });
});

describe('findNumbers literal pre-checks', () => {
  // Every text here that holds numbers in some form: rule files (their examples), fixtures
  // (HTML and text ads, regulatory pages) and the labelled dev corpus.
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|txt|html?|md|jsonl?)$/u.test(e.name)) texts.push(readFileSync(p, 'utf8').normalize('NFKC'));
    }
  };
  walk('rules');
  walk('fixtures');
  const dev = join('..', 'shared', 'corpus', 'dev', 'ads.jsonl');
  if (existsSync(dev)) texts.push(readFileSync(dev, 'utf8').normalize('NFKC'));

  it('every match of every pattern holds one of the literals its pre-check looks for', () => {
    let total = 0;
    for (const [re, literals] of PATTERN_LITERALS) {
      for (const text of texts) {
        for (const m of text.matchAll(re)) {
          total++;
          expect(literals.some((l) => m[0].includes(l)), `${re.source.slice(0, 40)}… matched "${m[0]}" without ${literals.join('/')}`).toBe(true);
        }
      }
    }
    expect(total).toBeGreaterThan(100);
  });
});
