import { setMaxListeners } from 'node:events';
/**
 * Maps an (async) iterable through an async function with several calls in flight, yet
 * yields the results in source order. At most `concurrency` items are taken from the source
 * ahead of the one being yielded, so memory stays bounded however long the source is: a
 * slow first item holds back the results behind it, not the reading.
 */
export interface OrderedMapOptions {
  /** Calls in flight plus finished results waiting for an earlier one (at least 1). */
  concurrency: number;
  /** When aborted, the generator returns without yielding anything more. */
  signal?: AbortSignal;
}

type Outcome<V> = { ok: true; value: V } | { ok: false; error: unknown };

/** A promise's outcome, readable synchronously once it has settled. */
interface Slot<V> {
  settled: boolean;
  outcome?: Outcome<V>;
}

function track<V>(run: () => V | PromiseLike<V>, notify: () => void): Slot<V> {
  const slot: Slot<V> = { settled: false };
  let promise: Promise<V>;
  try {
    promise = Promise.resolve(run());
  } catch (error) {
    promise = Promise.reject(error);
  }
  promise.then(
    (value) => {
      slot.settled = true;
      slot.outcome = { ok: true, value };
      notify();
    },
    (error: unknown) => {
      slot.settled = true;
      slot.outcome = { ok: false, error };
      notify();
    },
  );
  return slot;
}

function iteratorOf<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source
    ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
    : (source as Iterable<T>)[Symbol.iterator]();
}

export async function* orderedMap<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  fn: (item: T, signal: AbortSignal) => R | PromiseLike<R>,
  options: OrderedMapOptions,
): AsyncGenerator<Awaited<R>, void, undefined> {
  const limit = Math.max(1, Math.floor(options.concurrency) || 1);
  const { signal } = options;
  const iterator = iteratorOf(source);
  // Aborted when the generator ends early, so calls still running can give up.
  const work = new AbortController();
  // Every call under way listens to it (and may link it to its own fetch): no listener cap.
  setMaxListeners(0, work.signal);

  // One waiter at a time, woken by any settlement or by the caller's abort. (Racing the same
  // pending promises again and again would pile up reactions on them.)
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  signal?.addEventListener('abort', notify);

  const window: Slot<Awaited<R>>[] = [];
  let pull: Slot<IteratorResult<T>> | null = null;
  let exhausted = false;
  let sourceError: { error: unknown } | null = null;

  try {
    for (;;) {
      if (signal?.aborted) return;
      if (!exhausted && pull === null && window.length < limit) {
        pull = track(() => iterator.next(), notify);
      }
      if (pull?.settled) {
        const outcome = pull.outcome!;
        pull = null;
        if (!outcome.ok) {
          // Results already under way come first; the source's error is thrown in its place.
          exhausted = true;
          sourceError = { error: outcome.error };
        } else if (outcome.value.done) {
          exhausted = true;
        } else {
          const item = outcome.value.value;
          window.push(track(() => fn(item, work.signal) as Awaited<R> | PromiseLike<Awaited<R>>, notify));
        }
        continue;
      }
      const head = window[0];
      if (head?.settled) {
        window.shift();
        const outcome = head.outcome!;
        if (!outcome.ok) throw outcome.error;
        yield outcome.value;
        continue;
      }
      if (head === undefined && pull === null) {
        if (sourceError) throw sourceError.error;
        return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    work.abort();
    if (!exhausted && iterator.return) {
      // A source busy producing its next item finishes that first; do not wait for it.
      const closing = Promise.resolve()
        .then(() => iterator.return!())
        .catch(() => {});
      if (pull === null) await closing;
    }
  }
}
