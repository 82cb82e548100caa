import type { CompiledClassifier } from './compile.js';
import type { Occurrences } from './occurrences.js';

/** How often one indicator occurred in a text, and where first. */
export interface SignalHit {
  indicator: number;
  count: number;
  first: string;
  offset: number;
}

/**
 * Occurrences of one indicator counted at most: beyond this a long page says nothing new, and
 * stopping early keeps classification linear in practice (regexes stop at the cap too).
 */
export const COUNT_CAP = 10;

/**
 * Counts every indicator of the classifier in a text: its terms first, then each regex in
 * order (which decides the `first` occurrence an indicator reports).
 */
export function countSignals(occ: Occurrences, c: CompiledClassifier, inChrome?: (offset: number) => boolean): Map<number, SignalHit> {
  const hits = new Map<number, SignalHit>();
  const full = (ind: number) => (hits.get(ind)?.count ?? 0) >= COUNT_CAP;
  const note = (ind: number, start: number, end: number) => {
    if (full(ind)) return;
    if (c.indicators[ind]!.group === 'ad') {
      // A site's footer phone or menu 预约挂号 is on every page of it, not an offer on this one.
      if (inChrome?.(start)) return;
      // A selling phrase quoted inside a prohibition (不得含有“保证治愈”) is not selling anything.
      if (occ.mentioned(start, end)) return;
    }
    const h = hits.get(ind);
    if (h) h.count++;
    else hits.set(ind, { indicator: ind, count: 1, first: occ.text.slice(start, end), offset: start });
  };
  for (const hit of occ.terms) for (const ind of c.owners[hit.pattern]!) note(ind, hit.start, hit.end);
  for (const ind of c.regexIndicators) {
    // Reads no further than the cap: the rest of a long page is read only if a count needs it.
    for (let k = 0; !full(ind); k++) {
      const m = occ.regexMatch(ind, k);
      if (!m) break;
      note(ind, m.start, m.end);
    }
  }
  return hits;
}

/** Sum of weight × occurrences per name within one group; `cap` bounds the occurrences counted. */
export function scoreBy(
  hits: ReadonlyMap<number, Pick<SignalHit, 'indicator' | 'count'>>,
  c: CompiledClassifier,
  group: 'adType' | 'nonAd' | 'ad',
  cap = Infinity,
  withSupport = true,
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const h of hits.values()) {
    const ind = c.indicators[h.indicator]!;
    if (ind.group !== group || (!withSupport && ind.supportOnly)) continue;
    scores.set(ind.name, (scores.get(ind.name) ?? 0) + ind.weight * Math.min(h.count, cap));
  }
  return scores;
}

export const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
