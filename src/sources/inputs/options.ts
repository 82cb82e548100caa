import type { SourceDocument, SourceFailure } from '../../core/types.js';
import type { Fetcher } from './fetcher.js';

export type SourceItem = SourceDocument | SourceFailure;

/** How an input file's content is read: `auto` decides by name, `jsonl` reads every file as JSON Lines. */
export type InputFormat = 'auto' | 'jsonl';
export const INPUT_FORMATS: readonly InputFormat[] = ['auto', 'jsonl'];

/** The batch-input settings (issue #6), beside the transport limits of SourceOptions. */
export interface InputOptions {
  /** Files of URLs, one a line; `-` reads the list from stdin. Read after the positional inputs. */
  urlLists: string[];
  /** Globs (relative to the walked directory) a walked file must match, when any are given. */
  include: string[];
  /** Globs (relative to the walked directory) whose files and directories a walk leaves out. */
  exclude: string[];
  inputFormat: InputFormat;
  /** Inputs read or fetched ahead of the one being yielded (the lookahead window). */
  concurrency: number;
}

export const DEFAULT_INPUT_OPTIONS: InputOptions = {
  urlLists: [],
  include: [],
  exclude: [],
  inputFormat: 'auto',
  concurrency: 16,
};

/** What identifies an item for `skip` (e.g. resuming from a checkpoint). */
export interface SkipKey {
  uri: string;
  /** WARC-Record-ID, for a record read from an archive. */
  recordId?: string;
  /** The record's own id, for a JSONL record. */
  id?: string;
}

/** Counters filled in while reading, for a summary line. */
export interface InputStats {
  /** WARC records passed over on purpose: requests, metadata, non-text or non-2xx responses … */
  skippedRecords: number;
  /** The same, by reason (`request`, `warcinfo`, `non-text response`, …). */
  skippedByReason: Record<string, number>;
}

export function createInputStats(): InputStats {
  return { skippedRecords: 0, skippedByReason: {} };
}

export function countSkipped(stats: InputStats | undefined, reason: string): void {
  if (!stats) return;
  stats.skippedRecords++;
  stats.skippedByReason[reason] = (stats.skippedByReason[reason] ?? 0) + 1;
}

/** Per-call hooks of readInputs that are not settings. */
export interface ReadHooks {
  /** True for an item that must not be read, fetched or yielded (checked before any I/O for it). */
  skip?: (key: SkipKey) => boolean;
  /** When aborted, readInputs stops yielding and returns. */
  signal?: AbortSignal;
  /** Fetches URLs; default: one built from the options, closed when reading ends. */
  fetcher?: Fetcher;
  /** Filled in with counts of what was passed over. */
  stats?: InputStats;
}
