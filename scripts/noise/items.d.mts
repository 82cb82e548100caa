// Types for items.mjs, so the TypeScript tests can use it under strict mode.

export interface Item {
  /** The clean character (one code point). */
  ch: string;
  /** Its clean UTF-16 offset. */
  at: number;
  /** Markup before the core that a finding never covers. */
  pre: string;
  /** What the character became and owns. */
  core: string;
  /** Markup after the core that a finding never covers. */
  post: string;
  /** Junk inserted between this character and the next. */
  after: string;
}

export interface Rendered {
  text: string;
  coreStart: number[];
  coreEnd: number[];
}

export function itemsOf(text: string): Item[];
export function render(items: Item[], prefix?: string, suffix?: string): Rendered;
export function itemAt(items: Item[], offset: number): number;
export function itemRange(items: Item[], start: number, end: number): [number, number];
export function noisySpan(items: Item[], rendered: Rendered, start: number, end: number): [number, number];
