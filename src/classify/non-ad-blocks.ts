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
  const lineOf = (offset: number): number => spanIndexAt(lines, offset);

  // Per line, occurrences per indicator; lines without any are absent.
  const perLine = new Map<number, LineHits>();
  const count = (group: 'nonAd' | 'ad', wanted: (line: number) => boolean) => {
    const note = (ind: number, start: number, end: number) => {
      const line = lineOf(start);
      if (!wanted(line)) return;
      let hits = perLine.get(line);
      const h = hits?.get(ind);
      if (h && h.count >= COUNT_CAP) return;
      if (group === 'ad' && occ.mentioned(start, end)) return;
      if (h) h.count++;
      else {
        if (!hits) perLine.set(line, (hits = new Map()));
        hits.set(ind, { indicator: ind, count: 1 });
      }
    };
    const inGroup = (ind: number) => c.indicators[ind]!.group === group;
    for (const hit of occ.terms) for (const ind of c.owners[hit.pattern]!) if (inGroup(ind)) note(ind, hit.start, hit.end);
    for (const ind of c.regexIndicators) {
      if (!inGroup(ind)) continue;
      for (let k = 0, m = occ.regexMatch(ind, k); m; m = occ.regexMatch(ind, ++k)) note(ind, m.start, m.end);
    }
  };
  // Non-ad signals first: only lines with enough of them need their commercial signals, and
  // telling a quoted selling phrase from a used one (Occurrences.mentioned) is the costly part.
  count('nonAd', () => true);
  const nonAdOf = new Map<number, number>();
  for (const [line, hits] of perLine) nonAdOf.set(line, total(scoreBy(hits, c, 'nonAd')));
  count('ad', (line) => mayBeNonAdBlock(nonAdOf.get(line) ?? 0));

  const blocks: NonAdBlock[] = [];
  lines.forEach(({ start, end }, line) => {
    const hits = perLine.get(line);
    if (isNonAdBlock(nonAdOf.get(line) ?? 0, hits ? total(scoreBy(hits, c, 'ad')) : 0)) blocks.push({ field, start, end });
  });
  return blocks;
}
