import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isHttpUrl } from '../sources/fetch-url.js';
import { DEFAULT_SOURCE_OPTIONS, type SourceOptions } from '../sources/index.js';
import { isJsonlName } from '../sources/inputs/jsonl.js';
import { readUrlList } from '../sources/inputs/url-list.js';
import { loadWalkFilter } from '../sources/inputs/walk-filter.js';
import { isWarcName } from '../sources/inputs/warc.js';
import { walkDirectory } from '../sources/walk.js';

/** Files that hold many documents each (archives, record files): counting them means reading them. */
const isContainer = (path: string): boolean => isWarcName(path) || isJsonlName(path);
/** A compressed archive holds about this many times its size. */
const GZIP_RATIO = 4;

export interface CountOptions {
  /** Stop once this many documents are counted. */
  documents?: number;
  /** Stop once the files counted hold this many bytes. */
  bytes?: number;
  /** Also add up file sizes (a stat per file). */
  sizes?: boolean;
  signal?: AbortSignal;
}

export interface InputCount {
  /** Undefined when some input holds an unknown number (an archive, a record file). */
  documents: number | undefined;
  /**
   * Bytes of the files counted (URLs and stdin count 0; a compressed archive its estimated
   * content); only with `sizes`.
   */
  bytes: number;
  /** False when a limit stopped the count early. */
  complete: boolean;
}

/**
 * A cheap look ahead at what the inputs hold: a file, a URL and stdin count one document,
 * a directory the files a walk finds with a wanted extension that pass --include, --exclude
 * and .adscanignore, a URL list its URLs. Archives and record files count as an unknown
 * number of documents (their size still counts). The configuration's ignore globs are not
 * applied, so it may count a few too many: it is for the progress line and for deciding
 * whether worker threads are worth starting. Undefined when the signal stops it.
 */
export async function countInputs(inputs: readonly string[], sources: Partial<SourceOptions>, options: CountOptions = {}): Promise<InputCount | undefined> {
  const maxDocuments = options.documents ?? Infinity;
  const maxBytes = options.bytes ?? Infinity;
  const exts = (sources.extensions ?? DEFAULT_SOURCE_OPTIONS.extensions).map((e) => (e.startsWith('.') ? e : `.${e}`));
  const allRecords = sources.inputFormat === 'jsonl';
  let documents = 0;
  let known = true;
  let bytes = 0;
  const full = () => documents >= maxDocuments || bytes >= maxBytes;
  const add = async (path: string | null) => {
    const container = path !== null && (allRecords || isContainer(path));
    if (container) known = false;
    else documents++;
    if (path !== null && (options.sizes || container)) {
      try {
        const size = (await stat(path)).size;
        bytes += /\.gz$/i.test(path) ? size * GZIP_RATIO : size;
      } catch {
        // Reported when read.
      }
    }
  };
  const result = (complete: boolean): InputCount => ({ documents: known ? documents : undefined, bytes, complete });

  for (const input of inputs) {
    if (full()) return result(false);
    if (options.signal?.aborted) return undefined;
    if (input === '-') {
      if (allRecords) known = false;
      else documents++;
      continue;
    }
    if (isHttpUrl(input)) {
      documents++;
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch {
      documents++; // reported as one failed document
      continue;
    }
    if (!isDirectory) {
      await add(input);
      continue;
    }
    const { filter } = await loadWalkFilter(input, sources.include ?? [], sources.exclude ?? []);
    for await (const entry of walkDirectory(input, exts)) {
      if (entry.kind !== 'file' || (filter && !filter.keeps(entry.rel))) continue;
      await add(entry.path);
      if (full()) return result(false);
      if (options.signal?.aborted) return undefined;
    }
  }
  for (const list of sources.urlLists ?? []) {
    if (full()) return result(false);
    if (options.signal?.aborted) return undefined;
    const urls = list === '-' ? undefined : await countListedUrls(list);
    if (urls === undefined) known = false;
    else documents += urls;
  }
  return result(!full());
}

/** Documents a URL list makes (a URL, or a bad line reported as failed); undefined if unreadable. */
async function countListedUrls(path: string): Promise<number | undefined> {
  try {
    let n = 0;
    for await (const _entry of readUrlList(path, createReadStream(path))) n++;
    return n;
  } catch {
    return undefined;
  }
}
