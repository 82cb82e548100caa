import { describe, expect, it } from 'vitest';
import { orderedMap } from '../../src/sources/inputs/ordered-map.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function collect<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe('orderedMap', () => {
  it('yields in source order although later items finish first, with calls overlapping', async () => {
    let running = 0;
    let peak = 0;
    const finished: number[] = [];
    const out = await collect(
      orderedMap([0, 1, 2, 3, 4, 5, 6, 7], async (n) => {
        running++;
        peak = Math.max(peak, running);
        await sleep((8 - n) * 5); // the first is the slowest
        running--;
        finished.push(n);
        return n * 10;
      }, { concurrency: 4 }),
    );
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(4);
    expect(finished.slice(0, 3)).not.toEqual([0, 1, 2]); // really concurrent
  });

  it('never takes more than `concurrency` items ahead of the consumer', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield i;
      }
    }
    const gen = orderedMap(source(), async (n) => n, { concurrency: 3 });
    let consumed = 0;
    for await (const _ of gen) {
      consumed++;
      // The item being handed out plus at most 3 taken ahead of it.
      expect(pulled - consumed).toBeLessThanOrEqual(3);
      await sleep(0);
    }
    expect(consumed).toBe(100);
  });

  it('hands out finished results while the source is still waiting for its next item', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* source() {
      yield 1;
      await gate; // e.g. a URL list on a pipe that has not sent more yet
      yield 2;
    }
    const gen = orderedMap(source(), async (n) => n, { concurrency: 8 });
    expect(await gen.next()).toEqual({ value: 1, done: false });
    release();
    expect(await gen.next()).toEqual({ value: 2, done: false });
    expect((await gen.next()).done).toBe(true);
  });

  it('throws a failed call in its place, after the results before it', async () => {
    const seen: number[] = [];
    const gen = orderedMap([1, 2, 3], async (n) => {
      if (n === 2) throw new Error('boom');
      return n;
    }, { concurrency: 3 });
    await expect((async () => {
      for await (const x of gen) seen.push(x);
    })()).rejects.toThrow('boom');
    expect(seen).toEqual([1]);
  });

  it('throws a source error after the results already under way', async () => {
    async function* source() {
      yield 1;
      yield 2;
      throw new Error('source broke');
    }
    const seen: number[] = [];
    await expect((async () => {
      for await (const x of orderedMap(source(), async (n) => n, { concurrency: 4 })) seen.push(x);
    })()).rejects.toThrow('source broke');
    expect(seen).toEqual([1, 2]);
  });

  it('stops promptly when the signal aborts, even while a call is pending', async () => {
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const gen = orderedMap([1, 2, 3], (n, signal) => {
      signals.push(signal);
      return n === 1 ? Promise.resolve(1) : new Promise<number>(() => {}); // 2 never finishes
    }, { concurrency: 2, signal: controller.signal });
    expect(await gen.next()).toEqual({ value: 1, done: false });
    const pending = gen.next();
    setTimeout(() => controller.abort(), 10);
    expect(await pending).toEqual({ value: undefined, done: true });
    // The calls still running are told to give up.
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('closes the source and aborts running calls when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    const signals: AbortSignal[] = [];
    for await (const x of orderedMap(source(), async (n, signal) => {
      signals.push(signal);
      await sleep(1);
      return n;
    }, { concurrency: 4 })) {
      if (x === 5) break;
    }
    expect(closed).toBe(true);
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('accepts synchronous functions and a concurrency below 1', async () => {
    expect(await collect(orderedMap(['a', 'b'], (s) => s.toUpperCase(), { concurrency: 0 }))).toEqual(['A', 'B']);
  });
});
