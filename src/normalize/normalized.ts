import { OffsetMap } from '../core/offset-map.js';

/** A derived text and, for each of its UTF-16 units, the span of the input it came from. */
export interface Normalized {
  text: string;
  /** Maps the normalised text back to the text that was given to the step (or to `normalize`). */
  map: OffsetMap;
}

/** The result of a step that left `text` as it was. */
export function unchanged(text: string): Normalized {
  return { text, map: OffsetMap.identity(text.length) };
}

/**
 * Whether a step did nothing (its map is an identity), so composition can skip it instead of
 * walking and reallocating two arrays per step for every document.
 */
export function isIdentity(map: OffsetMap): boolean {
  return map.isIdentity;
}

/**
 * Chains a step onto what came before: `prev` maps its text to the input, `next` was computed
 * from `prev.text`; the result maps `next.text` to the input.
 */
export function chain(prev: Normalized, next: Normalized): Normalized {
  if (isIdentity(next.map)) return { text: next.text, map: prev.map };
  if (isIdentity(prev.map)) return next;
  return { text: next.text, map: next.map.compose(prev.map) };
}
