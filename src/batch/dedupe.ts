import type { AdType } from '../core/types.js';

/**
 * What decides a scan's outcome besides the bytes: the ad-type hint, the HTTP Content-Type
 * (it can name the charset and the format) and the URI's extension (format detection reads
 * it). Two inputs with equal keys get equal content-only results.
 */
export function contentKey(sha256: string, adTypes: readonly AdType[] | undefined, contentType: string | undefined, uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  return [sha256, adTypes ? [...adTypes].sort().join(',') : '*', contentType?.trim().toLowerCase() ?? '', extension].join('\0');
}

export interface ContentHit<V> {
  /** The first URI seen with this content in the run. */
  first: string;
  /** Its result, while still remembered; absent once evicted (the caller scans again). */
  value?: V;
}

/**
 * Identical content is scanned once per run. Memory stays bounded whatever the corpus:
 * the results of the `resultCapacity` most recently used keys are kept (an LRU), and beyond
 * that only keys with their first URI, for `keyCapacity` keys (also LRU). Content whose
 * result was evicted is scanned again but still reported as the same content as its first
 * URI; content whose key was evicted too counts as new.
 */
export class ContentCache<V> {
  private readonly firsts = new Map<string, string>();
  private readonly values = new Map<string, V>();

  constructor(
    // A page's result with its findings takes ~100 KB of heap: 128 of them bound what the main
    // thread holds for duplicates (mirrors and re-crawled URLs come close together) to ~13 MB.
    readonly resultCapacity = 128,
    readonly keyCapacity = 100_000,
  ) {}

  lookup(key: string): ContentHit<V> | undefined {
    const first = this.firsts.get(key);
    if (first === undefined) return undefined;
    touch(this.firsts, key, first);
    const value = this.values.get(key);
    if (value === undefined) return { first };
    touch(this.values, key, value);
    return { first, value };
  }

  /** Records the result for `key` (and `first`, unless the key already has one). */
  remember(key: string, first: string, value: V): void {
    touch(this.firsts, key, this.firsts.get(key) ?? first);
    touch(this.values, key, value);
    trim(this.firsts, this.keyCapacity);
    trim(this.values, this.resultCapacity);
  }

  /** Drops a remembered result (e.g. a crash, not an answer worth copying); the key stays. */
  forget(key: string): void {
    this.values.delete(key);
  }

  get size(): { keys: number; results: number } {
    return { keys: this.firsts.size, results: this.values.size };
  }
}

/** Map order is insertion order: re-inserting makes `key` the most recently used. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

function trim<V>(map: Map<string, V>, capacity: number): void {
  while (map.size > capacity) {
    const oldest = map.keys().next().value as string;
    map.delete(oldest);
  }
}
