import type { AdType, DocumentResult, SourceDocument, SourceFailure } from '../core/types.js';
import { failedDocument, sourceFailure } from '../cli/document-pipeline.js';
import { isFailure, readInputs, type SourceOptions } from '../sources/index.js';
import { inputKey, type Checkpoint, type InputKey, type StoredDocument } from './checkpoint.js';
import { ContentCache, contentKey } from './dedupe.js';
import type { ScanEngine } from './engine.js';
import { OrderedWindow } from './ordered-window.js';
import type { ProgressLine } from './progress.js';
import { documentOf, renderDocument, type RenderedDocument, type RenderFormat, type RenderRequest } from './rendered.js';
import { originOf, resultFor } from './result-for.js';
import { formatDirectiveWarning, isRendered, sha256Hex, type RenderedItem, type ScannedItem } from './scan-item.js';

/** What readInputs is asked for: the source options plus skipping and stopping. */
export type ReadOptions = Partial<SourceOptions> & {
  /** Inputs not to read at all (ignored by the configuration, or finished by an earlier run). */
  skip?: (key: InputKey) => boolean;
  /** Aborted: stop reading. */
  signal?: AbortSignal;
};

export interface BatchPlan {
  inputs: string[];
  sources: Partial<SourceOptions>;
  stdin?: NodeJS.ReadableStream;
  engine: ScanEngine;
  rulesHash: string;
  /** Inputs the configuration says not to scan. */
  ignored(uri: string): boolean;
  /** The ad-type hint for a URI (flag or configuration), part of the content key. */
  typesFor(uri: string): AdType[] | undefined;
  /** The URI-dependent triage (suppression file), applied to each document's own copy. */
  triage(d: DocumentResult): void;
  /**
   * Whether finished documents are changed in place (suppressions, a baseline): then every
   * document gets a deep copy of its scan result. Otherwise only documents that share their
   * content with another (copies) do: a clone of every page's findings costs time.
   */
  mutates?: boolean;
  /**
   * Hand documents on as report text in these formats (to `onRendered`), made where they
   * are scanned, rather than as objects: see rendered.ts. Only with `mutates: false`, as the
   * text is made before the main thread sees the document.
   */
  render?: readonly RenderFormat[];
  /** The reader (default: readInputs). */
  read?: (inputs: string[], options: ReadOptions, io: { stdin?: NodeJS.ReadableStream }) => AsyncIterable<SourceDocument | SourceFailure>;
}

export interface BatchOptions {
  /** Stop taking new inputs; what was already read still finishes. */
  signal?: AbortSignal;
  checkpoint?: Checkpoint;
  progress?: ProgressLine;
  /** A warning line for stderr (inline directives naming no rule); omitted: silent. */
  warn?: (line: string) => void;
  /**
   * Whether the outcome's `documents` collects the results (default true; never when the
   * plan renders): a caller that spools them elsewhere saves the memory.
   */
  keep?: boolean;
  /** Each finished document in input order: after the checkpoint has it, before it is kept. */
  onDocument?: (d: DocumentResult, info: { resumed: boolean }) => void;
  /** Instead of `onDocument` when the plan renders: each finished document as text. */
  onRendered?: (r: RenderedDocument, info: { resumed: boolean }) => void;
  /** Documents read ahead or in flight at once (default: 4 per thread, at least 4). */
  window?: number;
  /** Results kept for identical content (see ContentCache). */
  cache?: ContentCache<Promise<Scan>>;
}

export interface BatchOutcome {
  documents: DocumentResult[];
  /** Documents whose content was scanned by this run (not copied, not resumed). */
  scanned: number;
  /** Documents that got a copy of an identical document's result. */
  copied: number;
  /** Documents taken from the checkpoint. */
  resumed: number;
  /** The signal stopped the run before every input was read. */
  stopped: boolean;
}

/** One content scan's outcome; a crash is not remembered as the content's answer. */
export interface Scan {
  item: ScannedItem | RenderedItem;
  crashed: boolean;
}

/** A finished document: as an object, or already as text (rendered runs only). */
interface Finished {
  doc?: DocumentResult;
  rendered?: RenderedDocument;
  warnings: string[];
  bytes: number;
  resumed: boolean;
}

/** A source that could not be read, with whatever evidence the reader had. */
export function failedSource(f: SourceFailure, rulesHash: string): DocumentResult {
  const d = sourceFailure(f);
  const known = f as SourceFailure & { id?: string; finalUri?: string };
  if (known.id !== undefined) d.id = known.id;
  if (known.finalUri) d.finalUri = known.finalUri;
  if (f.fetch) d.fetch = f.fetch;
  d.rulesHash = rulesHash;
  return d;
}

function keyOf(item: SourceDocument | SourceFailure): string {
  const { uri, fetch, id } = item as SourceDocument;
  return inputKey({ uri, recordId: fetch?.recordId, id });
}

const STOPPED = Symbol('stopped');

/** The next item, or STOPPED as soon as the signal is aborted (the pending read is abandoned). */
function nextOrStop<T>(it: AsyncIterator<T>, signal: AbortSignal | undefined): Promise<IteratorResult<T> | typeof STOPPED> {
  if (!signal) return it.next();
  if (signal.aborted) return Promise.resolve(STOPPED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(STOPPED);
    signal.addEventListener('abort', onAbort, { once: true });
    it.next().then(
      (r) => {
        signal.removeEventListener('abort', onAbort);
        resolve(r);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/**
 * Reads the inputs as a stream and scans them with the plan's engine, a bounded number at a
 * time, handing finished documents on in input order. Identical content (same bytes, ad-type
 * hint, content type and extension) is scanned once; every URI still gets its own document.
 * Inputs a checkpoint already holds are not read: their stored results take their place.
 */
export async function runBatch(plan: BatchPlan, options: BatchOptions = {}): Promise<BatchOutcome> {
  const { engine, rulesHash } = plan;
  const { checkpoint, progress, signal } = options;
  const outcome: BatchOutcome = { documents: [], scanned: 0, copied: 0, resumed: 0, stopped: false };
  const cache = options.cache ?? new ContentCache<Promise<Scan>>();

  // The checkpoint stores each document as its JSON Lines line.
  const formats = plan.mutates === false && plan.render ? [...new Set<RenderFormat>([...plan.render, ...(checkpoint ? ['jsonl' as const] : [])])] : null;
  const window = new OrderedWindow<Finished>(options.window ?? Math.max(4, 4 * engine.threads), (f) => {
    for (const w of f.warnings) options.warn?.(w);
    if (formats) {
      // Resumed, unreadable and crashed documents, and copies, are made into text here.
      const r = f.rendered ?? renderDocument(f.doc!, formats);
      if (!f.resumed) checkpoint?.recordLine(r.texts.jsonl!);
      options.onRendered?.(r, { resumed: f.resumed });
      progress?.document(r.tally, f.bytes, f.resumed);
      return;
    }
    const doc = f.doc!;
    if (!f.resumed) checkpoint?.record(doc);
    options.onDocument?.(doc, { resumed: f.resumed });
    if (options.keep !== false) outcome.documents.push(doc);
    progress?.document(doc, f.bytes, f.resumed);
  });

  // Documents taken from the checkpoint. The reader asks `skip` ahead of what it yields (it
  // reads several inputs at once), and some inputs (unreadable paths) are never asked about,
  // so taken documents wait here and go out in the order the checkpoint recorded them — the
  // input order — before the first document this run reads anew: the checkpoint holds a
  // prefix of the run. Any taken after that (inputs given in another order) go out at once.
  let held: StoredDocument[] | null = [];
  const release = () => {
    if (!held) return;
    held.sort((a, b) => a.index - b.index);
    for (const { doc } of held) window.push({ doc, warnings: [], bytes: 0, resumed: true });
    held = null;
  };
  const resume = (key: string): boolean => {
    const stored = checkpoint?.take(key);
    if (!stored) return false;
    outcome.resumed++;
    if (held) held.push(stored);
    else window.push({ doc: stored.doc, warnings: [], bytes: 0, resumed: true });
    return true;
  };

  const scan = (doc: SourceDocument, adTypes: AdType[] | undefined, render: RenderRequest | undefined): Promise<Scan> => {
    outcome.scanned++;
    const uri = doc.uri;
    return engine.scan(doc, adTypes, render).then(
      (item) => ({ item, crashed: false }),
      (err: unknown) => ({ item: { result: failedDocument(uri, engine.describeFailure(err)), directives: [] }, crashed: true }),
    );
  };

  const start = (doc: SourceDocument): Promise<Finished> => {
    // Everything needed from the bytes is taken now, before the scan starts.
    const bytes = doc.bytes.byteLength;
    const sha256 = sha256Hex(doc.bytes);
    const origin = originOf(doc);
    const adTypes = plan.typesFor(doc.uri);
    const key = contentKey(sha256, adTypes, doc.contentType, doc.uri);
    const hit = cache.lookup(key);
    const copy = hit?.value !== undefined;
    const render: RenderRequest | undefined = formats ? { formats, sha256, rulesHash, sameContentAs: hit?.first } : undefined;
    // Whether the scan that answers is this document's own (its rendered text is then its own).
    let own = !copy;
    let pending: Promise<Scan>;
    if (hit?.value) {
      outcome.copied++;
      pending = hit.value.then((s) => {
        if (!s.crashed) return s;
        // The scan this copy waited for crashed: that is no answer for this document, which
        // still has its bytes and scans them.
        outcome.copied--;
        own = true;
        return scan(doc, adTypes, render);
      });
    } else {
      pending = scan(doc, adTypes, render);
      cache.remember(key, hit?.first ?? doc.uri, pending);
    }
    return pending.then(({ item, crashed }): Finished => {
      if (crashed && !copy) cache.forget(key);
      const warnings = item.directives.map((w) => formatDirectiveWarning(origin.uri, w));
      if (isRendered(item)) {
        if (own) return { rendered: item.rendered, warnings, bytes, resumed: false };
        // A copy of a rendered document: its content read back from the text, for this URI.
        return { doc: resultFor(documentOf(item.rendered), origin, sha256, rulesHash, hit?.first, false), warnings, bytes, resumed: false };
      }
      // A copy shares its content with the document scanned first (and any further copies).
      const d = resultFor(item.result, origin, sha256, rulesHash, hit?.first, copy || plan.mutates !== false);
      plan.triage(d);
      return { doc: d, warnings, bytes, resumed: false };
    });
  };

  const readOptions: ReadOptions = {
    ...plan.sources,
    skip: (key) => plan.ignored(key.uri) || resume(inputKey(key)),
    signal,
  };
  const read = plan.read ?? readInputs;
  const iterator = read(plan.inputs, readOptions, { stdin: plan.stdin })[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const next = await nextOrStop(iterator, signal);
      if (next === STOPPED) {
        outcome.stopped = true;
        // A read of stdin would wait for its end, which may never come.
        if (plan.inputs.includes('-')) (plan.stdin as { destroy?: () => void } | undefined)?.destroy?.();
        break;
      }
      if (next.done) {
        finished = true;
        break;
      }
      const item = next.value;
      if (plan.ignored(item.uri)) continue;
      // A reader that does not honour `skip` still gets the stored result used.
      if (resume(keyOf(item))) continue;
      release();
      if (isFailure(item)) window.push({ doc: failedSource(item, rulesHash), warnings: [], bytes: 0, resumed: false });
      else window.push(start(item));
      await window.room();
    }
  } finally {
    if (!finished) {
      // A read may still be under way: ask the reader to end, without waiting for it.
      iterator.return?.(undefined)?.catch(() => {});
    }
    release();
    await window.drain();
  }
  return outcome;
}
