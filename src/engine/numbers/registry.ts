import { isoDate, startOfDay, type NumberIssue } from './validate-medical-certificate.js';

/** One issued review or approval number, as a regulator's registry lists it. */
export interface RegistryEntry {
  number: string;
  holder: string;
  validFrom: Date;
  validTo: Date;
  /** Where the entry came from (file:line), for messages. */
  source: string;
}

/** Registry entries by `numberKey`. */
export type CertRegistry = ReadonlyMap<string, readonly RegistryEntry[]>;

/**
 * A number's identity regardless of how it is typeset: width, brackets, spaces, colons and
 * dashes vary between the certificate, the registry export and the ad.
 */
export function numberKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s()[\]【】〔〕〖〗{}:：\-‐‑‒–—―−]/gu, '')
    .replace(/号$/u, '')
    .toUpperCase();
}

export function buildRegistry(entries: readonly RegistryEntry[]): CertRegistry {
  const map = new Map<string, RegistryEntry[]>();
  for (const e of entries) {
    const key = numberKey(e.number);
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  }
  return map;
}

/** Company-form suffixes that ads drop from the holder's registered name. */
const LEGAL_FORM = /(?:股份有限公司|有限责任公司|有限公司|集团|公司)$/u;

/** Whether the document names the holder (its registered name, or that name without its legal form). */
function namesHolder(documentText: string, holder: string): boolean {
  const full = holder.normalize('NFKC').trim();
  const core = full.replace(LEGAL_FORM, '');
  return documentText.includes(full) || (core.length >= 2 && documentText.includes(core));
}

/**
 * Checks a number against the registry as of `asOf`: never issued (a fake) and not in force
 * are errors; issued to someone the document does not name is a warning, since ads may use a
 * trading name the registry does not hold.
 */
export function checkRegistry(numberText: string, registry: CertRegistry, asOf: Date, documentText: string): NumberIssue[] {
  const entries = registry.get(numberKey(numberText));
  if (!entries?.length) {
    return [{ severity: 'error', reason: 'not-in-registry', message: '审查登记中无此文号（可能为伪造或编造的文号）' }];
  }
  const day = startOfDay(asOf);
  const inForce = entries.filter((e) => e.validFrom.getTime() <= day && day <= e.validTo.getTime());
  const issues: NumberIssue[] = [];
  if (inForce.length === 0) {
    const e = entries.reduce((a, b) => (b.validTo > a.validTo ? b : a));
    issues.push({
      severity: 'error',
      reason: day < e.validFrom.getTime() ? 'registry-not-yet-valid' : 'registry-expired',
      message: `审查登记的有效期为 ${isoDate(e.validFrom)} 至 ${isoDate(e.validTo)}，核查日期 ${isoDate(asOf)} 不在有效期内`,
    });
  }
  const candidates = inForce.length ? inForce : entries;
  if (!candidates.some((e) => namesHolder(documentText, e.holder))) {
    issues.push({
      severity: 'warning',
      reason: 'holder-mismatch',
      message: `该文号登记的持有人为“${candidates.map((e) => e.holder).join('、')}”，广告中未见其名称（可能借用他人文号）`,
    });
  }
  return issues;
}
