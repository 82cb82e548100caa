import { AD_TYPES, type AdType } from '../core/types.js';
import type { FoundNumber } from './numbers/find-numbers.js';

/** Score a type must reach to count at all, and to be trusted by absence rules. */
export const TYPE_THRESHOLD = 3;
export const HIGH_CONFIDENCE = 5;
/** A second type is kept when it scores at least this share of the best one (multi-type pages). */
const SECONDARY_SHARE = 0.7;
/** Registration numbers are hard evidence of the product regime (catalogue §1.2). */
export const REGISTRATION_WEIGHT = 6;
/** Below the threshold, the best content type still beats the regime of a number shown. */
const WEAK_CONTENT = 2;

export interface AdTypeDecision {
  adTypes: AdType[];
  scores: Partial<Record<AdType, number>>;
  confidence: 'high' | 'medium' | 'low';
}

/** The ad types but 'other' that score at least `min`, best first, ties in AD_TYPES order. */
function rankedAtLeast(scores: ReadonlyMap<AdType, number>, min: number): AdType[] {
  const scored: { type: AdType; score: number; order: number }[] = [];
  for (let order = 0; order < AD_TYPES.length; order++) {
    const type = AD_TYPES[order]!;
    const score = scores.get(type) ?? 0;
    if (type !== 'other' && score >= min) scored.push({ type, score, order });
  }
  scored.sort(byScoreThenOrder);
  const out: AdType[] = [];
  for (const s of scored) out.push(s.type);
  return out;
}

function byScoreThenOrder(a: { score: number; order: number }, b: { score: number; order: number }): number {
  return b.score - a.score || a.order - b.order;
}

/**
 * Decides the ad types from content indicators and registration numbers. Ad-approval and
 * review numbers are used only when the content says nothing, so that a drug ad carrying a
 * medical certificate number stays a drug ad and the mismatch can be reported.
 */
export function decideAdTypes(
  contentScores: Map<string, number>,
  numbers: FoundNumber[],
  decisive: ReadonlySet<string> = new Set(contentScores.keys()),
): AdTypeDecision {
  const scores = new Map<AdType, number>();
  for (const [t, s] of contentScores) scores.set(t as AdType, s);
  for (const n of numbers) {
    if (n.adType && n.kind.endsWith('-registration')) scores.set(n.adType, (scores.get(n.adType) ?? 0) + REGISTRATION_WEIGHT);
  }
  // A medical-beauty ad is a medical ad (MBG): its indicators count for both.
  const mb = scores.get('medical-beauty') ?? 0;
  if (mb >= TYPE_THRESHOLD) scores.set('medical', Math.max(scores.get('medical') ?? 0, mb));

  let ranked = rankedAtLeast(scores, TYPE_THRESHOLD);
  const best = ranked.length ? scores.get(ranked[0]!)! : 0;
  ranked = ranked.filter(
    (t, i) =>
      i === 0 ||
      (t === 'medical' && ranked.includes('medical-beauty')) ||
      // Medical beauty is a kind of medical service: a clinic named 医疗美容诊所 scores higher
      // as medical than its capped beauty terms do, and is still a medical-beauty ad.
      (t === 'medical-beauty' && ranked[0] === 'medical' && scores.get(t)! >= HIGH_CONFIDENCE && decisive.has(t)) ||
      (scores.get(t)! >= best * SECONDARY_SHARE && decisive.has(t)),
  );

  let confidence: AdTypeDecision['confidence'] = best >= HIGH_CONFIDENCE ? 'high' : best >= TYPE_THRESHOLD ? 'medium' : 'low';
  if (ranked.length === 0 && numbers.some((n) => n.adType !== null)) {
    // Weak content evidence still says what is sold where a number of some regime is shown:
    // that number is then a mismatch to report, not the answer (a drug ad carrying a 医广
    // number). Without one, a stray 治疗 or 人参 does not make a mattress or a liquor a
    // medical or health-food ad: it stays "other".
    const weak = rankedAtLeast(scores, WEAK_CONTENT);
    if (weak.length) ranked = [weak[0]!];
  }
  if (ranked.length === 0) {
    // Nothing in the content: fall back on the regime of the numbers shown.
    const fromNumbers = [...new Set(numbers.map((n) => n.adType).filter((t): t is AdType => t !== null))];
    if (fromNumbers.length) {
      ranked = fromNumbers;
      confidence = 'medium';
    }
  }
  // A review or approval number of the very regime the content points to settles the type.
  if (ranked.length && numbers.some((n) => n.adType === ranked[0] && !n.kind.endsWith('-registration') && n.kind !== 'look-alike')) {
    confidence = 'high';
  }
  const out: Partial<Record<AdType, number>> = {};
  for (const [t, s] of scores) if (s > 0) out[t] = s;
  return { adTypes: ranked, scores: out, confidence };
}
