import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Piscina as PiscinaPool } from 'piscina';
import type { AdType, SourceDocument } from '../core/types.js';
import type { ScanInputFlags, ScanSetup } from '../cli/scan-command.js';
import { renderItem, scanItem, type RenderedItem, type ScannedItem } from './scan-item.js';
import type { RenderRequest } from './rendered.js';
import { originOf } from './result-for.js';
import { RunningTasks } from './running-tasks.js';

/** Where documents' content is scanned: in this thread, or in a pool of worker threads. */
export interface ScanEngine {
  readonly threads: number;
  /**
   * Scans one document's content. Rejects when the scan itself broke (a worker died or
   * threw); the caller reports that document as failed with `describeFailure`.
   * A worker gets a copy of the document's bytes; the caller's stay as they are.
   * With `render`, the document may come back as report text instead (see rendered.ts).
   */
  scan(doc: SourceDocument, adTypes: AdType[] | undefined, render?: RenderRequest): Promise<ScannedItem | RenderedItem>;
  describeFailure(err: unknown): string;
  close(): Promise<void>;
}

/** What each worker needs to set itself up as the main thread did (all serialisable). */
export interface WorkerInit {
  flags: ScanInputFlags;
  cwd: string;
  /** The main thread's "today" (ISO), so every thread checks validity against the same day. */
  today: string;
  /** Which task each worker is scanning (see RunningTasks). */
  running: SharedArrayBuffer;
}

export interface WorkerTask {
  /** Unique within the run: what the worker records while it scans the task. */
  id: number;
  doc: SourceDocument;
  adTypes: AdType[] | undefined;
  render?: RenderRequest;
}

/** How often a task that lost its worker before it started is run again. */
const RERUNS = 3;

function message(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** piscina's "worker exited with code: 70" as "exited with code 70"; other errors' messages. */
function crashCause(err: unknown): string {
  const m = message(err);
  const exit = /worker exited with code:?\s*(-?\d+)/i.exec(m);
  return exit ? `exited with code ${exit[1]}` : m;
}

/** `--jobs 1`: no threads, no start-up cost; the setup the main thread already has. */
export function inProcessEngine(setup: ScanSetup): ScanEngine {
  return {
    threads: 0,
    async scan(doc, adTypes, render) {
      const item = await scanItem(doc, setup, adTypes);
      return render ? renderItem(item, originOf(doc), render) : item;
    },
    describeFailure: (err) => `internal error while scanning: ${message(err)}`,
    close: async () => {},
  };
}

/** The compiled worker module (under vitest this code runs from src/, the worker from dist/). */
export function workerFile(): string {
  const beside = fileURLToPath(new URL('./scan-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../dist/batch/scan-worker.js', import.meta.url));
}

/**
 * `--jobs N` (N ≥ 2): N worker threads, each preparing the scan once (configuration, rules,
 * dictionary) from the flags. A worker that dies takes only its current document with it:
 * piscina rejects that task and starts a replacement.
 */
export function poolEngine(setup: ScanSetup, jobs: number, env: NodeJS.ProcessEnv): ScanEngine {
  const running = new RunningTasks();
  const init: WorkerInit = {
    // Through JSON: commander's option objects may carry what structured clone refuses.
    flags: JSON.parse(JSON.stringify(setup.flags)) as ScanInputFlags,
    cwd: setup.cwd,
    today: setup.today.toISOString(),
    running: running.shared,
  };
  // Loaded here, not at start-up: in-process scans (one ad, a small batch) never need it.
  const { Piscina } = createRequire(import.meta.url)('piscina') as { Piscina: typeof PiscinaPool };
  const pool = new Piscina<WorkerTask, ScannedItem | RenderedItem>({
    filename: workerFile(),
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
    // The task being scanned and the next one (see RunningTasks): without the second, each
    // worker waited for the main thread between documents (~8% of its time).
    concurrentTasksPerWorker: 2,
    // Tasks are asynchronous; a worker waiting in Atomics.wait would stall their promises.
    atomics: 'disabled',
    workerData: init,
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
  });
  // Piscina replaces a worker that dies, but not one that dies while starting (it would only
  // die again): when no worker is left, waiting tasks would wait for ever. Every task still
  // waiting, and every later one, then fails with the cause. A worker that fails while idle
  // emits 'error' on the pool, which must have a listener.
  let broken: Error | null = null;
  let lastCause: unknown = 'no worker thread is left';
  const waiting = new Set<(err: Error) => void>();
  let taskIds = 0;
  const check = () => {
    if (broken || pool.threads.length > 0) return;
    broken = new Error(`no worker thread could start (${crashCause(lastCause)})`);
    for (const reject of waiting) reject(broken);
    waiting.clear();
  };
  const checkAlive = (cause: unknown) => {
    lastCause = cause;
    setImmediate(check);
  };
  pool.on('error', checkAlive);
  // Also a watchdog, which keeps the process alive while tasks wait: piscina does not hold
  // the event loop open for a worker that is still starting.
  const watchdog = setInterval(() => {
    if (waiting.size > 0) check();
  }, 250);
  return {
    threads: jobs,
    scan(doc, adTypes, render) {
      if (broken) return Promise.reject(broken);
      // The bytes are copied to the worker, not handed over: a task whose worker died before
      // it started is run again, on bytes the main thread still has.
      const attempt = (reruns: number): Promise<ScannedItem | RenderedItem> => {
        const id = ++taskIds;
        return new Promise<ScannedItem | RenderedItem>((resolve, reject) => {
          waiting.add(reject);
          pool.run({ id, doc, adTypes, render } satisfies WorkerTask).then(
            (item) => {
              waiting.delete(reject);
              resolve(item);
            },
            (err: unknown) => {
              waiting.delete(reject);
              if (reruns > 0 && !broken && !running.wasRunning(id)) resolve(attempt(reruns - 1));
              else reject(err instanceof Error ? err : new Error(String(err)));
              checkAlive(err);
            },
          );
        });
      };
      return attempt(RERUNS);
    },
    describeFailure(err) {
      return err === broken ? `worker crashed: ${message(err)}` : `worker crashed: ${crashCause(err)}`;
    },
    close: async () => {
      clearInterval(watchdog);
      await pool.destroy();
    },
  };
}
