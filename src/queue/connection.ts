import { Redis } from 'ioredis';

export class RedisUnavailable extends Error {}

/** `redis://host:port/db`, `rediss://…` (TLS) or `unix:///path.sock`. */
export function checkRedisUrl(url: string): string | null {
  if (!/^(rediss?|unix):\/\//i.test(url)) return `--redis: expected redis://HOST:PORT (or rediss://, unix://), got "${url}"`;
  try {
    new URL(url);
  } catch {
    return `--redis: invalid URL "${url}"`;
  }
  return null;
}

/** The URL without its password, for messages. */
export function displayRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * One Redis connection. A worker's (`persistent`) reconnects for ever, as BullMQ requires
 * (maxRetriesPerRequest: null): a Redis restart pauses the work instead of ending it. A
 * command's connection gives up at once, so `queue status` against a wrong address says so.
 */
export async function connectRedis(url: string, persistent: boolean): Promise<Redis> {
  const client = persistent
    ? new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, connectionName: 'adscan' })
    : new Redis(url, {
        maxRetriesPerRequest: null,
        lazyConnect: true,
        connectTimeout: 5000,
        connectionName: 'adscan',
        retryStrategy: () => null,
        enableOfflineQueue: true,
      });
  let lastError: unknown;
  client.on('error', (err) => {
    lastError = err;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.disconnect();
    const cause = err instanceof Error ? err.message : String(lastError ?? err);
    throw new RedisUnavailable(`cannot connect to Redis at ${displayRedisUrl(url)}: ${cause}`);
  }
  return client;
}
