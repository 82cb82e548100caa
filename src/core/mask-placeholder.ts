/*
 * The one character that stands for a masked character nobody could fill in (处*药 with no
 * single known word for the gap): normalisation (normalize/masks.ts) writes it where the mask
 * symbol was, and matching (rules/wildcard.ts) lets it stand for any one Han character of a
 * term or of a rule regex. A private-use code point, so that it never means anything itself;
 * an occurrence already in the input (an icon font's glyph) is rewritten to NOT_PLACEHOLDER by
 * the masks step, so that it cannot act as a wildcard.
 */
export const MASK_PLACEHOLDER = '\uEFFE';
export const MASK_PLACEHOLDER_CP = 0xeffe;

/** Another private-use code point: what an input's own MASK_PLACEHOLDER becomes. */
export const NOT_PLACEHOLDER = '\uEFFD';

/** Whether `text` holds a placeholder (a native scan: cheap enough to run on every text). */
export function hasPlaceholder(text: string): boolean {
  return text.indexOf(MASK_PLACEHOLDER) !== -1;
}
