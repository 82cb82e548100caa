/**
 * Which task each worker thread is scanning, in memory shared with them: slot 0 counts the
 * workers started (each takes the next slot, wrapping), the others hold the id of the task
 * their worker is scanning, 0 between tasks. A worker holds its next task while it scans one
 * (no round trip to the main thread between two documents), so when it dies, two tasks fail:
 * the one it was scanning, still in its slot, is the crash's cause; the other never started
 * and is run again.
 */
export class RunningTasks {
  static readonly SLOTS = 1024;
  readonly shared = new SharedArrayBuffer(4 * (RunningTasks.SLOTS + 1));
  private readonly view = new Int32Array(this.shared);

  /** Whether some worker was scanning this task (and never finished it). */
  wasRunning(id: number): boolean {
    for (let i = 1; i < this.view.length; i++) if (Atomics.load(this.view, i) === id) return true;
    return false;
  }
}

/** The worker side of RunningTasks: the slot of this worker. */
export function runningSlot(shared: SharedArrayBuffer): { start(id: number): void; done(): void } {
  const view = new Int32Array(shared);
  const slot = 1 + (Atomics.add(view, 0, 1) % (view.length - 1));
  return {
    start: (id) => Atomics.store(view, slot, id),
    done: () => Atomics.store(view, slot, 0),
  };
}
