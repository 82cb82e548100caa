// Concurrency and politeness: the per-host limit, the global limit, the per-host start interval,
// and the limiter's queue on its own.
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/sources/fetch/index.js';
import { HostLimiter } from '../../src/sources/fetch/host-limiter.js';
import { startServer, type TestServer } from './fetch-server.js';

/** A server that holds every response for `holdMs` and counts requests open at once. */
interface CountingServer {
  server: TestServer;
  open: number;
  maxOpen: number;
}

const HOLD_MS = 80;
const counting: CountingServer[] = [];
/** Requests open at once over every counting server. */
let openTotal = 0;
let maxOpenTotal = 0;

async function countingServer(): Promise<CountingServer> {
  const c: CountingServer = { server: undefined as unknown as TestServer, open: 0, maxOpen: 0 };
  c.server = await startServer((_req, res: ServerResponse) => {
    c.open++;
    openTotal++;
    c.maxOpen = Math.max(c.maxOpen, c.open);
    maxOpenTotal = Math.max(maxOpenTotal, openTotal);
    setTimeout(() => {
      c.open--;
      openTotal--;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    }, HOLD_MS);
  });
  counting.push(c);
  return c;
}

function reset(): void {
  openTotal = 0;
  maxOpenTotal = 0;
  for (const c of counting) c.maxOpen = 0;
}

let a: CountingServer;
let b: CountingServer;

beforeAll(async () => {
  a = await countingServer();
  b = await countingServer();
});

afterAll(async () => {
  await Promise.all(counting.map((c) => c.server.close()));
});

const urls = (c: CountingServer, n: number, tag: string) => Array.from({ length: n }, (_, i) => c.server.url(`/${tag}/${i}`));

describe('createFetcher: concurrency', () => {
  it('never has more than perHost requests open to one host while the global limit allows more', async () => {
    reset();
    const f = createFetcher({ perHost: 2, concurrency: 16, retries: 0 });
    try {
      const all = [...urls(a, 6, 'p'), ...urls(b, 6, 'p')];
      const results = await Promise.all(all.map((u) => f.fetch(u)));
      expect(results.every((r) => 'bytes' in r)).toBe(true);
    } finally {
      await f.close();
    }
    expect(a.maxOpen).toBe(2);
    expect(b.maxOpen).toBe(2);
    expect(maxOpenTotal).toBe(4);
  });

  it('holds all hosts together to the global limit', async () => {
    reset();
    const f = createFetcher({ perHost: 4, concurrency: 3, retries: 0 });
    try {
      await Promise.all([...urls(a, 5, 'g'), ...urls(b, 5, 'g')].map((u) => f.fetch(u)));
    } finally {
      await f.close();
    }
    expect(maxOpenTotal).toBe(3);
  });

  it('spaces request starts to one host by hostIntervalMs', async () => {
    const f = createFetcher({ perHost: 4, hostIntervalMs: 150, retries: 0 });
    const first = a.server.hits.length;
    try {
      await Promise.all(urls(a, 4, 'i').map((u) => f.fetch(u)));
    } finally {
      await f.close();
    }
    // Arrival times at the server: a busy event loop may delay one request more than the next,
    // so allow some slack per gap; the whole span still shows three intervals.
    const times = a.server.hits.slice(first).map((h) => h.at);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
    expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(3 * 150 - 30);
  });
});

describe('HostLimiter', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('serves one host first come, first served, and lets other hosts past a full one', async () => {
    const limiter = new HostLimiter({ concurrency: 10, perHost: 1, intervalMs: 0 });
    const order: string[] = [];
    const take = (host: string, name: string) =>
      limiter.acquire(host).then((release) => {
        order.push(name);
        return release;
      });
    const r1 = take('x', 'x1');
    const r2 = take('x', 'x2');
    const r3 = take('x', 'x3');
    const r4 = take('y', 'y1');
    await tick();
    expect(order).toEqual(['x1', 'y1']);
    (await r1)();
    await tick();
    expect(order).toEqual(['x1', 'y1', 'x2']);
    (await r2)();
    (await r2)(); // releasing twice gives back one slot only
    await tick();
    expect(order).toEqual(['x1', 'y1', 'x2', 'x3']);
    expect(limiter.inUse).toBe(2);
    (await r3)();
    (await r4)();
    expect(limiter.inUse).toBe(0);
    limiter.close();
  });

  it('grants waiting hosts in arrival order when the global limit frees a slot', async () => {
    const limiter = new HostLimiter({ concurrency: 1, perHost: 1, intervalMs: 0 });
    const order: string[] = [];
    const first = await limiter.acquire('a');
    const waits = ['c', 'b', 'a'].map((h) => limiter.acquire(h).then((release) => (order.push(h), release)));
    first();
    for (const w of waits) (await w)();
    expect(order).toEqual(['c', 'b', 'a']);
    limiter.close();
  });

  it('spaces grants to one host by intervalMs without holding up other hosts', async () => {
    const limiter = new HostLimiter({ concurrency: 10, perHost: 10, intervalMs: 120 });
    const granted: Array<[string, number]> = [];
    const start = Date.now();
    await Promise.all(
      ['x', 'x', 'y', 'x'].map((host) =>
        limiter.acquire(host).then((release) => {
          granted.push([host, Date.now() - start]);
          release();
        }),
      ),
    );
    const x = granted.filter(([h]) => h === 'x').map(([, t]) => t);
    const y = granted.filter(([h]) => h === 'y').map(([, t]) => t);
    expect(y[0]).toBeLessThan(100);
    expect(x[1]! - x[0]!).toBeGreaterThanOrEqual(119);
    expect(x[2]! - x[1]!).toBeGreaterThanOrEqual(119);
    limiter.close();
  });

  it('drops a waiter whose signal aborts, with the signal reason', async () => {
    const limiter = new HostLimiter({ concurrency: 1, perHost: 1, intervalMs: 0 });
    const held = await limiter.acquire('h');
    const controller = new AbortController();
    const waiting = limiter.acquire('h', controller.signal);
    const next = limiter.acquire('h');
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    held();
    (await next)();
    expect(limiter.inUse).toBe(0);
    limiter.close();
  });

  it('rejects waiters when closed', async () => {
    const limiter = new HostLimiter({ concurrency: 1, perHost: 1, intervalMs: 0 });
    await limiter.acquire('h');
    const waiting = limiter.acquire('h');
    limiter.close();
    await expect(waiting).rejects.toThrow('limiter closed');
  });
});
