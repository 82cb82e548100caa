import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isFailure, readInputs, type InputFormat } from '../sources/index.js';
import { isJsonlName } from '../sources/inputs/jsonl.js';
import { readUrlList } from '../sources/inputs/url-list.js';
import { loadWalkFilter } from '../sources/inputs/walk-filter.js';
import { isWarcName } from '../sources/inputs/warc.js';
import { describeFsError } from '../sources/messages.js';
import { STDIN_URI } from '../sources/stdin.js';
import { walkDirectory } from '../sources/walk.js';
import { failureRef, inlineRef, type DocRef } from './refs.js';
import { isHttpUrl } from '../sources/fetch-url.js';

export interface PlanOptions {
  urlLists: string[];
  inputFormat: InputFormat;
  extensions: string[];
  include: string[];
  exclude: string[];
  maxBytes: number;
  /** Records (JSONL, WARC) up to this many bytes travel inside the job; larger ones by reference. */
  inlineMax: number;
  cwd: string;
  stdin: NodeJS.ReadableStream;
}


/**
 * The documents `queue add` enqueues, as references, in input order: URLs as URLs, files as
 * absolute paths (shared storage must be mounted at the same path on every worker), records of
 * JSONL files and WARC archives inline when small and by file + record id when not. Nothing is
 * fetched, and plain files are not read. Paths given relative to `cwd` keep that spelling as
 * their report URI, as `adscan scan` would print them.
 */
export async function* planRefs(inputs: string[], o: PlanOptions): AsyncGenerator<DocRef> {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === '-') yield* stdinRefs(o);
    else if (isHttpUrl(input)) yield { kind: 'url', uri: input };
    else yield* pathRefs(input, o, seen);
  }
  for (const list of o.urlLists) yield* urlListRefs(list, o);
}

async function* stdinRefs(o: PlanOptions): AsyncGenerator<DocRef> {
  // stdin cannot be re-read by a worker: its documents (or JSONL records) go inline.
  for await (const item of readInputs(['-'], { inputFormat: o.inputFormat, maxBytes: o.maxBytes, concurrency: 1 }, { stdin: o.stdin })) {
    yield isFailure(item) ? failureRef(item) : inlineRef(item);
  }
}

async function* urlListRefs(list: string, o: PlanOptions): AsyncGenerator<DocRef> {
  const label = list === '-' ? STDIN_URI : list;
  let stream: AsyncIterable<Uint8Array | string>;
  let file: ReturnType<typeof createReadStream> | null = null;
  if (list === '-') stream = o.stdin as AsyncIterable<Uint8Array>;
  else {
    try {
      if ((await stat(resolve(o.cwd, list))).isDirectory()) {
        yield { kind: 'failure', uri: list, error: 'is a directory (a URL list must be a file)' };
        return;
      }
    } catch (err) {
      yield { kind: 'failure', uri: list, error: describeFsError(err) };
      return;
    }
    file = createReadStream(resolve(o.cwd, list));
    stream = file;
  }
  try {
    for await (const entry of readUrlList(label, stream)) {
      yield 'failure' in entry ? failureRef(entry.failure) : { kind: 'url', uri: entry.url };
    }
  } catch (err) {
    yield { kind: 'failure', uri: label, error: describeFsError(err) };
  } finally {
    file?.destroy();
  }
}

async function* pathRefs(input: string, o: PlanOptions, seen: Set<string>): AsyncGenerator<DocRef> {
  const abs = resolve(o.cwd, input);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(abs)).isDirectory();
  } catch (err) {
    yield { kind: 'failure', uri: input, error: describeFsError(err) };
    return;
  }
  if (!isDirectory) {
    yield* fileRefs(abs, input, o, seen);
    return;
  }
  const base = input.replace(/\/+$/, '');
  const { filter, ignoreFileError } = await loadWalkFilter(abs, o.include, o.exclude);
  if (ignoreFileError) yield { kind: 'failure', uri: `${base}/.adscanignore`, error: ignoreFileError.error };
  let matched = 0;
  for await (const entry of walkDirectory(abs, o.extensions)) {
    if (filter && !filter.keeps(entry.rel)) continue;
    const uri = entry.rel === '' ? input : `${base}/${entry.rel}`;
    if (entry.kind === 'error') {
      yield { kind: 'failure', uri, error: entry.error };
      continue;
    }
    matched++;
    yield* fileRefs(entry.path, uri, o, seen);
  }
  if (matched === 0) yield { kind: 'failure', uri: input, error: `no matching files (looking for ${o.extensions.join(', ')})` };
}

async function* fileRefs(path: string, uri: string, o: PlanOptions, seen: Set<string>): AsyncGenerator<DocRef> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    real = path;
  }
  if (seen.has(real)) return;
  seen.add(real);
  const format = isWarcName(path) ? 'warc' : o.inputFormat === 'jsonl' || isJsonlName(path) ? 'jsonl' : null;
  if (format === null) {
    yield { kind: 'file', uri, path: real };
    return;
  }
  // Archives and record files are read here to list their records; small records go inline.
  for await (const item of readInputs([path], { inputFormat: o.inputFormat, maxBytes: o.maxBytes, concurrency: 1 })) {
    if (isFailure(item)) {
      yield failureRef(item);
      continue;
    }
    if (item.bytes.byteLength <= o.inlineMax) {
      yield inlineRef(item);
      continue;
    }
    const ref: DocRef = { kind: 'record', uri: item.uri, path: real, format };
    const recordId = item.fetch?.recordId;
    if (recordId !== undefined) ref.recordId = recordId;
    if (item.id !== undefined) ref.id = item.id;
    yield ref;
  }
}
