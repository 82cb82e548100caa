/**
 * A reorder buffer for work that finishes out of order: values are handed to `emit` in the
 * order their work was pushed, each as soon as it and everything before it has settled.
 * `room()` lets the producer wait while `limit` entries are unfinished or waiting for an
 * earlier one, which bounds both the work in flight and what the buffer holds.
 */
export class OrderedWindow<T> {
  /** Pending entries in push order; `head` is the first not yet emitted. */
  private slots: { settled: boolean; value?: T }[] = [];
  private head = 0;
  private waiters: (() => void)[] = [];
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly limit: number,
    private readonly emit: (value: T) => void,
  ) {
    if (!(limit >= 1)) throw new RangeError(`OrderedWindow: limit must be at least 1, got ${limit}`);
  }

  /** Entries pushed and not yet emitted. */
  get size(): number {
    return this.slots.length - this.head;
  }

  /**
   * Adds work (or a value already known). A rejected promise stops the window: the error is
   * thrown by the next `room()` or `drain()`; callers turn per-item failures into values.
   */
  push(work: T | PromiseLike<T>): void {
    const slot: { settled: boolean; value?: T } = { settled: false };
    this.slots.push(slot);
    Promise.resolve(work).then(
      (value) => {
        slot.settled = true;
        slot.value = value;
        this.flush();
      },
      (error: unknown) => {
        this.failure ??= { error };
        this.wake();
      },
    );
  }

  /** Resolves once fewer than `limit` entries are pending. */
  async room(): Promise<void> {
    while (this.size >= this.limit) {
      this.check();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.check();
  }

  /** Resolves once every pushed entry has been emitted. */
  async drain(): Promise<void> {
    while (this.size > 0) {
      this.check();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }

  private flush(): void {
    if (this.failure) return;
    while (this.head < this.slots.length && this.slots[this.head]!.settled) {
      const slot = this.slots[this.head]!;
      this.head++;
      const value = slot.value as T;
      slot.value = undefined;
      try {
        this.emit(value);
      } catch (error) {
        // e.g. the checkpoint file cannot be written: nothing later may be emitted.
        this.failure = { error };
        break;
      }
    }
    // Drop the emitted prefix now and then, so the array does not grow with the run.
    if (this.head > 1024 && this.head * 2 > this.slots.length) {
      this.slots = this.slots.slice(this.head);
      this.head = 0;
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
