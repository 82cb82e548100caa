import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DocumentResult } from '../core/types.js';
import { failedDocument } from '../cli/document-pipeline.js';
import { JOB_NAME, jobIdFor, KEY_PREFIX, queueKeys } from './keys.js';
import { refIdentity, type DocRef, type JobData } from './refs.js';
import { unpackResult } from './result-codec.js';

/** BullMQ's event stream is only for live listeners; keep it short so it costs little memory. */
export const EVENTS_MAX_LEN = 1000;

export interface QueueMeta {
  rulesHash?: string;
  asOf?: string;
  version?: string;
  createdAt?: string;
  reported: number;
}

export interface RetryPolicy {
  /** Tries per document, the first included. */
  attempts: number;
  /** Exponential backoff: retry n waits backoffMs * 2^(n-1). */
  backoffMs: number;
}

export interface EnqueueCounts {
  added: number;
  duplicates: number;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export type Finished = { job: Job<JobData>; document: DocumentResult };

/** One adscan queue: BullMQ's Queue plus adscan's own keys (rules hash, seen set, order). */
export class ScanQueue {
  readonly queue: Queue<JobData>;
  private readonly keys: ReturnType<typeof queueKeys>;

  constructor(
    readonly name: string,
    readonly client: Redis,
  ) {
    this.queue = new Queue<JobData>(name, { connection: client, prefix: KEY_PREFIX, streams: { events: { maxLen: EVENTS_MAX_LEN } } });
    this.keys = queueKeys(name);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  async meta(): Promise<QueueMeta> {
    const h = await this.client.hgetall(this.keys.meta);
    const meta: QueueMeta = { reported: Number(h.reported ?? 0) };
    if (h.rulesHash) meta.rulesHash = h.rulesHash;
    if (h.asOf) meta.asOf = h.asOf;
    if (h.version) meta.version = h.version;
    if (h.createdAt) meta.createdAt = h.createdAt;
    return meta;
  }

  /**
   * Records the queue's rule set if it has none yet (the first `queue add` or worker sets it)
   * and returns the one in force, which the caller compares with its own.
   */
  async claimRules(rulesHash: string, extra: { asOf?: string; version: string }): Promise<QueueMeta> {
    const set = await this.client.hsetnx(this.keys.meta, 'rulesHash', rulesHash);
    if (set === 1) {
      const fields: Record<string, string> = { version: extra.version, createdAt: new Date().toISOString() };
      if (extra.asOf !== undefined) fields.asOf = extra.asOf;
      await this.client.hset(this.keys.meta, fields);
    }
    return this.meta();
  }

  /**
   * Adds a batch of documents. A job id is derived from each document's identity, and ids
   * already seen by this queue (even if their results were reported and removed since) are
   * not added again; BullMQ ignores an id that is still in the queue, so two concurrent
   * `queue add`s of the same document also give one job.
   */
  async enqueue(batch: { ref: DocRef; adTypes?: JobData['adTypes'] }[], rulesHash: string, retry: RetryPolicy): Promise<EnqueueCounts> {
    const unique = new Map<string, (typeof batch)[number]>();
    for (const item of batch) {
      const id = jobIdFor(refIdentity(item.ref));
      if (!unique.has(id)) unique.set(id, item);
    }
    const ids = [...unique.keys()];
    if (ids.length === 0) return { added: 0, duplicates: batch.length };
    const member = await this.client.smismember(this.keys.seen, ...ids);
    const fresh = ids.filter((_, i) => member[i] === 0);
    if (fresh.length > 0) {
      const last = await this.client.incrby(this.keys.seq, fresh.length);
      const first = last - fresh.length + 1;
      await this.queue.addBulk(
        fresh.map((id, i) => {
          const item = unique.get(id)!;
          const data: JobData = { ref: item.ref, seq: first + i, rulesHash };
          if (item.adTypes) data.adTypes = item.adTypes;
          return {
            name: JOB_NAME,
            data,
            opts: {
              jobId: id,
              attempts: retry.attempts,
              backoff: { type: 'exponential', delay: retry.backoffMs },
              // Finished jobs are kept (BullMQ's default): their results wait for `queue report`.
            },
          };
        }),
      );
      await this.client.sadd(this.keys.seen, ...fresh);
    }
    return { added: fresh.length, duplicates: batch.length - fresh.length };
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
    };
  }

  /** Documents finished per second: over the last `windowMs`, and since the first still held. */
  async rate(now: number, windowMs = 60_000): Promise<{ recent: number; overall: number | null }> {
    const zsets = [this.queue.keys.completed!, this.queue.keys.failed!];
    let recent = 0;
    let first = Infinity;
    let last = -Infinity;
    let total = 0;
    for (const key of zsets) {
      recent += await this.client.zcount(key, now - windowMs, '+inf');
      total += await this.client.zcard(key);
      const lo = await this.client.zrange(key, 0, 0, 'WITHSCORES');
      const hi = await this.client.zrange(key, -1, -1, 'WITHSCORES');
      if (lo[1] !== undefined) first = Math.min(first, Number(lo[1]));
      if (hi[1] !== undefined) last = Math.max(last, Number(hi[1]));
    }
    const window = Number.isFinite(first) ? Math.min(windowMs, Math.max(1000, now - first)) : windowMs;
    const overall = total > 1 && last > first ? (total - 1) / ((last - first) / 1000) : null;
    return { recent: recent / (window / 1000), overall };
  }

  /**
   * Finished documents (completed, then failed), a page at a time, each as the document of a
   * report: a completed job's result, or a failed job as a failed document with its cause.
   * Pages are read from the oldest; the caller removes what it has written (see remove()).
   */
  async *finished(pageSize = 500): AsyncGenerator<Finished[]> {
    for (const state of ['completed', 'failed'] as const) {
      // Ids first (one cheap range), then the jobs page by page: removal behind us cannot shift a page.
      const ids = await this.queue.getRanges([state], 0, -1, true);
      for (let i = 0; i < ids.length; i += pageSize) {
        const jobs = await Promise.all(ids.slice(i, i + pageSize).map((id) => this.queue.getJob(id) as Promise<Job<JobData> | undefined>));
        const page: Finished[] = [];
        for (const job of jobs) {
          if (!job) continue;
          const document = state === 'completed' ? completedDocument(job) : failedJobDocument(job);
          if (document) page.push({ job, document });
        }
        if (page.length) yield page;
      }
    }
  }

  /** Removes reported jobs (their ids stay in the seen set, so they are not scanned again). */
  async remove(jobs: readonly Job<JobData>[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 100) {
      await Promise.all(jobs.slice(i, i + 100).map((j) => this.queue.remove(j.id!)));
    }
    if (jobs.length) await this.client.hincrby(this.keys.meta, 'reported', jobs.length);
  }

  /** Deletes the queue and every adscan key of it. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
    await this.client.del(this.keys.meta, this.keys.seen, this.keys.seq);
  }
}

function completedDocument(job: Job<JobData>): DocumentResult | null {
  const doc = unpackResult(job.returnvalue);
  if (doc === null) {
    const failed = failedJobDocument(job);
    failed.error = 'the result the worker left in Redis could not be read';
    return failed;
  }
  return doc;
}

/** A document whose job failed for good: its cause, and the attempts made. */
function failedJobDocument(job: Job<JobData>): DocumentResult {
  const uri = job.data?.ref?.uri ?? `job:${job.id}`;
  const doc = failedDocument(uri, job.failedReason || 'failed without a reason');
  if (job.data?.ref?.kind === 'record' || job.data?.ref?.kind === 'inline') {
    const id = job.data.ref.id;
    if (id !== undefined) doc.id = id;
  }
  doc.fetch = { attempts: job.attemptsMade };
  if (job.data?.rulesHash) doc.rulesHash = job.data.rulesHash;
  return doc;
}
