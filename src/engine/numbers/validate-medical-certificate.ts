import type { Severity } from '../../core/types.js';
import { MAINLAND_ISSUERS, NON_MAINLAND, isValidDate } from './provinces.js';

export interface NumberIssue {
  severity: Severity;
  /** Stable sub-reason id, reported as the finding's `reason`. */
  reason: string;
  message: string;
}

/** The year medical-ad review certificates began (MAMM in force 2007-01-01). */
const FIRST_YEAR = 2007;

/**
 * Validates a 《医疗广告审查证明》 number found by MEDICAL_CERTIFICATE (catalogue §3.1,
 * steps 1–4) as of `asOf`, the publication or inspection date.
 */
export function validateMedicalCertificate(g: Record<string, string | undefined>, asOf: Date): NumberIssue[] {
  const today = asOf;
  const issues: NumberIssue[] = [];
  const tokens = (g.issuer ?? '').replace(/[\s()[\]【】〔〕〖〗]+/gu, ' ').trim().split(' ').filter(Boolean);
  const first = tokens[0];
  if (!first) {
    issues.push({ severity: 'warning', reason: 'no-issuer', message: '缺少发证机关简称（如“(浙)”）' });
  } else if (first.length === 1) {
    if (NON_MAINLAND[first]) {
      issues.push({ severity: 'error', reason: 'non-mainland-issuer', message: `“${first}”（${NON_MAINLAND[first]}）不是内地医疗广告审查机关` });
    } else if (!MAINLAND_ISSUERS[first]) {
      issues.push({ severity: 'error', reason: 'unknown-issuer', message: `发证机关简称“${first}”不是省级行政区简称` });
    }
  } else if (!/^[\u4e00-\u9fff]+$/u.test(first)) {
    issues.push({ severity: 'error', reason: 'unknown-issuer', message: `发证机关简称“${first}”无法识别` });
  }
  // Multi-character Han tokens such as (呼市)(成青) are sub-provincial issuers: real, not errors.

  const year = Number(g.year);
  if (year < FIRST_YEAR || year > today.getUTCFullYear()) {
    issues.push({ severity: 'error', reason: 'implausible-year', message: `年份 ${year} 不可能（应在 ${FIRST_YEAR}–${today.getUTCFullYear()} 之间）` });
  }

  const serial = (g.serial ?? '').replace(/\s/g, '');
  if (serial === '') {
    issues.push({ severity: 'error', reason: 'missing-serial', message: '文号缺少“第…号”中的编号' });
  } else {
    // Only an unambiguous MM-DD- or MMDD- prefix is a date; provinces number differently.
    const m = /^(\d{2})-(\d{2})-[0-9A-Za-z]+$/.exec(serial) ?? /^(\d{2})(\d{2})-\d{1,4}-\d{1,6}$/.exec(serial);
    if (m && !isValidDate(year, Number(m[1]), Number(m[2]))) {
      issues.push({ severity: 'error', reason: 'invalid-date', message: `编号中的月日 ${m[1]}-${m[2]} 不是有效日期` });
    } else if (year >= FIRST_YEAR && year <= today.getUTCFullYear()) {
      // One-year validity from the approval date; without a readable date, from 1 January.
      const dated = m !== null;
      const approved = dated ? Date.UTC(year, Number(m[1]) - 1, Number(m[2])) : Date.UTC(year, 0, 1);
      const expires = new Date(approved);
      expires.setUTCFullYear(expires.getUTCFullYear() + 1);
      if (expires.getTime() < startOfDay(today)) {
        issues.push({
          severity: dated ? 'error' : 'warning',
          reason: 'expired',
          message: `证明有效期一年，${dated ? '' : '按年初推算'}已于 ${isoDate(expires)} 到期（核查日期 ${isoDate(today)}）`,
        });
      }
    }
  }
  return issues;
}

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
export const startOfDay = (d: Date): number => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
