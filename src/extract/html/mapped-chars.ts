/**
 * Decoded characters with, for each UTF-16 unit, the source span it came from. The unit of
 * exchange between the HTML readers and the layout step.
 */
export interface MappedChars {
  text: string;
  starts: number[];
  ends: number[];
}
