import { mentionReason } from '../core/mention.js';
import { sentenceAround } from '../core/sentences.js';
import { searchTerms } from '../rules/wildcard.js';
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
  return countIn(text, c, { inChrome }).get(0) ?? new Map();
}

/**
 * The signals of the context groups (nonAd, ad) per line of `text`, as if each line had been
 * counted on its own — in one pass over the text, not one pass of every regex per line.
 * Lines without signals are absent.
 */
export function countSignalsPerLine(text: string, c: CompiledClassifier): Map<number, Map<number, SignalHit>> {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return countIn(text, c, { bucketOf: lineOf, groups: CONTEXT_GROUPS });
}

const CONTEXT_GROUPS: ReadonlySet<string> = new Set(['nonAd', 'ad']);

interface CountOptions {
  inChrome?: (offset: number) => boolean;
  /** Counts separately per bucket (e.g. per line); matches are capped per bucket. */
  bucketOf?: (offset: number) => number;
  /** Only indicators of these groups. */
  groups?: ReadonlySet<string>;
}

function countIn(text: string, c: CompiledClassifier, opts: CountOptions): Map<number, Map<number, SignalHit>> {
  const { inChrome, bucketOf, groups } = opts;
  const buckets = new Map<number, Map<number, SignalHit>>();
  const bucket = (b: number) => {
    let m = buckets.get(b);
    if (!m) buckets.set(b, (m = new Map()));
    return m;
  };
  const wanted = (indicator: number) => !groups || groups.has(c.indicators[indicator]!.group);
  const full = (hits: Map<number, SignalHit> | undefined, indicator: number) => (hits?.get(indicator)?.count ?? 0) >= COUNT_CAP;
  const note = (indicator: number, match: string, offset: number) => {
    const b = bucketOf ? bucketOf(offset) : 0;
    if (full(buckets.get(b), indicator)) return;
    // A site's footer phone or menu 预约挂号 is on every page of it, not an offer on this one.
    if (inChrome && c.indicators[indicator]!.group === 'ad' && inChrome(offset)) return;
    // A selling phrase quoted inside a prohibition (不得含有“保证治愈”) is not selling anything.
    if (c.indicators[indicator]!.group === 'ad' && isMentioned(text, offset, offset + match.length)) return;
    const hits = bucket(b);
    const h = hits.get(indicator);
    if (h) h.count++;
    else hits.set(indicator, { indicator, count: 1, first: match, offset });
  };
  // Where the same automaton pass met each regex indicator's anchors.
  const anchorHits = new Map<number, number[]>();
  for (const hit of searchTerms(c.automaton, text)) {
    for (const ind of c.anchorOf[hit.pattern]!) {
      const list = anchorHits.get(ind);
      if (list) list.push(hit.start);
      else anchorHits.set(ind, [hit.start]);
    }
    const owners = c.owners[hit.pattern]!;
    if (owners.length === 0) continue;
    if (!bucketOf && owners.every((o) => full(buckets.get(0), o))) continue;
    const match = text.slice(hit.start, hit.end);
    for (const ind of owners) if (wanted(ind)) note(ind, match, hit.start);
  }
  c.indicators.forEach((ind, i) => {
    if (!ind.regex || !wanted(i)) return;
    if (ind.sticky) {
      for (const m of matchesNearAnchors(text, ind.sticky, anchorHits.get(i) ?? [])) {
        note(i, m.text, m.index);
        if (!bucketOf && full(buckets.get(0), i)) break;
      }
      return;
    }
    for (const m of text.matchAll(ind.regex)) {
      // `(?:^|\n)…` matches from the line break before the line it is about.
      const at = m[0].startsWith('\n') ? m.index + 1 : m.index;
      note(i, m[0].slice(at - m.index), at);
      if (!bucketOf && full(buckets.get(0), i)) break;
    }
  });
  return buckets;
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

/** How far into a match an anchored indicator's anchor may start (see Indicator.anchors). */
export const ANCHOR_REACH = 32;

/**
 * The matches `matchAll` would find, for a regex whose every match holds an anchor within
 * ANCHOR_REACH characters of its start: the sticky regex is tried only at the positions
 * before each anchor occurrence, against the whole text, so lookbehinds and lookaheads see
 * what they would see in a full scan. Cheap on long pages where a full scan with leading
 * lookbehinds costs tens of milliseconds per megabyte.
 */
export function* matchesNearAnchors(text: string, sticky: RegExp, anchors: number[]): Generator<{ text: string; index: number }> {
  let from = 0; // matches do not overlap, as with matchAll
  let last = -1;
  // The automaton reports occurrences as they end; overlapping anchors may start out of order.
  for (const a of [...anchors].sort((x, y) => x - y)) {
    for (let p = Math.max(from, a - ANCHOR_REACH, last + 1); p <= a; p++) {
      last = p;
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m === null || m[0].length === 0) continue;
      yield { text: m[0], index: p };
      from = p + m[0].length;
      break;
    }
  }
}

function isMentioned(text: string, start: number, end: number): boolean {
  return mentionReason(text, sentenceAround(text, start, end), { start, end }, { questions: true }) !== null;
}
