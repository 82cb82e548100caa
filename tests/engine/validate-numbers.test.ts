import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/classify/numbers/find-numbers.js';
import { validateMedicalCertificate } from '../../src/engine/numbers/validate-medical-certificate.js';
import { validateProductApproval } from '../../src/engine/numbers/validate-product-approval.js';

const today = new Date(Date.UTC(2026, 10, 23));
const groups = (text: string) => findNumbers(text.normalize('NFKC'))[0]!.groups;
const med = (text: string, asOf = today) => validateMedicalCertificate(groups(text), asOf).map((i) => `${i.severity}:${i.reason}`);
const prod = (text: string, asOf = today) => validateProductApproval(groups(text), asOf).map((i) => `${i.severity}:${i.reason}`);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('validateMedicalCertificate', () => {
  it.each([
    ['（京）医广【2016】第07-01-0355号', '2017-06-30'],
    ['(京)中医广【2007】第01-30-10号', '2007-12-31'],
    ['(呼市)医广【2017】第01-03-02号', '2017-05-01'],
    ['（渝）医广[2015]（网络）第189号', '2015-10-01'],
    ['(湘)医广【2013】第13-0731-974号', '2013-09-01'],
  ])('accepts %s as of %s', (text, asOf) => {
    expect(med(text, day(asOf))).toEqual([]);
  });

  it('holds a certificate valid for one year from its approval date', () => {
    expect(med('(浙)医广【2025】第03-15-0021号', day('2026-03-15'))).toEqual([]);
    expect(med('(浙)医广【2025】第03-15-0021号', day('2026-03-16'))).toEqual(['error:expired']);
  });

  it('only warns about expiry when the approval date cannot be read', () => {
    expect(med('（渝）医广[2015]（网络）第189号', day('2016-01-02'))).toEqual(['warning:expired']);
  });

  it('rejects an impossible month-day', () => {
    expect(med('（浙）（杭）医广【2018】第88-88-088号', day('2018-12-01'))).toEqual(['error:invalid-date']);
  });
  it('rejects a non-mainland or unknown issuer', () => {
    expect(med('（台）医广【2019】第01-02-003号', day('2019-06-01'))).toEqual(['error:non-mainland-issuer']);
    expect(med('(X)医广【2024】第03-15-0021号', day('2024-06-01'))).toEqual(['error:unknown-issuer']);
  });
  it('rejects a missing serial and a year in the future', () => {
    expect(med('(浙)医广【2024】第号')).toEqual(['error:missing-serial']);
    expect(med('(浙)医广【2031】第03-15-0021号')).toEqual(['error:implausible-year']);
  });
  it('warns about a missing issuer', () => {
    expect(med('医广【2024】第03-15-0021号', day('2024-06-01'))).toEqual(['warning:no-issuer']);
  });
});

describe('validateProductApproval', () => {
  it.each(['豫械广审(文)第261112-17214号', '粤械广审（文）第280917-05538号', '浙药广审(文)第270312-00123号'])('accepts %s', (text) => {
    expect(prod(text, day('2026-11-01'))).toEqual([]);
  });

  it('rejects a number past the expiry date it carries', () => {
    expect(prod('豫械广审(文)第261112-17214号', day('2026-11-12'))).toEqual([]);
    expect(prod('豫械广审(文)第261112-17214号', day('2026-11-13'))).toEqual(['error:expired']);
  });

  it('rejects an old-layout number more than a year after its approval month', () => {
    expect(prod('皖药广审（视）第：2015010001号', day('2015-06-01'))).toEqual(['warning:old-format']);
    expect(prod('皖药广审（视）第：2015010001号', day('2016-02-01'))).toEqual(['error:expired']);
  });
  it('rejects the national prefix and the old layout with an impossible month', () => {
    expect(prod('国药广审(视)第2024010007号')).toEqual(['error:national-prefix', 'error:implausible-date']);
  });
  it('rejects an impossible expiry date', () => {
    expect(prod('豫械广审(文)第261332-17214号')).toEqual(['error:invalid-expiry']);
  });
  it('flags a missing media tag, a missing serial, odd layouts and the 特医 spelling', () => {
    expect(prod('浙药广审第270312-00123号')).toEqual(['error:missing-media-tag']);
    expect(prod('浙药广审(文)第号')).toEqual(['error:missing-serial']);
    expect(prod('浙药广审(文)第12345号')).toEqual(['error:unrecognised-layout']);
    expect(prod('粤特医广审(文)第270101-00012号')).toEqual(['warning:nonstandard-kind']);
  });
  it('rejects a missing issuer prefix', () => {
    expect(prod('食健广审(文)第270101-00012号')).toEqual(['error:missing-issuer']);
  });
});
