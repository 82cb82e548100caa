// How each HTML element affects extracted text, following browsers' default rendering.

/**
 * Never rendered as text: metadata, scripts, embedded documents, fallback content — and <rt>,
 * ruby pronunciation (当<rt>dang</rt>), shown above the characters, never part of their words.
 */
export const SKIPPED = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'noembed', 'noframes',
  'object', 'embed', 'video', 'audio', 'canvas', 'datalist', 'rp', 'rt', 'svg', 'math', 'meta', 'link', 'base',
]);

/** Block-level boxes: their text starts and ends on its own line. */
export const BLOCKS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'legend', 'li', 'listing', 'main', 'menu', 'nav',
  'ol', 'optgroup', 'option', 'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table', 'tbody',
  'textarea', 'tfoot', 'thead', 'tr', 'ul', 'xmp',
]);

/** Table cells sit side by side: a tab between them, a line per row. */
export const CELLS = new Set(['td', 'th']);

/** Whitespace inside these is shown as written. */
export const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);

/** Table structure outside the cells, where stray text is shown apart from the table. */
export const TABLE_STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** The sets above as bits of one number per tag name: the walk asks once per element, not five times. */
export const Kind = { Skipped: 1, Block: 2, Cell: 4, Preformatted: 8, TableStructure: 16 } as const;

const KINDS = new Map<string, number>();
for (const [set, bit] of [
  [SKIPPED, Kind.Skipped],
  [BLOCKS, Kind.Block],
  [CELLS, Kind.Cell],
  [PREFORMATTED, Kind.Preformatted],
  [TABLE_STRUCTURE, Kind.TableStructure],
] as const) {
  for (const name of set) KINDS.set(name, (KINDS.get(name) ?? 0) | bit);
}

/** The Kind bits of an element name (0 for an inline element). */
export function kindOf(name: string): number {
  return KINDS.get(name) ?? 0;
}
