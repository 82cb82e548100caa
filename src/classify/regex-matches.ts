// The two ways an indicator's regex is run over a text: a plain scan, or tries near anchors.

/**
 * Reads the matches `text.matchAll(regex)` finds, for a global regex, one per call (null at the
 * end), without the copy of the regex that matchAll makes on every call: classification runs
 * each regex over every field of a page, most of them a few characters of alt text, where that
 * copy cost more than the match. The regex may be shared with other readers (one can be left
 * half read): its `lastIndex` is set before each step and left at 0.
 */
export function matchReader(text: string, regex: RegExp): () => RegExpExecArray | null {
  // As matchAll: without `g`, exec would ignore lastIndex and find the first match forever.
  if (!regex.global) throw new TypeError('matchReader needs a global regex');
  let from = 0;
  return () => {
    regex.lastIndex = from;
    const m = regex.exec(text);
    if (m === null) return null;
    // After an empty match, matchAll steps over one character (one code point with `u`).
    from = m[0].length > 0 ? regex.lastIndex : m.index + (regex.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
    regex.lastIndex = 0;
    return m;
  };
}

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
