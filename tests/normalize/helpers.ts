import type { Normalized } from '../../src/normalize/index.js';

/** The original text behind the first occurrence of `needle` in the normalised text. */
export function sourceOf(input: string, n: Normalized, needle: string, from = 0): string {
  const at = n.text.indexOf(needle, from);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} not in ${JSON.stringify(n.text)}`);
  const [s, e] = n.map.toSource(at, at + needle.length);
  return input.slice(s, e);
}

/** The map as a list of [start, end) pairs, one per target unit, for exact comparisons. */
export function spans(n: Normalized): [number, number][] {
  return Array.from(n.map.start, (s, i) => [s, n.map.end[i]!]);
}
