// Running a shared global regex over a text without matchAll's per-call copy of the regex.

/**
 * Reads the matches `text.matchAll(regex)` finds, for a global regex, one per call (null at the
 * end), without the copy of the regex that matchAll makes on every call: the scan runs its
 * regexes over every field of a page (most of them a few characters of alt text) and every
 * sentence a rule wakes, where that copy costs more than the match. The regex may be shared
 * with other readers (one can be left half read): its `lastIndex` is set before each step and
 * left at 0.
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

/** Every match `text.matchAll(regex)` finds, as an iterable: see matchReader. */
export function* matchesOf(text: string, regex: RegExp): Generator<RegExpExecArray> {
  const read = matchReader(text, regex);
  for (let m = read(); m !== null; m = read()) yield m;
}
