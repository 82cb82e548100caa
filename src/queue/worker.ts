import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SourceDocument, SourceFailure } from '../core/types.js';
import { packResult, type PackedResult } from './result-codec.js';
import { formatDirectiveWarning, scanItem, sha256Hex } from '../batch/scan-item.js';
import type { ScanSetup } from '../cli/scan-command.js';
import { createFetcher, type Fetcher } from '../sources/fetch/index.js';
import { isFailure, readInputs } from '../sources/index.js';
import { ScanQueue } from './store.js';
import { KEY_PREFIX } from './keys.js';
import { inlineDocument, type DocRef, type JobData } from './refs.js';

export interface WorkerOptions {
  queue: string;
  /** Jobs in flight in this process (overlaps fetching with scanning). */
  concurrency: number;
  /**
   * How soon the jobs of a worker that died are handed to another: its job locks expire after
   * this many milliseconds and live workers look for expired locks as often.
   */
  stallIntervalMs: number;
  /** Exit once nothing is waiting, delayed (retrying) or active. */
  untilEmpty: boolean;
  log: (line: string) => void;
}

export interface WorkerStats {
  completed: number;
  failed: number;
  retried: number;
}

/** HTTP statuses and network failures worth another attempt later (the queue's backoff). */
export function isRetryableFailure(f: SourceFailure): boolean {
  const status = f.fetch?.status ?? Number(/^HTTP (\d{3})\b/.exec(f.error)?.[1] ?? NaN);
  if (Number.isFinite(status)) return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
  return /\b(ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|ENETUNREACH|ENETDOWN|EHOSTUNREACH|EHOSTDOWN|EAI_AGAIN|UND_ERR_SOCKET)\b|timeout|socket hang up|other side closed/i.test(
    f.error,
  );
}

/** Reads or fetches the document a job refers to. */
export async function loadRef(ref: DocRef, setup: ScanSetup, fetcher: Fetcher): Promise<SourceDocument | SourceFailure> {
  const maxBytes = setup.sources.maxBytes;
  switch (ref.kind) {
    case 'url':
      return fetcher.fetch(ref.uri);
    case 'inline':
      return inlineDocument(ref);
    case 'failure':
      return { uri: ref.uri, error: ref.error };
    case 'file': {
      for await (const item of readInputs([ref.path], { maxBytes, concurrency: 1, inputFormat: 'auto', fetcher })) {
        return { ...item, uri: ref.uri };
      }
      return { uri: ref.uri, error: 'file yielded no document' };
    }
    case 'record': {
      const wanted = (k: { uri: string; id?: string; recordId?: string }) =>
        ref.recordId !== undefined ? k.recordId === ref.recordId : ref.id !== undefined ? k.id === ref.id : k.uri === ref.uri;
      const inputFormat = ref.format === 'jsonl' ? 'jsonl' : 'auto';
      for await (const item of readInputs([ref.path], { maxBytes, concurrency: 1, inputFormat, fetcher, skip: (k) => !wanted(k) })) {
        if (!isFailure(item)) return item;
      }
      return { uri: ref.uri, error: `record ${ref.recordId ?? ref.id ?? ref.uri} not found in ${ref.path}` };
    }
  }
}

/**
 * Runs one worker process: takes jobs from the queue, scans them with the rules loaded once
 * in `setup`, and leaves each result in Redis (the completed job's return value) until
 * `queue report` or `queue drain` takes it. Resolves when the worker has shut down: after
 * SIGTERM/SIGINT (active jobs are finished first; a second signal releases them at once, and
 * they stall back to the queue), or, with `untilEmpty`, when no work is left.
 */
export async function runQueueWorker(setup: ScanSetup, client: Redis, opts: WorkerOptions): Promise<WorkerStats> {
  const rulesHash = setup.loaded.rulesHash;
  // Fetch retries are the queue's (attempts with backoff, visible in `queue status`), not in-process.
  const fetcher = createFetcher({ ...setup.sources, retries: 0 });
  const stats: WorkerStats = { completed: 0, failed: 0, retried: 0 };

  const processor = async (job: Job<JobData>): Promise<PackedResult> => {
    const { ref } = job.data;
    if (job.data.rulesHash !== rulesHash) {
      throw new UnrecoverableError(`queued for rule set ${job.data.rulesHash}, but this worker has ${rulesHash}`);
    }
    const item = await loadRef(ref, setup, fetcher);
    if (isFailure(item)) {
      if (ref.kind === 'url' && isRetryableFailure(item)) throw new Error(item.error);
      throw new UnrecoverableError(item.error);
    }
    const { result, directives } = await scanItem({ ...item, uri: ref.uri }, setup, job.data.adTypes ?? setup.adTypes);
    result.sha256 = sha256Hex(item.bytes);
    for (const w of directives) opts.log(`adscan: warning: ${formatDirectiveWarning(ref.uri, w)}`);
    if (ref.kind === 'url' && result.fetch) result.fetch = { ...result.fetch, attempts: job.attemptsMade + 1 };
    return packResult(result);
  };

  const worker = new Worker<JobData, PackedResult>(opts.queue, processor, {
    connection: client,
    prefix: KEY_PREFIX,
    concurrency: opts.concurrency,
    lockDuration: opts.stallIntervalMs,
    stalledInterval: opts.stallIntervalMs,
    // A job whose worker died twice is still tried again before it is given up.
    maxStalledCount: 2,
    autorun: false,
  });
  worker.on('completed', () => stats.completed++);
  worker.on('failed', (job, err) => {
    if (job && job.attemptsMade < (job.opts.attempts ?? 1) && !(err instanceof UnrecoverableError)) stats.retried++;
    else stats.failed++;
  });
  worker.on('error', (err) => opts.log(`adscan: worker: ${err.message}`));
  worker.on('stalled', (jobId) => opts.log(`adscan: worker: job ${jobId} stalled (its worker stopped responding): back in the queue`));

  let closing: Promise<void> | null = null;
  const close = (force: boolean) => {
    if (force) return worker.close(true);
    closing ??= worker.close();
    return closing;
  };
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      opts.log(`adscan: worker: ${sig}: finishing ${opts.concurrency === 1 ? 'the active job' : 'active jobs'}, then stopping (signal again to release them now)`);
      void close(false);
    } else {
      opts.log(`adscan: worker: ${sig}: releasing active jobs; other workers pick them up`);
      void close(true);
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  let timer: NodeJS.Timeout | undefined;
  if (opts.untilEmpty) {
    const store = new ScanQueue(opts.queue, client);
    const check = async () => {
      try {
        const c = await store.counts();
        if (c.waiting + c.delayed + c.active === 0) {
          void close(false);
          return;
        }
      } catch {
        // Redis unavailable for a moment: look again later.
      }
      timer = setTimeout(check, 500);
    };
    timer = setTimeout(check, 500);
  }

  try {
    await worker.run();
    await closing;
  } finally {
    if (timer) clearTimeout(timer);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await fetcher.close();
  }
  return stats;
}
