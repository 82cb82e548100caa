import { MAINLAND_ISSUERS, NON_MAINLAND, isValidDate } from './provinces.js';
import { isoDate, startOfDay, type NumberIssue } from './validate-medical-certificate.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The post-2020 layout (PAR, in force 2020-03-01) replaced the 10-digit one. */
const NEW_LAYOUT_FROM = 2020;

/**
 * Validates a 广告批准文号 found by PRODUCT_AD_APPROVAL (catalogue §3.2, steps 1 and 3–4;
 * the kind-vs-ad-type step is the separate type-mismatch check).
 */
export function validateProductApproval(g: Record<string, string | undefined>, asOf: Date): NumberIssue[] {
  const issues: NumberIssue[] = [];
  const prov = g.prov ?? '';
  if (prov === '') {
    issues.push({ severity: 'error', reason: 'missing-issuer', message: '缺少审查机关（省级行政区简称）前缀' });
  } else if (prov === '国') {
    issues.push({ severity: 'error', reason: 'national-prefix', message: '广告批准文号由省级部门审查，不存在“国”字头文号' });
  } else if (NON_MAINLAND[prov]) {
    issues.push({ severity: 'error', reason: 'non-mainland-issuer', message: `“${prov}”（${NON_MAINLAND[prov]}）不是内地广告审查机关` });
  } else if (!MAINLAND_ISSUERS[prov]) {
    issues.push({ severity: 'error', reason: 'unknown-issuer', message: `“${prov}”不是省级行政区简称` });
  }
  if (g.kind === '特医') {
    issues.push({ severity: 'warning', reason: 'nonstandard-kind', message: '“特医广审”为非标准写法，应为“食特广审”' });
  }
  if (!g.media) {
    issues.push({ severity: 'error', reason: 'missing-media-tag', message: '缺少媒介类别“(视)”“(声)”或“(文)”' });
  } else if (!['视', '声', '文'].includes(g.media)) {
    issues.push({ severity: 'error', reason: 'invalid-media-tag', message: `媒介类别“${g.media}”无效，应为视、声或文` });
  }

  if (g.exp) {
    const y = 2000 + Number(g.exp.slice(0, 2));
    const m = Number(g.exp.slice(2, 4));
    const d = Number(g.exp.slice(4, 6));
    if (!isValidDate(y, m, d)) {
      issues.push({ severity: 'error', reason: 'invalid-expiry', message: `有效期 ${g.exp} 不是有效的年月日（YYMMDD）` });
    } else if (Date.UTC(y, m - 1, d) < startOfDay(asOf)) {
      issues.push({ severity: 'error', reason: 'expired', message: `文号有效期至 ${y}-${pad(m)}-${pad(d)}，已过期（核查日期 ${isoDate(asOf)}）` });
    }
    if (g.kind === '医械') {
      issues.push({ severity: 'warning', reason: 'mixed-layout', message: '新版编号却使用旧称“医械广审”，现行写法为“械广审”' });
    }
  } else if (g.old) {
    const y = Number(g.old.slice(0, 4));
    const m = Number(g.old.slice(4, 6));
    if (!(y >= 1995 && y <= NEW_LAYOUT_FROM && m >= 1 && m <= 12)) {
      issues.push({ severity: 'error', reason: 'implausible-date', message: `旧版编号的年月 ${g.old.slice(0, 6)} 不可能` });
    } else if (Date.UTC(y + 1, m, 1) <= startOfDay(asOf)) {
      // Valid one year from the approval month: past its last day it has certainly expired.
      issues.push({ severity: 'error', reason: 'expired', message: `2020年前的旧版文号（${y}年${m}月批准，有效期一年）已过期（核查日期 ${isoDate(asOf)}）` });
    } else {
      issues.push({ severity: 'warning', reason: 'old-format', message: '2020年前的10位旧版文号，现行文号为“第YYMMDD-NNNNN号”格式' });
    }
  } else if (g.other) {
    issues.push({ severity: 'error', reason: 'unrecognised-layout', message: `编号“${g.other}”不符合“第YYMMDD-NNNNN号”格式` });
  } else {
    issues.push({ severity: 'error', reason: 'missing-serial', message: '文号缺少“第…号”中的编号' });
  }
  return issues;
}
