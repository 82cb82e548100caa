import { spanIndexAt, type Span } from '../core/sentences.js';
import type { CompiledClassifier } from './compile.js';
import { isNonAdBlock, mayBeNonAdBlock } from './context.js';
import type { NonAdBlock } from './index.js';
import type { Occurrences } from './occurrences.js';
import { COUNT_CAP, scoreBy, total } from './signals.js';

type LineHits = Map<number, { indicator: number; count: number }>;

/**
 * The lines of a mixed page's field that read as regulatory or news text: each line scored by
 * the context groups (nonAd, ad) as if it had been counted on its own.
 *
 * The counts come from the occurrences the document counts were taken from, but differ from
 * those: every line is counted, chrome included (a footer phone is still commercial signal on
 * its own line), and up to the cap per line rather than per text.
 */
export function findNonAdBlocks(occ: Occurrences, c: CompiledClassifier, field: number): NonAdBlock[] {
  const { text } = occ;
  // Lines end at LF only, as the field text was split for this before.
  const lines: Span[] = [];
  let from = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    lines.push({ start: from, end: i });
    from = i + 1;
  }
  lines.push({ start: from, end: text.length });

  // Non-ad signals first: only lines with enough of them need their commercial signals, and
  // telling a quoted selling phrase from a used one (Occurrences.mentioned) is the costly part.
  const counts = new LineCounts(occ, c, lines);
  counts.count('nonAd', null);
  const nonAdOf = new Map<number, number>();
  for (const [line, hits] of counts.perLine) nonAdOf.set(line, total(scoreBy(hits, c, 'nonAd')));
  counts.count('ad', nonAdOf);

  const blocks: NonAdBlock[] = [];
  for (let line = 0; line < lines.length; line++) {
    const hits = counts.perLine.get(line);
    if (isNonAdBlock(nonAdOf.get(line) ?? 0, hits ? total(scoreBy(hits, c, 'ad')) : 0)) blocks.push({ field, start: lines[line]!.start, end: lines[line]!.end });
  }
  return blocks;
}

/**
 * Per line, occurrences per indicator; lines without any are absent. Methods rather than
 * closures made per field: see scanDocument on why per-call functions cost compile time.
 */
class LineCounts {
  readonly perLine = new Map<number, LineHits>();

  constructor(
    private readonly occ: Occurrences,
    private readonly c: CompiledClassifier,
    private readonly lines: Span[],
  ) {}

  /** Counts one group's indicators; with `nonAdOf`, only on lines that may be non-ad blocks. */
  count(group: 'nonAd' | 'ad', nonAdOf: ReadonlyMap<number, number> | null): void {
    const { occ, c } = this;
    for (const hit of occ.terms) {
      for (const ind of c.owners[hit.pattern]!) if (c.indicators[ind]!.group === group) this.note(group, ind, hit.start, hit.end, nonAdOf);
    }
    for (const ind of c.regexIndicators) {
      if (c.indicators[ind]!.group !== group) continue;
      for (let k = 0, m = occ.regexMatch(ind, k); m; m = occ.regexMatch(ind, ++k)) this.note(group, ind, m.start, m.end, nonAdOf);
    }
  }

  private note(group: 'nonAd' | 'ad', ind: number, start: number, end: number, nonAdOf: ReadonlyMap<number, number> | null): void {
    const line = spanIndexAt(this.lines, start);
    if (nonAdOf && !mayBeNonAdBlock(nonAdOf.get(line) ?? 0)) return;
    let hits = this.perLine.get(line);
    const h = hits?.get(ind);
    if (h && h.count >= COUNT_CAP) return;
    if (group === 'ad' && this.occ.mentioned(start, end)) return;
    if (h) h.count++;
    else {
      if (!hits) this.perLine.set(line, (hits = new Map()));
      hits.set(ind, { indicator: ind, count: 1 });
    }
  }
}
