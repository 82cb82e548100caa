import { mentionReason } from '../core/mention.js';
import { sentenceAround } from '../core/sentences.js';
import type { CompiledClassifier } from './compile.js';

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

/** Counts every indicator of the classifier in `text` (one automaton pass plus the regexes). */
export function countSignals(text: string, c: CompiledClassifier, inChrome?: (offset: number) => boolean): Map<number, SignalHit> {
  const hits = new Map<number, SignalHit>();
  const full = (indicator: number) => (hits.get(indicator)?.count ?? 0) >= COUNT_CAP;
  const note = (indicator: number, match: string, offset: number) => {
    if (full(indicator)) return;
    // A site's footer phone or menu 预约挂号 is on every page of it, not an offer on this one.
    if (inChrome && c.indicators[indicator]!.group === 'ad' && inChrome(offset)) return;
    // A selling phrase quoted inside a prohibition (不得含有“保证治愈”) is not selling anything.
    if (c.indicators[indicator]!.group === 'ad' && isMentioned(text, offset, offset + match.length)) return;
    const h = hits.get(indicator);
    if (h) h.count++;
    else hits.set(indicator, { indicator, count: 1, first: match, offset });
  };
  for (const hit of c.automaton.search(text)) {
    const owners = c.owners[hit.pattern]!;
    if (owners.every(full)) continue;
    const match = text.slice(hit.start, hit.end);
    for (const ind of owners) note(ind, match, hit.start);
  }
  c.indicators.forEach((ind, i) => {
    if (!ind.regex) return;
    if (ind.anchors && !ind.anchors.some((a) => text.includes(a))) return;
    for (const m of text.matchAll(ind.regex)) {
      note(i, m[0], m.index);
      if (full(i)) break;
    }
  });
  return hits;
}

/** Sum of weight × occurrences per name within one group; `cap` bounds the occurrences counted. */
export function scoreBy(
  hits: Map<number, SignalHit>,
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

function isMentioned(text: string, start: number, end: number): boolean {
  return mentionReason(text, sentenceAround(text, start, end), { start, end }, { questions: true }) !== null;
}
