// robots.txt: fetched once per origin and cached, disallowed URLs become failures, a missing
// or unreachable robots.txt allows everything, and robots: false never asks for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/sources/fetch/index.js';
import { RobotsCache, robotsAgent } from '../../src/sources/fetch/robots.js';
import { startServer, type TestServer } from './fetch-server.js';

const ROBOTS = ['User-agent: *', 'Disallow: /private', '', 'User-agent: strictbot', 'Disallow: /', ''].join('\n');

let withRobots: TestServer;
let without: TestServer;
let broken: TestServer;

function pages(path: string, res: import('node:http').ServerResponse): void {
  if (path === '/go-private') {
    res.writeHead(302, { location: '/private/page' });
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`page ${path}`);
}

beforeAll(async () => {
  withRobots = await startServer((_req, res, hit) => {
    if (hit.path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(ROBOTS);
      return;
    }
    pages(hit.path, res);
  });
  without = await startServer((_req, res, hit) => {
    if (hit.path === '/robots.txt') {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not here</h1>');
      return;
    }
    pages(hit.path, res);
  });
  broken = await startServer((req, res, hit) => {
    if (hit.path === '/robots.txt') return void req.socket.destroy();
    pages(hit.path, res);
  });
});

afterAll(async () => {
  await Promise.all([withRobots.close(), without.close(), broken.close()]);
});

describe('createFetcher: robots.txt', () => {
  it('refuses a disallowed URL without requesting it, fetching robots.txt once per origin', async () => {
    const f = createFetcher({ robots: true, userAgent: 'adscan/1.0', retryBaseMs: 10 });
    try {
      const results = await Promise.all(
        ['/private/a', '/public/a', '/private/b', '/public/b'].map((p) => f.fetch(withRobots.url(p))),
      );
      expect(results.map((r) => ('error' in r ? r.error : 'ok'))).toEqual([
        'disallowed by robots.txt',
        'ok',
        'disallowed by robots.txt',
        'ok',
      ]);
      expect(results[0]).toEqual({ uri: withRobots.url('/private/a'), error: 'disallowed by robots.txt' });
      expect(withRobots.count('/robots.txt')).toBe(1);
      expect(withRobots.hits.some((h) => h.path.startsWith('/private'))).toBe(false);
    } finally {
      await f.close();
    }
  });

  it('checks where a redirect leads, too', async () => {
    const f = createFetcher({ robots: true });
    try {
      const failure = await f.fetch(withRobots.url('/go-private'));
      expect('error' in failure && failure.error).toBe(`disallowed by robots.txt: ${withRobots.url('/private/page')}`);
      expect(failure.fetch).toEqual({ status: 302, attempts: 1 });
    } finally {
      await f.close();
    }
  });

  it('matches the user agent\'s product token against the groups', async () => {
    const f = createFetcher({ robots: true, userAgent: 'StrictBot/2.0 (+https://example.test/bot)' });
    try {
      const r = await f.fetch(withRobots.url('/public/x'));
      expect('error' in r && r.error).toBe('disallowed by robots.txt');
    } finally {
      await f.close();
    }
  });

  it('allows everything when robots.txt is missing (404) or unreachable', async () => {
    const f = createFetcher({ robots: true, retryBaseMs: 10 });
    try {
      for (const s of [without, broken]) {
        const r = await f.fetch(s.url('/private/x'));
        expect('bytes' in r && Buffer.from(r.bytes).toString()).toBe('page /private/x');
        expect(s.count('/robots.txt')).toBe(1);
      }
    } finally {
      await f.close();
    }
  });

  it('never asks for robots.txt unless robots: true', async () => {
    const before = withRobots.count('/robots.txt');
    const f = createFetcher({});
    try {
      expect('bytes' in (await f.fetch(withRobots.url('/private/z')))).toBe(true);
    } finally {
      await f.close();
    }
    expect(withRobots.count('/robots.txt')).toBe(before);
  });
});

describe('RobotsCache', () => {
  it('loads each origin once, shares a pending load, and lets a waiter cancel', async () => {
    const loads: string[] = [];
    let finish!: (text: string | null) => void;
    const cache = new RobotsCache((url) => {
      loads.push(url);
      return new Promise((resolve) => (finish = resolve));
    }, 'adscan/0.1.0');
    const never = new AbortController();
    const one = cache.allows(new URL('https://a.test/x'), never.signal);
    const two = cache.allows(new URL('https://a.test/y'), never.signal);
    const cancel = new AbortController();
    const three = cache.allows(new URL('https://a.test/z'), cancel.signal);
    cancel.abort(new Error('gone'));
    await expect(three).rejects.toThrow('gone');
    finish('User-agent: adscan\nDisallow: /y\n');
    expect(await one).toBe(true);
    expect(await two).toBe(false);
    expect(loads).toEqual(['https://a.test/robots.txt']);
  });

  it('takes the product token of a user agent', () => {
    expect(robotsAgent('adscan/0.1.0')).toBe('adscan');
    expect(robotsAgent('Mozilla/5.0 (compatible; adscan)')).toBe('Mozilla');
    expect(robotsAgent('')).toBe('*');
  });
});
