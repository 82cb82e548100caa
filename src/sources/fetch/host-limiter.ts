/** Gives back a slot taken with HostLimiter.acquire; calling it again does nothing. */
export type Release = () => void;

interface Waiter {
  seq: number;
  host: string;
  grant: (release: Release) => void;
  fail: (reason: unknown) => void;
  onAbort?: () => void;
  signal?: AbortSignal;
}

interface HostState {
  active: number;
  /** Earliest time (ms since the epoch) the next request to this host may start. */
  nextStart: number;
  queue: Waiter[];
}

export interface HostLimits {
  /** Slots in use at once over all hosts. */
  concurrency: number;
  /** Slots in use at once for one host. */
  perHost: number;
  /** Minimum time between two grants for one host (0: none). */
  intervalMs: number;
}

/**
 * Hands out request slots under a global limit, a per-host limit and a per-host start
 * interval. Waiters are served first come, first served among those that may go now: a host
 * at its limit does not hold up others, and a host's own waiters keep their order. Nothing
 * polls: a release or the single timer for the earliest rate-limited host wakes the queue.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  private active = 0;
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private closed = false;

  constructor(
    private readonly limits: HostLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Slots in use now (for tests and diagnostics). */
  get inUse(): number {
    return this.active;
  }

  /** Waits for a slot for `host`; rejects with the signal's reason if it aborts first. */
  acquire(host: string, signal?: AbortSignal): Promise<Release> {
    if (this.closed) return Promise.reject(new Error('limiter closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { seq: this.seq++, host, grant: resolve, fail: reject };
      if (signal) {
        waiter.signal = signal;
        waiter.onAbort = () => {
          this.remove(waiter);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.state(host).queue.push(waiter);
      this.pump();
    });
  }

  /** Rejects every waiter and stops the timer. */
  close(): void {
    this.closed = true;
    this.clearTimer();
    for (const state of this.hosts.values()) {
      for (const waiter of state.queue.splice(0)) {
        this.detach(waiter);
        waiter.fail(new Error('limiter closed'));
      }
    }
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, nextStart: 0, queue: [] };
      this.hosts.set(host, state);
    }
    return state;
  }

  private remove(waiter: Waiter): void {
    const state = this.hosts.get(waiter.host);
    if (!state) return;
    const i = state.queue.indexOf(waiter);
    if (i >= 0) state.queue.splice(i, 1);
    this.forget(waiter.host, state);
    // The removed waiter may have been the one the timer was set for; the others still wait.
    this.pump();
  }

  private detach(waiter: Waiter): void {
    if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
  }

  /** Drops an idle host's bookkeeping once its interval has passed. */
  private forget(host: string, state: HostState): void {
    if (state.active === 0 && state.queue.length === 0 && state.nextStart <= this.now()) this.hosts.delete(host);
  }

  private pump(): void {
    if (this.closed) return;
    for (;;) {
      if (this.active >= this.limits.concurrency) return;
      const now = this.now();
      let best: HostState | undefined;
      let wakeAt = Infinity;
      for (const state of this.hosts.values()) {
        const head = state.queue[0];
        if (!head || state.active >= this.limits.perHost) continue;
        if (state.nextStart > now) {
          wakeAt = Math.min(wakeAt, state.nextStart);
          continue;
        }
        if (!best || head.seq < best.queue[0]!.seq) best = state;
      }
      if (!best) {
        this.schedule(wakeAt);
        return;
      }
      const waiter = best.queue.shift()!;
      this.detach(waiter);
      best.active++;
      this.active++;
      best.nextStart = this.limits.intervalMs > 0 ? now + this.limits.intervalMs : 0;
      waiter.grant(this.releaser(waiter.host, best));
    }
  }

  private releaser(host: string, state: HostState): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active--;
      this.active--;
      this.forget(host, state);
      this.pump();
    };
  }

  /** One timer, for the earliest moment a rate-limited host may start again. */
  private schedule(at: number): void {
    if (at === Infinity) {
      this.clearTimer();
      return;
    }
    if (this.timer && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(0, at - this.now()));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}
