import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { SourceFailure } from '../core/types.js';
import { isHttpUrl } from './fetch-url.js';
import { readFileDocument } from './files.js';
import { defaultFetcher, type Fetcher } from './inputs/fetcher.js';
import { isJsonlName, readJsonl } from './inputs/jsonl.js';
import {
  DEFAULT_INPUT_OPTIONS,
  type InputOptions,
  type ReadHooks,
  type SkipKey,
  type SourceItem,
} from './inputs/options.js';
import { orderedMap } from './inputs/ordered-map.js';
import { readUrlList } from './inputs/url-list.js';
import { loadWalkFilter } from './inputs/walk-filter.js';
import { isWarcName, readWarc } from './inputs/warc.js';
import { describeFsError } from './messages.js';
import { DEFAULT_SOURCE_OPTIONS as TRANSPORT_DEFAULTS, type SourceOptions as TransportOptions } from './options.js';
import { readStdinDocument, STDIN_URI } from './stdin.js';
import { walkDirectory } from './walk.js';

export type { Fetcher } from './inputs/fetcher.js';
export {
  createInputStats,
  INPUT_FORMATS,
  type InputFormat,
  type InputOptions,
  type InputStats,
  type ReadHooks,
  type SkipKey,
} from './inputs/options.js';
export { orderedMap } from './inputs/ordered-map.js';

/** Everything that decides how inputs are found, read and fetched. */
export type SourceOptions = TransportOptions & InputOptions;
export const DEFAULT_SOURCE_OPTIONS: SourceOptions = { ...TRANSPORT_DEFAULTS, ...DEFAULT_INPUT_OPTIONS };
/** readInputs' options: settings (unset ones take the defaults) plus per-call hooks. */
export type ReadInputsOptions = Partial<SourceOptions> & ReadHooks;
export type { SourceItem };

export function isFailure(x: SourceItem): x is SourceFailure {
  return (x as SourceFailure).error !== undefined;
}

/** A unit of work in input order: reading a file, fetching a URL, or an item already in hand. */
type Task = (signal: AbortSignal) => SourceItem | Promise<SourceItem>;

interface Context {
  options: SourceOptions;
  hooks: ReadHooks;
  fetcher: Fetcher;
  stdin: NodeJS.ReadableStream;
  stdinTaken: boolean;
  /** Real paths of the files read so far. */
  seen: Set<string>;
}

/**
 * Yields one document (or failure) per input, in input order: file paths, directories (walked
 * recursively in sorted order, filtered by --include/--exclude and the root's .adscanignore),
 * `-` for stdin, http(s) URLs, then the URLs of each --url-list. A JSONL input yields one
 * item per record and a WARC archive one per HTML or text response. A bad input becomes a
 * SourceFailure and the generator moves on. A file reached twice is read once.
 *
 * Up to `concurrency` inputs are read or fetched ahead of the one being yielded, so URLs are
 * fetched in parallel while the order stays that of the inputs and memory stays bounded.
 * `skip` is asked before each item is read or fetched; `signal` stops the reading.
 */
export async function* readInputs(
  inputs: string[],
  opts: ReadInputsOptions = {},
  io: { stdin?: NodeJS.ReadableStream } = {},
): AsyncGenerator<SourceItem> {
  const { skip, signal, fetcher: givenFetcher, stats, ...settings } = opts;
  const options = resolveOptions(settings);
  const fetcher = givenFetcher ?? defaultFetcher(options);
  const hooks: ReadHooks = {};
  if (skip) hooks.skip = skip;
  if (signal) hooks.signal = signal;
  if (stats) hooks.stats = stats;
  const ctx: Context = { options, hooks, fetcher, stdin: io.stdin ?? process.stdin, stdinTaken: false, seen: new Set() };
  try {
    const work = orderedMap(plan(inputs, ctx), (task: Task, taskSignal) => task(taskSignal), {
      concurrency: options.concurrency,
      ...(signal ? { signal } : {}),
    });
    yield* work;
  } finally {
    if (!givenFetcher) await fetcher.close();
  }
}

/** Defaults for anything unset; an explicit `undefined` (an absent CLI flag) counts as unset. */
function resolveOptions(opts: Partial<SourceOptions>): SourceOptions {
  const options: SourceOptions = { ...DEFAULT_SOURCE_OPTIONS };
  for (const key of Object.keys(opts) as (keyof SourceOptions)[]) {
    if (opts[key] !== undefined) Object.assign(options, { [key]: opts[key] });
  }
  // "html" and ".html" both mean the extension .html (and must not match "xhtml").
  options.extensions = options.extensions.map((ext) => (ext.startsWith('.') ? ext : `.${ext}`));
  options.concurrency = Math.max(1, Math.floor(options.concurrency) || 1);
  return options;
}

function ready(item: SourceItem): Task {
  return () => item;
}

function keyOf(item: SourceItem): SkipKey {
  const key: SkipKey = { uri: item.uri };
  if ('id' in item && item.id !== undefined) key.id = item.id;
  if (item.fetch?.recordId !== undefined) key.recordId = item.fetch.recordId;
  return key;
}

function skipped(ctx: Context, key: SkipKey): boolean {
  return ctx.hooks.skip?.(key) === true;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function* plan(inputs: string[], ctx: Context): AsyncGenerator<Task> {
  for (const input of inputs) {
    if (ctx.hooks.signal?.aborted) return;
    try {
      if (input === '-') yield* planStdin(ctx);
      else if (isHttpUrl(input)) yield* planUrl(input, ctx);
      else yield* planPath(input, ctx);
    } catch (err) {
      // Defensive: the readers report their own failures, but nothing may escape for one input.
      yield ready({ uri: input, error: message(err) });
    }
  }
  for (const list of ctx.options.urlLists) {
    if (ctx.hooks.signal?.aborted) return;
    try {
      yield* planUrlList(list, ctx);
    } catch (err) {
      yield ready({ uri: list, error: message(err) });
    }
  }
}

function* planUrl(url: string, ctx: Context): Generator<Task> {
  if (skipped(ctx, { uri: url })) return;
  yield (signal) => ctx.fetcher.fetch(url, { signal });
}

/** Items a reader has already produced (JSONL records, WARC responses), in order. */
async function* planRecords(items: AsyncIterable<SourceItem>, ctx: Context, checkSkip: boolean): AsyncGenerator<Task> {
  for await (const item of items) {
    if (ctx.hooks.signal?.aborted) return;
    if (checkSkip && skipped(ctx, keyOf(item))) continue;
    yield ready(item);
  }
}

/** stdin can be read once: by `-` or by `--url-list -`, whichever comes first. */
function takeStdin(ctx: Context): NodeJS.ReadableStream | null {
  if (ctx.stdinTaken) return null;
  ctx.stdinTaken = true;
  return ctx.stdin;
}

const STDIN_TAKEN = 'stdin was already read by an earlier input';

async function* planStdin(ctx: Context): AsyncGenerator<Task> {
  const stdin = takeStdin(ctx);
  if (stdin === null) {
    yield ready({ uri: STDIN_URI, error: STDIN_TAKEN });
    return;
  }
  const { maxBytes } = ctx.options;
  if (ctx.options.inputFormat === 'jsonl') {
    try {
      yield* planRecords(readJsonl(STDIN_URI, stdin as AsyncIterable<Uint8Array>, maxBytes), ctx, true);
    } catch (err) {
      yield ready({ uri: STDIN_URI, error: message(err) });
    }
    return;
  }
  if (skipped(ctx, { uri: STDIN_URI })) return;
  yield () => readStdinDocument(stdin, maxBytes);
}

async function* planUrlList(list: string, ctx: Context): AsyncGenerator<Task> {
  let label: string;
  let stream: AsyncIterable<Uint8Array>;
  let file: ReturnType<typeof createReadStream> | null = null;
  if (list === '-') {
    const stdin = takeStdin(ctx);
    if (stdin === null) {
      yield ready({ uri: STDIN_URI, error: STDIN_TAKEN });
      return;
    }
    label = STDIN_URI;
    stream = stdin as AsyncIterable<Uint8Array>;
  } else {
    try {
      if ((await stat(list)).isDirectory()) {
        yield ready({ uri: list, error: 'is a directory (a URL list must be a file)' });
        return;
      }
    } catch (err) {
      yield ready({ uri: list, error: describeFsError(err) });
      return;
    }
    label = list;
    file = createReadStream(list);
    stream = file;
  }
  try {
    for await (const entry of readUrlList(label, stream)) {
      if (ctx.hooks.signal?.aborted) return;
      if ('failure' in entry) {
        if (!skipped(ctx, keyOf(entry.failure))) yield ready(entry.failure);
      } else {
        yield* planUrl(entry.url, ctx);
      }
    }
  } catch (err) {
    yield ready({ uri: label, error: describeFsError(err) });
  } finally {
    file?.destroy();
  }
}

async function* planPath(input: string, ctx: Context): AsyncGenerator<Task> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(input)).isDirectory();
  } catch (err) {
    yield ready({ uri: input, error: describeFsError(err) });
    return;
  }
  if (!isDirectory) {
    // Explicit files are always read, whatever their extension and the walk filters.
    if (await firstVisit(input, ctx.seen)) yield* planFile(input, input, ctx);
    return;
  }

  const { options } = ctx;
  const base = directoryBase(input);
  const { filter, ignoreFileError } = await loadWalkFilter(input, options.include, options.exclude);
  if (ignoreFileError) yield ready({ uri: `${base}/.adscanignore`, error: ignoreFileError.error });
  let matched = 0;
  let rootUnreadable = false;
  for await (const entry of walkDirectory(input, options.extensions)) {
    if (ctx.hooks.signal?.aborted) return;
    if (filter && !filter.keeps(entry.rel)) continue;
    const uri = entry.rel === '' ? input : `${base}/${entry.rel}`;
    if (entry.kind === 'error') {
      if (entry.rel === '') rootUnreadable = true;
      yield ready({ uri, error: entry.error });
      continue;
    }
    matched++;
    if (await firstVisit(entry.path, ctx.seen, entry.real)) yield* planFile(entry.path, uri, ctx);
  }
  if (matched === 0 && !rootUnreadable) {
    const filters = filter ? ' that pass --include/--exclude/.adscanignore' : '';
    yield ready({ uri: input, error: `no matching files (looking for ${options.extensions.join(', ')}${filters})` });
  }
}

/** One file: a WARC archive, a JSONL file, or a single document. */
async function* planFile(path: string, uri: string, ctx: Context): AsyncGenerator<Task> {
  const { options, hooks } = ctx;
  if (isWarcName(path)) {
    // readWarc asks `skip` itself, before reading each record's body.
    yield* planRecords(readWarc(path, uri, { maxBytes: options.maxBytes, ...hooks }), ctx, false);
    return;
  }
  if (options.inputFormat === 'jsonl' || isJsonlName(path)) {
    const file = createReadStream(path);
    try {
      yield* planRecords(readJsonl(uri, file, options.maxBytes), ctx, true);
    } catch (err) {
      yield ready({ uri, error: describeFsError(err) });
    } finally {
      file.destroy();
    }
    return;
  }
  if (skipped(ctx, { uri })) return;
  yield () => readFileDocument(path, uri, options.maxBytes);
}

/** The directory as the user typed it, without trailing separators, with '/' separators. */
function directoryBase(input: string): string {
  const forward = process.platform === 'win32' ? input.replace(/\\/g, '/') : input;
  return forward.replace(/\/+$/, '');
}

/** Whether the file is seen for the first time, by its resolved path (`real`, when the walk knows it). */
async function firstVisit(path: string, seen: Set<string>, real?: string): Promise<boolean> {
  let key: string;
  try {
    key = real ?? (await realpath(path));
  } catch {
    key = path; // Let the reader report the problem.
  }
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}
