// How an anchored indicator's regex is run over a text: tried near its anchors only.

/** How far into a match an anchored indicator's anchor may start (see Indicator.anchors). */
export const ANCHOR_REACH = 32;

/**
 * The matches `matchAll` would find, for a regex whose every match holds an anchor within
 * ANCHOR_REACH characters of its start: the sticky regex is tried only at the positions
 * before each anchor occurrence, against the whole text, so lookbehinds and lookaheads see
 * what they would see in a full scan. Cheap on long pages where a full scan with leading
 * lookbehinds costs tens of milliseconds per megabyte.
 */
const ascending = (x: number, y: number): number => x - y;

export function* matchesNearAnchors(text: string, sticky: RegExp, anchors: number[]): Generator<{ text: string; index: number }> {
  let from = 0; // matches do not overlap, as with matchAll
  let last = -1;
  // The automaton reports occurrences as they end; overlapping anchors may start out of order.
  for (const a of [...anchors].sort(ascending)) {
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
