import { Option, type Command } from 'commander';
import type { Redis } from 'ioredis';
import { CliError } from '../cli/exit-codes.js';
import type { CliIo } from '../cli/io.js';
import { packageVersion } from '../sources/package-version.js';
import { checkRedisUrl, connectRedis, RedisUnavailable } from './connection.js';
import { checkQueueName } from './keys.js';
import { ScanQueue } from './store.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** `--redis` and `--queue`, shared by every queue command and the worker. */
export interface QueueFlags {
  redis?: string;
  queue: string;
}

export function addQueueConnectionOptions(cmd: Command, io: CliIo): Command {
  return cmd
    .option('--redis <url>', `Redis holding the queue (default: $ADSCAN_REDIS or ${DEFAULT_REDIS_URL})`)
    .requiredOption('--queue <name>', 'queue name (one per crawl or batch)', io.env.ADSCAN_QUEUE);
}

export function redisUrl(flags: QueueFlags, io: CliIo): string {
  const url = flags.redis ?? io.env.ADSCAN_REDIS ?? DEFAULT_REDIS_URL;
  const problem = checkRedisUrl(url);
  if (problem) throw new CliError(problem);
  const nameProblem = checkQueueName(flags.queue);
  if (nameProblem) throw new CliError(nameProblem);
  return url;
}

/** Connects, runs `fn` with the queue, and always closes both. */
export async function withQueue<T>(flags: QueueFlags, io: CliIo, persistent: boolean, fn: (q: ScanQueue, client: Redis) => Promise<T>): Promise<T> {
  const url = redisUrl(flags, io);
  let client: Redis;
  try {
    client = await connectRedis(url, persistent);
  } catch (err) {
    if (err instanceof RedisUnavailable) throw new CliError(err.message);
    throw err;
  }
  const q = new ScanQueue(flags.queue, client);
  try {
    return await fn(q, client);
  } finally {
    await q.close().catch(() => {});
    client.disconnect();
  }
}

/** The rule set of a queue must be the one these flags load, or the report would mix rule sets. */
export function rulesMismatch(queue: string, queueHash: string | undefined, version: string | undefined, own: string): string | null {
  if (queueHash === undefined || queueHash === own) return null;
  return (
    `queue "${queue}" was filled for rule set ${queueHash}${version ? ` (adscan ${version})` : ''}, but these rules are ${own} (adscan ${packageVersion()}): ` +
    'use the same adscan version, --rules, --no-builtin-rules and configuration as `queue add`, or another queue'
  );
}

/** The rule options: they decide the rule-set hash, which must be the same everywhere. */
export function addRuleOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'configuration file (default: .adscanrc.yaml in the working directory or a parent)')
    .option('--no-config', 'ignore configuration files')
    .addOption(new Option('--rules <path>', 'rule file or directory that adds or replaces packs (repeatable)').argParser(collect))
    .addOption(new Option('--no-builtin-rules', 'do not load the bundled rule packs'));
}

