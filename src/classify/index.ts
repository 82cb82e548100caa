import type { AdType, DocContext, Evidence, FieldName } from '../core/types.js';
import { decideAdTypes, REGISTRATION_WEIGHT } from './ad-type.js';
import type { CompiledClassifier } from './compile.js';
import { findChrome } from './chrome.js';
import { decideContext } from './context.js';
import { findNonAdBlocks } from './non-ad-blocks.js';
import type { FoundNumber } from './numbers/find-numbers.js';
import { Occurrences } from './occurrences.js';
import { countSignals, scoreBy, total, type SignalHit } from './signals.js';

export { compileClassifier, type CompiledClassifier } from './compile.js';
export { findNumbers, type FoundNumber, type RegistrationKind } from './numbers/find-numbers.js';

export interface ClassifyField {
  name: FieldName;
  text: string;
}

/** A paragraph of a mixed page that reads as regulatory/news text: content findings there are suppressed. */
export interface NonAdBlock {
  field: number;
  start: number;
  end: number;
}

export interface Classification {
  adTypes: AdType[];
  /** How far absence rules may trust the ad type. */
  confidence: 'high' | 'medium' | 'low';
  typeScores: Partial<Record<AdType, number>>;
  context: DocContext;
  contextScores: { nonAd: number; ad: number };
  evidence: Evidence[];
  nonAdBlocks: NonAdBlock[];
  /** Breadcrumb, menu and footer lines: content findings there are kept out (see chrome.ts). */
  chrome: NonAdBlock[];
  /** An ad on a page that also reads as regulatory or news text (or the reverse). */
  mixed: boolean;
  /**
   * The page sells: a price, an order prompt, a selling claim or a number shown — more than an
   * institution's contact details and 我院 (see engine/absence-severity.ts).
   */
  selling: boolean;
  /** True when `--ad-type` decided the type. */
  overridden: boolean;
}

const MAX_EVIDENCE = 24;
/** Commercial families that show selling, as opposed to contact details (contact, cta, voice). */
const SELLING = ['price', 'order', 'promo', 'numbers', 'brand', 'evasion'];
/** Occurrences of one ad-type indicator counted at most this often: long pages must not swamp short ones. */
const TYPE_CAP = 3;

/** Hits a non-ad family needs before it explains commercial families away: two sections, not one word. */
const EXPLAINS_FROM = 2;

/**
 * Whether some non-ad family with `explains` has EXPLAINS_FROM hits or more and every
 * commercial family on the page is one it explains.
 */
function explainedByGenre(merged: ReadonlyMap<number, SignalHit>, c: CompiledClassifier): boolean {
  const hits = new Map<string, number>();
  const present = new Set<string>();
  for (const h of merged.values()) {
    const ind = c.indicators[h.indicator]!;
    if (ind.group === 'ad') present.add(ind.name);
    else if (ind.group === 'nonAd' && ind.explains.length) hits.set(ind.name, (hits.get(ind.name) ?? 0) + h.count);
  }
  if (present.size === 0) return false;
  for (const ind of c.indicators) {
    if (ind.group !== 'nonAd' || (hits.get(ind.name) ?? 0) < EXPLAINS_FROM) continue;
    let all = true;
    for (const f of present) if (!ind.explains.includes(f)) all = false;
    if (all) return true;
  }
  return false;
}

export function classify(
  fields: ClassifyField[],
  numbers: FoundNumber[][],
  c: CompiledClassifier,
  override?: AdType[],
): Classification {
  const chrome = findChrome(fields);
  // Loops, not callbacks, in this per-document code (see scanDocument).
  const counted: ReturnType<typeof countSampled>[] = [];
  for (let fi = 0; fi < fields.length; fi++) {
    const spans: NonAdBlock[] = [];
    for (const b of chrome) if (b.field === fi) spans.push(b);
    counted.push(countSampled(fields[fi]!.text, c, spans.length ? new InsideSpans(spans).test : undefined));
  }
  const perField: Map<number, SignalHit>[] = [];
  for (const s of counted) perField.push(s.hits);
  const merged = new Map<number, SignalHit>();
  for (const hits of perField) {
    for (const h of hits.values()) {
      const m = merged.get(h.indicator);
      if (m) m.count += h.count;
      else merged.set(h.indicator, { ...h });
    }
  }
  const families = scoreBy(merged, c, 'nonAd');
  // A package insert prints 本品, its maker's address and number: on a page that shows nothing
  // else commercial, those are the document's own parts, not selling.
  const explained = explainedByGenre(merged, c);
  const adFamilies = explained ? new Map<string, number>() : scoreBy(merged, c, 'ad');
  const nonAd = total(families);
  const ad = total(adFamilies);
  const allNumbers = numbers.flat();
  const decisive = new Set<string>();
  for (const h of merged.values()) {
    const ind = c.indicators[h.indicator]!;
    if (ind.group === 'adType' && !ind.supportOnly) decisive.add(ind.name);
  }
  const decision = decideAdTypes(scoreBy(merged, c, 'adType', TYPE_CAP), allNumbers, decisive);
  // Product copy (a health food's name and functions) sells by itself; a hospital's news does not.
  const PRODUCTS: AdType[] = ['drug', 'device', 'health-food', 'special-medical-food'];
  const typeBest = Math.max(0, ...decision.adTypes.filter((t) => PRODUCTS.includes(t)).map((t) => decision.scores[t] ?? 0));
  // Selling needs a way to buy: contact, price, a number shown — not just 我院 or claim words.
  const strongAd = explained ? 0 : total(scoreBy(merged, c, 'ad', Infinity, false));
  let selling = false;
  for (const family of SELLING) {
    if ((adFamilies.get(family) ?? 0) > 0) {
      selling = true;
      break;
    }
  }
  const { context, mixed } = decideContext({ nonAd, ad, strongAd, families: new Map([...families, ...adFamilies]), typeBest });
  let adTypes = decision.adTypes;
  if (adTypes.length === 0 && context === 'ad') adTypes = ['other'];

  const evidence: Evidence[] = [];
  for (let fi = 0; fi < perField.length; fi++) {
    for (const h of perField[fi]!.values()) {
      const ind = c.indicators[h.indicator]!;
      evidence.push({
        supports: ind.group === 'adType' ? ind.name : `${ind.group}:${ind.name}`,
        indicator: h.first,
        weight: ind.weight * (ind.group === 'adType' ? Math.min(h.count, TYPE_CAP) : h.count),
        field: fields[fi]!.name,
        offset: h.offset,
      });
    }
  }
  for (let fi = 0; fi < numbers.length; fi++) {
    for (const n of numbers[fi]!) {
      if (!n.adType) continue;
      const weight = n.kind.endsWith('-registration') ? REGISTRATION_WEIGHT : 0;
      evidence.push({ supports: n.adType, indicator: n.text, weight, field: fields[fi]!.name, offset: n.start });
    }
  }
  evidence.sort(byWeightThenOffset);

  // Per-line counts reuse the occurrences the document counts found; a sampled field was not
  // read whole, so only its lines are scanned now.
  const nonAdBlocks: NonAdBlock[] = [];
  if (mixed) for (let fi = 0; fi < fields.length; fi++) nonAdBlocks.push(...findNonAdBlocks(counted[fi]!.whole ?? new Occurrences(fields[fi]!.text, c), c, fi));

  return {
    adTypes: override?.length ? override : adTypes,
    confidence: override?.length ? 'high' : decision.confidence,
    typeScores: decision.scores,
    context,
    contextScores: { nonAd, ad },
    mixed,
    selling,
    evidence: evidence.slice(0, MAX_EVIDENCE),
    nonAdBlocks,
    chrome,
    overridden: Boolean(override?.length),
  };
}

const byWeightThenOffset = (a: Evidence, b: Evidence): number => b.weight - a.weight || a.offset - b.offset;

/** Whether an offset lies in one of a field's chrome lines; `test` is a bound method, not a closure made per field. */
class InsideSpans {
  readonly test: (offset: number) => boolean;

  constructor(private readonly spans: readonly NonAdBlock[]) {
    this.test = this.contains.bind(this);
  }

  private contains(offset: number): boolean {
    for (const b of this.spans) if (offset >= b.start && offset < b.end) return true;
    return false;
  }
}

/**
 * Classification reads the head and the tail of a long field: what kind of document it is
 * shows there (title, lead, contact block, issuer and date), and signal counts are capped
 * anyway, so reading a 1 MB page to the end would only cost time.
 */
export const SAMPLE_HEAD = 40_000;
export const SAMPLE_TAIL = 10_000;

/** The signal counts of a field, and its occurrences when it was read whole (for nonAdBlocks). */
function countSampled(
  text: string,
  c: CompiledClassifier,
  inChrome?: (offset: number) => boolean,
): { hits: Map<number, SignalHit>; whole: Occurrences | null } {
  if (text.length <= SAMPLE_HEAD + SAMPLE_TAIL) {
    const whole = new Occurrences(text, c);
    return { hits: countSignals(whole, c, inChrome), whole };
  }
  const hits = countSignals(new Occurrences(text.slice(0, SAMPLE_HEAD), c), c, inChrome);
  const tailStart = text.length - SAMPLE_TAIL;
  for (const h of countSignals(new Occurrences(text.slice(tailStart), c), c, inChrome && ((o) => inChrome(o + tailStart))).values()) {
    const m = hits.get(h.indicator);
    if (m) m.count += h.count;
    else hits.set(h.indicator, { ...h, offset: h.offset + tailStart });
  }
  return { hits, whole: null };
}
