// The noisy-text model shared by `npm run eval -- --noise` and tests/evasion: a clean text is
// a list of items, one per code point. Noise rewrites items:
//   pre + core + post + after
// `core` is what the clean character became and owns (保 → 保(bao), bao, 保保, 保 in
// Traditional, &#20445;); `pre`/`post` are markup around it that a finding never covers
// (<b>…</b>); `after` is junk inserted between this character and the next (separators,
// invisibles, hidden spans). A finding on the clean span [s, e) must come back, on the noisy
// text, as exactly [start of core of the first item, end of core of the last item).

/** One item per code point of `text`. `at` is the clean UTF-16 offset. */
export function itemsOf(text) {
  const items = [];
  let at = 0;
  for (const ch of text) {
    items.push({ ch, at, pre: '', core: ch, post: '', after: '' });
    at += ch.length;
  }
  return items;
}

/** Renders items (with an optional prefix and suffix) and the noisy offsets of every core. */
export function render(items, prefix = '', suffix = '') {
  const parts = [prefix];
  let pos = prefix.length;
  const coreStart = new Array(items.length);
  const coreEnd = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    parts.push(it.pre, it.core, it.post, it.after);
    pos += it.pre.length;
    coreStart[i] = pos;
    pos += it.core.length;
    coreEnd[i] = pos;
    pos += it.post.length + it.after.length;
  }
  parts.push(suffix);
  return { text: parts.join(''), coreStart, coreEnd };
}

/** Index of the item holding clean offset `offset` (the item starting at or covering it). */
export function itemAt(items, offset) {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid].at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Item index range [first, last] of the clean span [start, end). */
export function itemRange(items, start, end) {
  return [itemAt(items, start), itemAt(items, end - 1)];
}

/** The noisy span of the clean span [start, end), given a render. */
export function noisySpan(items, rendered, start, end) {
  const [a, b] = itemRange(items, start, end);
  return [rendered.coreStart[a], Math.max(rendered.coreStart[a], rendered.coreEnd[b])];
}
