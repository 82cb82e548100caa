import { describe, expect, it } from 'vitest';
import { OrderedWindow } from '../../src/batch/ordered-window.js';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('OrderedWindow', () => {
  it('hands values on in push order however the work finishes', async () => {
    const out: number[] = [];
    const w = new OrderedWindow<number>(100, (v) => out.push(v));
    const delays = [30, 5, 20, 0, 10, 1, 25];
    delays.forEach((ms, i) => w.push(later(i, ms)));
    w.push(7); // a value already known waits for the work before it too
    await w.drain();
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(w.size).toBe(0);
  });

  it('emits each value as soon as everything before it is done', async () => {
    const out: string[] = [];
    const w = new OrderedWindow<string>(10, (v) => out.push(v));
    let release!: (v: string) => void;
    w.push('a');
    w.push(new Promise<string>((r) => (release = r)));
    w.push('c');
    await later(null, 5);
    expect(out).toEqual(['a']);
    release('b');
    await w.drain();
    expect(out).toEqual(['a', 'b', 'c']);
  });

  it('room() holds the producer while `limit` entries are pending, so work in flight stays bounded', async () => {
    const w = new OrderedWindow<number>(3, () => {});
    let running = 0;
    let peak = 0;
    const job = async (i: number) => {
      running++;
      peak = Math.max(peak, running);
      await later(null, (i * 7) % 5);
      running--;
      return i;
    };
    for (let i = 0; i < 30; i++) {
      await w.room();
      expect(w.size).toBeLessThan(3);
      w.push(job(i));
    }
    await w.drain();
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('a rejected work item or a throwing emit stops the window with that error', async () => {
    const w = new OrderedWindow<number>(2, () => {});
    w.push(Promise.reject(new Error('boom')));
    await expect(w.drain()).rejects.toThrow('boom');

    const out: number[] = [];
    const v = new OrderedWindow<number>(2, (n) => {
      if (n === 2) throw new Error('disk full');
      out.push(n);
    });
    v.push(1);
    v.push(2);
    v.push(3);
    await expect(v.drain()).rejects.toThrow('disk full');
    // Nothing after the failed value is handed on.
    expect(out).toEqual([1]);
  });

  it('rejects a limit below 1', () => {
    expect(() => new OrderedWindow(0, () => {})).toThrow(RangeError);
  });
});
