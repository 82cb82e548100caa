import { createHash } from 'node:crypto';

/** Every key of an adscan queue starts with `adscan:NAME:` (BullMQ's own keys and ours). */
export const KEY_PREFIX = 'adscan';
/** BullMQ job name of a document job. */
export const JOB_NAME = 'doc';

/** Keys adscan keeps beside BullMQ's (job ids are 32 hex digits, so they cannot collide). */
export function queueKeys(queue: string) {
  const base = `${KEY_PREFIX}:${queue}`;
  return {
    /** Hash: rulesHash, asOf, createdAt, adscan version, reported (count). */
    meta: `${base}:scan-meta`,
    /** Set of every job id ever enqueued: a document is scanned once however often it is added. */
    seen: `${base}:scan-seen`,
    /** Counter: enqueue order, so a report lists documents in the order they were added. */
    seq: `${base}:scan-seq`,
  };
}

/** A queue name becomes part of Redis keys: keep it to a safe, readable alphabet. */
export function checkQueueName(name: string): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name)) {
    return `--queue: expected letters, digits, '.', '_' or '-' (at most 100, not starting with a symbol), got "${name}"`;
  }
  return null;
}

/** Job id for a document identity key: 32 hex digits of SHA-256 (no ':' — BullMQ refuses it). */
export function jobIdFor(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}
