/** How often the clock looks at the event loop while someone is using it. */
const TICK_MS = 20;
/** Lateness below this is ordinary timer jitter, not a stall. */
const SLACK_MS = 10;

/**
 * Counts the milliseconds this process's event loop was blocked (a tick that should have run
 * after TICK_MS ran much later). While the loop is blocked — say by scanning a large page —
 * no response can be read, so deadlines subtract that time instead of blaming the server.
 * The ticker runs only while at least one user holds the clock, and never keeps the process alive.
 */
export class StallClock {
  private users = 0;
  private timer: NodeJS.Timeout | undefined;
  private last = 0;
  private stalled = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts counting (if not already); call `release` when done. */
  hold(): () => void {
    if (this.users++ === 0) {
      this.last = this.now();
      this.timer = setInterval(() => this.sample(), TICK_MS);
      this.timer.unref();
    }
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--this.users === 0) {
        this.sample();
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** Blocked milliseconds counted so far (only grows). */
  stalledMs(): number {
    if (this.users > 0) this.sample();
    return this.stalled;
  }

  private sample(): void {
    const now = this.now();
    const late = now - this.last - TICK_MS;
    if (late > SLACK_MS) this.stalled += late;
    this.last = now;
  }
}

/** The clock every fetcher's deadlines share: a stall affects the whole process alike. */
export const stallClock = new StallClock();
