// Types for kinds.mjs, so the TypeScript tests can use it under strict mode.
import type { Item } from './items.mjs';

export interface Chooser {
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  int(n: number): number;
}

export interface KindResult {
  applied: boolean;
  /** Set when the kind turned the document into an HTML page. */
  html?: { prefix: string; suffix: string };
}

export type Kind = (items: Item[], targets: [number, number][], r: Chooser) => KindResult;

export function mulberry32(seed: number): () => number;
export function chooser(next: () => number): Chooser;
export function seeded(seed: number): Chooser;
export function fromTape(tape: readonly number[]): Chooser;
export function useLookalikeTables(tables: { always: Readonly<Record<string, string>>; betweenHan: Readonly<Record<string, string>> }): void;
export function chineseNumber(token: string, r: Chooser): string;

export const INVISIBLES: readonly string[];
export const SEPARATORS: readonly string[];
export const REPLACING_KINDS: ReadonlySet<string>;
export const KINDS: Readonly<Record<string, Kind>>;
export const KIND_NAMES: readonly string[];
