import { createRequire } from 'node:module';
import type { load as Load } from 'cheerio/slim';
import type { Document } from 'domhandler';
import type { DomNode } from './dom.js';
import type { HiddenSelectors } from './hidden.js';

/**
 * Resolves the hiding rules whose selectors are more than a class or id (`.box > span`,
 * `#ad p:first-child`) with cheerio's CSS engine, over the tree extraction already built
 * (parse-tree.ts builds cheerio's own node types), so no page is parsed twice. A selector
 * cheerio cannot read (browser-specific pseudo-classes and the like) is skipped, as a browser
 * would skip it.
 */
export function resolveComplexSelectors(root: Document & DomNode, selectors: HiddenSelectors): void {
  if (selectors.complex.length === 0) return;
  // cheerio is loaded on the first page that needs it: most pages have no such rule.
  const { load } = createRequire(import.meta.url)('cheerio/slim') as { load: typeof Load };
  const $ = load(root, null, false);
  for (const { selector, why } of selectors.complex) {
    let matched;
    try {
      matched = $(selector);
    } catch {
      continue;
    }
    matched.each((_, el) => {
      const node = el as unknown as DomNode;
      if (!selectors.byElement.has(node)) selectors.byElement.set(node, why);
    });
  }
}
