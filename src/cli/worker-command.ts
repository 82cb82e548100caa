import type { Command } from 'commander';
import { packageVersion } from '../sources/package-version.js';
import { runQueueWorker } from '../queue/worker.js';
import { CliError, EXIT_OK } from './exit-codes.js';
import type { CliIo } from './io.js';
import { addQueueConnectionOptions, addRuleOptions, redisUrl, rulesMismatch, withQueue, type QueueFlags } from '../queue/cli-options.js';
import { prepareScan, type ScanInputFlags } from './scan-command.js';
import { positiveInt } from './source-flags.js';

interface WorkerFlags extends QueueFlags, ScanInputFlags {
  concurrency?: string;
  stallInterval?: string;
  untilEmpty?: boolean;
}

/**
 * `adscan worker`: loads the rules once, checks they are the queue's, then scans jobs until
 * SIGTERM/SIGINT (or, with --until-empty, until the queue has nothing left).
 */
async function runWorker(flags: WorkerFlags, io: CliIo): Promise<number> {
  const concurrency = positiveInt(flags.concurrency, '--concurrency') ?? 1;
  if (concurrency < 1) throw new CliError('--concurrency: expected at least 1');
  const stallIntervalMs = positiveInt(flags.stallInterval, '--stall-interval') ?? 30_000;
  if (stallIntervalMs < 200) throw new CliError('--stall-interval: expected at least 200 ms');
  redisUrl(flags, io);

  return withQueue(flags, io, true, async (q, client) => {
    const before = await q.meta();
    // The queue decides the date numbers are checked against; --ad-type travels with each job.
    const { concurrency: _jobs, ...scanFlags } = flags;
    const setup = await prepareScan({ ...scanFlags, suppressions: false, ...(before.asOf !== undefined ? { asOf: before.asOf } : {}) }, io);
    const own = setup.loaded.rulesHash;
    const meta = await q.claimRules(own, { ...(setup.asOf !== undefined ? { asOf: setup.asOf } : {}), version: packageVersion() });
    const mismatch = rulesMismatch(q.name, meta.rulesHash, meta.version, own);
    if (mismatch) throw new CliError(`worker refuses to start: ${mismatch}`);

    const log = (line: string) => io.stderr.write(`${line}\n`);
    log(`adscan: worker ${process.pid} on queue "${q.name}" (rules ${own}, concurrency ${concurrency})`);
    const started = Date.now();
    const stats = await runQueueWorker(setup, client, {
      queue: q.name,
      concurrency,
      stallIntervalMs,
      untilEmpty: flags.untilEmpty === true,
      log,
    });
    const seconds = (Date.now() - started) / 1000;
    const done = stats.completed + stats.failed;
    log(
      `adscan: worker ${process.pid} stopped: ${stats.completed} scanned, ${stats.failed} failed, ${stats.retried} to retry` +
        ` (${seconds > 0 ? (done / seconds).toFixed(1) : '0'} documents/s over ${seconds.toFixed(1)} s)`,
    );
    return EXIT_OK;
  });
}

export function addWorkerCommand(program: Command, io: CliIo, state: { code: number }): void {
  const worker = program
    .command('worker')
    .description('scan documents from a Redis (BullMQ) queue filled by `adscan queue add`; run one per core on every scanning machine');
  addRuleOptions(addQueueConnectionOptions(worker, io))
    .option('--concurrency <n>', 'jobs in flight in this process: more than 1 overlaps fetching with scanning (default: 1; run one worker per core)')
    .option('--stall-interval <ms>', 'how soon the jobs of a worker that died go to another: job locks last this long, and are checked as often (default: 30000)')
    .option('--until-empty', 'exit when nothing is waiting, active or retrying (for batch jobs); otherwise run until SIGTERM')
    .option('--full-dict', 'segment with jieba\'s full dictionary')
    .option('--cert-registry <file.csv>', 'CSV of issued numbers (use the same file on every worker)')
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds')
    .option('--max-bytes <n>', 'largest file or HTTP body read, in bytes')
    .option('--max-redirects <n>', 'HTTP redirects followed')
    .option('--per-host <n>', 'requests at once to one host, per worker')
    .option('--host-interval <ms>', 'minimum milliseconds between two requests to one host, per worker')
    .option('--user-agent <ua>', 'User-Agent header for URL requests')
    .option('--robots', 'obey robots.txt')
    .action(async (opts: WorkerFlags) => {
      state.code = await runWorker(opts, io);
    });
}
