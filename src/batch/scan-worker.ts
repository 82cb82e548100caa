// The worker-thread side of `scan --jobs N` (N ≥ 2), loaded by piscina. Each worker prepares
// the scan once — configuration, compiled rules, the jieba dictionary — from the same
// serialisable flags and working directory as the main thread, then scans documents' content.
import { Readable } from 'node:stream';
import { workerData } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { prepareScan } from '../cli/scan-command.js';
import type { CliIo } from '../cli/io.js';
import type { WorkerInit, WorkerTask } from './engine.js';
import { runningSlot } from './running-tasks.js';
import { transferables } from './rendered.js';
import { originOf } from './result-for.js';
import { renderItem, scanItem, type RenderedItem, type ScannedItem } from './scan-item.js';

/** A rendered item whose texts go to the main thread without a copy (piscina's Transferable). */
class MovedItem {
  constructor(private readonly item: RenderedItem) {}
  get [Piscina.transferableSymbol](): ArrayBuffer[] {
    return transferables(this.item.rendered);
  }
  get [Piscina.valueSymbol](): RenderedItem {
    return this.item;
  }
}

async function init(): Promise<(task: WorkerTask) => Promise<ScannedItem | RenderedItem>> {
  const { flags, cwd, today, running } = workerData as WorkerInit;
  // Test-only hook (see below): "<init>" makes every worker die while starting.
  if (process.env.ADSCAN_TEST_CRASH_ON === '<init>') process.exit(70);
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: Readable.from([]), env: process.env, cwd };
  const setup = await prepareScan(flags, io);
  setup.today = new Date(today);
  // Test-only hook: a worker handed a document whose URI contains this string dies at once
  // (exit code 70), so tests can check that a crash loses that document and nothing else.
  const crashOn = process.env.ADSCAN_TEST_CRASH_ON;

  const slot = runningSlot(running);

  const scan = async ({ id, doc, adTypes, render }: WorkerTask): Promise<ScannedItem | RenderedItem> => {
    slot.start(id);
    if (crashOn && doc.uri.includes(crashOn)) process.exit(70);
    // Structured clone delivers a plain Uint8Array; the decoders expect a Buffer (no copy).
    const bytes = Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.byteLength);
    const item = await scanItem({ ...doc, bytes }, setup, adTypes);
    if (!render) return item;
    // piscina unwraps the value and transfers the texts' buffers.
    const moved = new MovedItem(renderItem(item, originOf(doc), render)) as unknown as Parameters<typeof Piscina.move>[0];
    return Piscina.move(moved) as unknown as RenderedItem;
  };
  // piscina hands this worker a second task while it scans one: they run one after the
  // other. The slot is cleared only after a scan that returned; one that threw keeps its id,
  // so it is not taken for a task that never started.
  let previous: Promise<unknown> = Promise.resolve();
  return (task: WorkerTask): Promise<ScannedItem | RenderedItem> => {
    const result = previous.then(async () => {
      const item = await scan(task);
      slot.done();
      return item;
    });
    previous = result.catch(() => {});
    return result;
  };
}

// piscina awaits a default export that is a promise of the task handler before it reports
// the worker ready.
export default init();
