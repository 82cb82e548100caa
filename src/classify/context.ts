import type { DocContext } from '../core/types.js';
import { HIGH_CONFIDENCE as TYPE_HIGH } from './ad-type.js';

/** Thresholds of the catalogue's decision matrix (§1.3), tuned on the regulatory corpus. */
export const NON_AD_HIGH = 8;
export const AD_HIGH = 3;
/** Selling-claim score that makes an ad without a contact or price: two claim phrases. */
const CLAIMS_ALONE = 4;
/** A document is non-ad when its non-ad score dominates the commercial one by this factor. */
const DOMINANCE = 2;
/** A paragraph of a mixed page is non-ad when it has this much non-ad signal and no commercial one. */
const BLOCK_NON_AD = 3;

export interface ContextScores {
  nonAd: number;
  ad: number;
  /** The part of `ad` from families that are not `supportOnly` (contact, price, numbers…). */
  strongAd?: number;
  /** Score of the strongest product ad type: product copy can be an ad with few selling words. */
  typeBest: number;
  /** Per non-ad family, to tell penalty news from regulatory texts. */
  families: Map<string, number>;
}

export interface ContextDecision {
  context: DocContext;
  /** True for a page that mixes an ad with regulatory or news text: decide per paragraph. */
  mixed: boolean;
}

export function decideContext(s: ContextScores): ContextDecision {
  if (s.nonAd >= NON_AD_HIGH && s.nonAd >= DOMINANCE * s.ad) {
    const f = (k: string) => s.families.get(k) ?? 0;
    // Penalty news and consumer warnings report on cases; work plans and notices regulate.
    const reporting = f('report') + f('warn');
    const regulating = f('genre') + f('docno') + f('legal') + f('norm');
    return { context: reporting > regulating ? 'news' : 'regulatory', mixed: false };
  }
  // An ad offers a way to buy (contact, price, a number shown); failing that, copy that is
  // mostly selling claims (祖传秘方，药到病除 — two or more) and outweighs any non-ad language.
  const claims = s.families.get('promo') ?? 0;
  const ad = s.ad >= AD_HIGH && ((s.strongAd ?? s.ad) > 0 || (claims >= CLAIMS_ALONE && claims > s.nonAd));
  if (ad) return { context: 'ad', mixed: s.nonAd >= NON_AD_HIGH };
  // Unmistakable product copy (保健食品…功能, 械字号…) with some commercial touch and no
  // regulatory or reporting language at all is an ad, even without phone numbers or prices.
  if (s.nonAd === 0 && (s.strongAd ?? s.ad) > 0 && s.typeBest >= TYPE_HIGH) return { context: 'ad', mixed: false };
  return { context: 'unknown', mixed: false };
}

/** Whether one paragraph of a mixed page reads as regulatory text rather than as the ad. */
export function isNonAdBlock(nonAd: number, ad: number): boolean {
  return mayBeNonAdBlock(nonAd) && ad === 0;
}

/** Whether a paragraph with this non-ad score can be a non-ad block at all, whatever its commercial score. */
export function mayBeNonAdBlock(nonAd: number): boolean {
  return nonAd >= BLOCK_NON_AD;
}
