import { stallClock } from './stall-clock.js';

/** Why one URL's fetch was stopped from outside the request itself. */
export class FetchStopped extends Error {}

/** The caller's signal aborted. */
export class Cancelled extends FetchStopped {
  constructor() {
    super('cancelled');
  }
}

/** The per-URL deadline passed. */
export class DeadlineExceeded extends FetchStopped {
  constructor(readonly timeoutMs: number) {
    super(`timeout after ${timeoutMs} ms`);
  }
}

/** The fetcher was closed while the URL was still being fetched. */
export class FetcherClosed extends FetchStopped {
  constructor() {
    super('fetcher closed');
  }
}

/**
 * One URL's abort signal: fires when the caller cancels, when the fetcher closes, or when the
 * overall deadline passes. The deadline starts with the first request (begin), so time spent
 * queued behind other URLs does not count against it.
 */
export class RunControl {
  private readonly controller = new AbortController();
  private readonly unlink: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private deadline = Infinity;
  private begun = false;
  /** Event-loop stall time (see StallClock) at begin, and how much of it the deadline has absorbed. */
  private stallBase = 0;
  private credited = 0;
  private releaseClock: (() => void) | undefined;

  constructor(
    private readonly timeoutMs: number,
    cancel: AbortSignal | undefined,
    closing: AbortSignal,
  ) {
    this.link(closing, () => new FetcherClosed());
    if (cancel) this.link(cancel, () => new Cancelled());
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** A request is about to go out: starts the deadline clock (once). */
  begin(): void {
    this.begun = true;
    if (this.timer || this.timeoutMs <= 0 || this.signal.aborted) return;
    this.releaseClock = stallClock.hold();
    this.stallBase = stallClock.stalledMs();
    this.deadline = Date.now() + this.timeoutMs;
    this.timer = setTimeout(() => this.expire(), this.timeoutMs);
  }

  /**
   * The deadline timer fired. Time the event loop spent blocked (by the caller's own work) is
   * added back first: the server cannot be blamed for replies this process was too busy to read.
   */
  private expire(): void {
    const credit = this.uncredited();
    if (credit > 0) {
      this.credited += credit;
      this.deadline += credit;
      this.timer = setTimeout(() => this.expire(), credit);
      return;
    }
    this.stop(new DeadlineExceeded(this.timeoutMs));
  }

  private uncredited(): number {
    return this.releaseClock ? stallClock.stalledMs() - this.stallBase - this.credited : 0;
  }

  /** Whether any request went out (so there is evidence to report). */
  get requested(): boolean {
    return this.begun;
  }

  /** Milliseconds left before the deadline (Infinity before begin or without one). */
  remainingMs(): number {
    return this.deadline + this.uncredited() - Date.now();
  }

  /** The reason this run was stopped, if it was. */
  stopped(): FetchStopped | undefined {
    const reason: unknown = this.signal.reason;
    return this.signal.aborted && reason instanceof FetchStopped ? reason : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.releaseClock?.();
    for (const undo of this.unlink.splice(0)) undo();
  }

  private stop(reason: FetchStopped): void {
    if (!this.signal.aborted) this.controller.abort(reason);
  }

  private link(signal: AbortSignal, reason: () => FetchStopped): void {
    if (signal.aborted) {
      this.stop(reason());
      return;
    }
    const onAbort = () => this.stop(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    this.unlink.push(() => signal.removeEventListener('abort', onAbort));
  }
}
