// Starts a private redis-server for a test file: a free loopback port, a temp directory,
// no persistence. Without redis-server the queue tests are skipped locally, and fail in CI
// (.ci/run installs Debian's redis-server and sets CI=1).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export const REDIS_SERVER = process.env.ADSCAN_REDIS_SERVER ?? 'redis-server';

export const redisAvailable = spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' }).status === 0;
/** Skip only off CI: in CI a missing redis-server must fail the run, not hide the tests. */
export const skipQueueTests = !redisAvailable && !process.env.CI;
if (skipQueueTests) {
  console.warn('tests/queue: skipped, redis-server not found (apt-get install -y redis-server to run them)');
}

export interface RedisServer {
  url: string;
  port: number;
  client: Redis;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<RedisServer> {
  if (!redisAvailable) throw new Error(`${REDIS_SERVER} is missing: CI must install Debian's redis-server (apt-get install -y redis-server)`);
  const dir = mkdtempSync(join(tmpdir(), 'adscan-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  let client: Redis | null = null;
  while (!client) {
    const c = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: null });
    c.on('error', () => {});
    try {
      await c.connect();
      await c.ping();
      client = c;
    } catch (err) {
      c.disconnect();
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`redis-server did not start on port ${port}: ${String(err)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    port,
    client,
    async stop() {
      client.disconnect();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
