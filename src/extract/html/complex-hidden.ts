import { load, type CheerioOptions } from 'cheerio/slim';
import type { HiddenSelectors } from './hidden.js';

/**
 * Resolves the hiding rules whose selectors are more than a class or id (`.box > span`,
 * `#ad p:first-child`) with cheerio's CSS engine. cheerio parses the page with htmlparser2,
 * as extraction does, so an element is identified by the offset of its start tag. Only
 * pages that carry such rules pay for the second parse. A selector cheerio cannot read
 * (browser-specific pseudo-classes and the like) is skipped, as a browser would skip it.
 */
export function resolveComplexSelectors(original: string, selectors: HiddenSelectors): void {
  if (selectors.complex.length === 0) return;
  // Passed through to htmlparser2, which records where each element starts.
  const $ = load(original, { withStartIndices: true } as CheerioOptions, false);
  for (const { selector, why } of selectors.complex) {
    let matched;
    try {
      matched = $(selector);
    } catch {
      continue;
    }
    matched.each((_, el) => {
      const at = (el as { startIndex?: number | null }).startIndex;
      if (typeof at === 'number' && !selectors.byOffset.has(at)) selectors.byOffset.set(at, why);
    });
  }
}
