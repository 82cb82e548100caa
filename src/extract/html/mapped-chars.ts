/**
 * Decoded characters with, for each UTF-16 unit, the source span it came from. The unit of
 * exchange between the HTML readers and the layout step.
 *
 * Most text nodes hold no character reference: their units map one to one onto the source.
 * Those set `base` (unit i maps to [base + i, base + i + 1)) and leave `starts`/`ends` empty,
 * sparing two arrays per node on pages that are mostly such text.
 */
export interface MappedChars {
  text: string;
  starts: number[];
  ends: number[];
  base?: number;
}

export function unitStart(c: MappedChars, i: number): number {
  return c.base !== undefined ? c.base + i : c.starts[i]!;
}

export function unitEnd(c: MappedChars, i: number): number {
  return c.base !== undefined ? c.base + i + 1 : c.ends[i]!;
}
