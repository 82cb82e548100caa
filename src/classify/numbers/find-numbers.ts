import type { AdType } from '../../core/types.js';
import type { NumberKind } from '../../rules/schema.js';
import {
  DEVICE_REGISTRATION,
  DRUG_REGISTRATION,
  FSMP_REGISTRATION,
  HEALTH_FOOD_REGISTRATION,
  INFANT_FORMULA_REGISTRATION,
  LOOK_ALIKES,
  MEDICAL_CERTIFICATE,
  PRODUCT_AD_APPROVAL,
} from './patterns.js';
import { matchesOf } from '../../core/match-reader.js';

export type RegistrationKind =
  | 'drug-registration'
  | 'device-registration'
  | 'health-food-registration'
  | 'fsmp-registration'
  | 'infant-formula-registration';

export interface FoundNumber {
  kind: NumberKind | RegistrationKind | 'look-alike';
  /** The ad regime the number belongs to; null for look-alikes and infant formula. */
  adType: AdType | null;
  text: string;
  start: number;
  end: number;
  groups: Record<string, string | undefined>;
}

const AD_KIND_BY_CHAR: Record<string, { kind: NumberKind; adType: AdType }> = {
  药: { kind: 'drug-ad-approval', adType: 'drug' },
  械: { kind: 'device-ad-approval', adType: 'device' },
  医械: { kind: 'device-ad-approval', adType: 'device' },
  食健: { kind: 'health-food-ad-approval', adType: 'health-food' },
  食特: { kind: 'fsmp-ad-approval', adType: 'special-medical-food' },
  特医: { kind: 'fsmp-ad-approval', adType: 'special-medical-food' },
};

/**
 * For each pattern, literals of which every match holds one: a text with none of them cannot
 * match, and `includes` rules that out far faster than the pattern, which (with its optional
 * leading groups) is tried at every position of the text.
 */
const LOOK_ALIKE_LITERALS = ['〔', 'ICP备', '公网安备', '经营性', '网审', '广审'];
const MEDICAL_CERTIFICATE_LITERALS = ['医广'];
const PRODUCT_AD_APPROVAL_LITERALS = ['广审'];

const REGISTRATIONS: [RegExp, RegistrationKind, AdType | null, string[]][] = [
  [DRUG_REGISTRATION, 'drug-registration', 'drug', ['国药准字', '注册证']],
  [DEVICE_REGISTRATION, 'device-registration', 'device', ['械']],
  [HEALTH_FOOD_REGISTRATION, 'health-food-registration', 'health-food', ['食健']],
  [FSMP_REGISTRATION, 'fsmp-registration', 'special-medical-food', ['国食注字']],
  [INFANT_FORMULA_REGISTRATION, 'infant-formula-registration', null, ['国食注字']],
];

/** Each pattern with its literals (for tests: every match must hold one). */
export const PATTERN_LITERALS: ReadonlyMap<RegExp, readonly string[]> = new Map([
  [LOOK_ALIKES, LOOK_ALIKE_LITERALS],
  [MEDICAL_CERTIFICATE, MEDICAL_CERTIFICATE_LITERALS],
  [PRODUCT_AD_APPROVAL, PRODUCT_AD_APPROVAL_LITERALS],
  ...REGISTRATIONS.map(([re, , , literals]) => [re, literals] as const),
]);

const holdsAny = (text: string, literals: readonly string[]): boolean => literals.some((l) => text.includes(l));

/** The pattern's matches, or none when the text lacks every literal its matches need. */
function matches(text: string, re: RegExp, literals: readonly string[]): Iterable<RegExpExecArray> {
  return holdsAny(text, literals) ? matchesOf(text, re) : [];
}

/**
 * Every review, approval and registration number in a normalised text, plus look-alikes,
 * without overlaps (look-alikes win: 粤农药广审 is never a drug approval).
 */
const byStart = (a: FoundNumber, b: FoundNumber): number => a.start - b.start;

function isFree(found: readonly FoundNumber[], s: number, e: number): boolean {
  for (const n of found) if (!(e <= n.start || s >= n.end)) return false;
  return true;
}

export function findNumbers(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  // Found numbers are few: a plain list, no closures (this runs per field of every document).
  const add = (n: FoundNumber) => {
    if (n.end > n.start && isFree(found, n.start, n.end)) found.push(n);
  };
  for (const m of matches(text, LOOK_ALIKES, LOOK_ALIKE_LITERALS)) {
    add({ kind: 'look-alike', adType: null, text: m[0], start: m.index, end: m.index + m[0].length, groups: {} });
  }
  for (const m of matches(text, MEDICAL_CERTIFICATE, MEDICAL_CERTIFICATE_LITERALS)) {
    const [start, t] = trim(m.index, m[0]);
    add({ kind: 'medical-review-certificate', adType: 'medical', text: t, start, end: start + t.length, groups: { ...m.groups } });
  }
  for (const m of matches(text, PRODUCT_AD_APPROVAL, PRODUCT_AD_APPROVAL_LITERALS)) {
    const g = m.groups!;
    // A bare 药广审 with no media tag, 第 or digits is prose about numbers, not a number.
    if (!g.media && !g.di && !g.exp && !g.old && !g.other && !g.hao) continue;
    const [start, t] = trim(m.index, m[0]);
    const k = AD_KIND_BY_CHAR[g.kind!]!;
    add({ kind: k.kind, adType: k.adType, text: t, start, end: start + t.length, groups: { ...g } });
  }
  for (const [re, kind, adType, literals] of REGISTRATIONS) {
    for (const m of matches(text, re, literals)) {
      add({ kind, adType, text: m[0], start: m.index, end: m.index + m[0].length, groups: { ...m.groups } });
    }
  }
  return found.sort(byStart);
}

/** Drops the whitespace the lenient patterns may take at either end; returns the new start. */
function trim(index: number, s: string): [number, string] {
  const lead = s.length - s.trimStart().length;
  return [index + lead, s.trim()];
}
