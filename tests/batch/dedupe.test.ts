import { describe, expect, it } from 'vitest';
import { ContentCache, contentKey } from '../../src/batch/dedupe.js';

const SHA = 'a'.repeat(64);

describe('contentKey', () => {
  it('is the same for the same bytes, hint, content type and extension, wherever they were found', () => {
    expect(contentKey(SHA, undefined, undefined, 'a/x.html')).toBe(contentKey(SHA, undefined, undefined, 'https://h.test/b/y.HTML?q=1#top'));
    expect(contentKey(SHA, ['drug', 'medical'], undefined, 'x.txt')).toBe(contentKey(SHA, ['medical', 'drug'], undefined, 'y.txt'));
  });

  it('differs when anything that changes the scan differs', () => {
    const base = contentKey(SHA, undefined, undefined, 'x.txt');
    expect(contentKey('b'.repeat(64), undefined, undefined, 'x.txt')).not.toBe(base);
    expect(contentKey(SHA, ['drug'], undefined, 'x.txt')).not.toBe(base);
    expect(contentKey(SHA, undefined, 'text/html; charset=gbk', 'x.txt')).not.toBe(base);
    // Format detection reads the extension.
    expect(contentKey(SHA, undefined, undefined, 'x.html')).not.toBe(base);
  });
});

describe('ContentCache', () => {
  it('remembers the first URI and the result of a key', () => {
    const cache = new ContentCache<string>();
    expect(cache.lookup('k')).toBeUndefined();
    cache.remember('k', 'first.txt', 'R');
    expect(cache.lookup('k')).toEqual({ first: 'first.txt', value: 'R' });
    // A later rescan's result does not change which URI was first.
    cache.remember('k', 'second.txt', 'R2');
    expect(cache.lookup('k')).toEqual({ first: 'first.txt', value: 'R2' });
  });

  it('keeps at most resultCapacity results and keyCapacity keys, dropping the least recently used', () => {
    const cache = new ContentCache<number>(2, 3);
    cache.remember('a', 'a', 1);
    cache.remember('b', 'b', 2);
    cache.lookup('a'); // a is now more recent than b
    cache.remember('c', 'c', 3);
    expect(cache.size).toEqual({ keys: 3, results: 2 });
    // b's result was evicted, its key kept: the caller rescans but knows the first URI.
    expect(cache.lookup('b')).toEqual({ first: 'b' });
    expect(cache.lookup('a')).toEqual({ first: 'a', value: 1 });
    cache.remember('d', 'd', 4);
    expect(cache.size).toEqual({ keys: 3, results: 2 });
    expect(cache.lookup('c')).toBeUndefined();
  });

  it('forget drops a result but keeps the key', () => {
    const cache = new ContentCache<number>();
    cache.remember('k', 'u', 1);
    cache.forget('k');
    expect(cache.lookup('k')).toEqual({ first: 'u' });
  });
});
