/** What the progress line shows. */
export interface ProgressStats {
  /** Documents finished (scanned, failed, or taken from the checkpoint). */
  done: number;
  /** Documents expected, when a look ahead could count them. */
  total?: number;
  /** Bytes scanned by this run. */
  bytes: number;
  findings: number;
  failed: number;
  /** Since the run started. */
  elapsedMs: number;
  /** Documents taken from the checkpoint: done, but not by this run (for the ETA). */
  resumed?: number;
}

/** 75 → "1m15s", 3725 → "1h02m", 9 → "9s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The progress line (no newline, no escape codes), e.g.
 * `[#####-----] 120/240 documents · 3.4 MB/s · 57 findings · 2 failed · ETA 1m12s`.
 * Without a total (or once more documents than counted turn up): the count, no bar or ETA.
 * Cut to `columns - 1` characters so a terminal never wraps it.
 */
export function formatProgress(p: ProgressStats, columns = 80): string {
  const known = p.total !== undefined && p.total >= p.done && p.total > 0;
  const parts: string[] = [];
  if (known) {
    const total = p.total!;
    const width = 10;
    const filled = Math.min(width, Math.floor((p.done / total) * width));
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${total} documents`);
  } else {
    parts.push(plural(p.done, 'document', 'documents'));
  }
  const seconds = p.elapsedMs / 1000;
  const mbps = seconds > 0 ? p.bytes / 1e6 / seconds : 0;
  parts.push(`${mbps < 10 ? mbps.toFixed(1) : Math.round(mbps)} MB/s`);
  parts.push(plural(p.findings, 'finding', 'findings'));
  parts.push(`${p.failed} failed`);
  if (known) {
    // The rate of this run's own documents (those from a checkpoint took no time).
    const own = p.done - (p.resumed ?? 0);
    const left = p.total! - p.done;
    if (left === 0) parts.push('ETA 0s');
    else if (own > 0 && seconds > 0) parts.push(`ETA ${formatDuration((left * seconds) / own)}`);
  }
  const line = parts.join(' · ');
  const max = Math.max(10, columns - 1);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The stream the line is drawn on (a TTY). */
export interface ProgressTarget {
  write(s: string): unknown;
  columns?: number;
}

/**
 * Redraws the progress line in place on a terminal (carriage return, then erase to the end
 * of the line), at most every `intervalMs`, and once a second on its own while documents
 * are slow to come (URL fetches).
 */
export class ProgressLine {
  private readonly started: number;
  private stats: Omit<ProgressStats, 'elapsedMs'> = { done: 0, bytes: 0, findings: 0, failed: 0, resumed: 0 };
  private lastDraw = -Infinity;
  private shown = false;
  private timer: NodeJS.Timeout | null;

  constructor(
    private readonly target: ProgressTarget,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs = 100,
  ) {
    this.started = now();
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref();
  }

  setTotal(total: number | undefined): void {
    this.stats.total = total;
    this.tick();
  }

  /** A finished document; `bytes` is 0 for one taken from a checkpoint. */
  document(d: { findings: unknown[]; error: string | null }, bytes: number, resumed: boolean): void {
    this.stats.done++;
    this.stats.bytes += bytes;
    this.stats.findings += d.findings.length;
    if (d.error !== null) this.stats.failed++;
    if (resumed) this.stats.resumed = (this.stats.resumed ?? 0) + 1;
    this.tick();
  }

  /** Erases the line, e.g. before another message goes to the same terminal. */
  clear(): void {
    if (!this.shown) return;
    this.target.write('\r\x1b[K');
    this.shown = false;
  }

  /** Erases the line for good. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clear();
  }

  private tick(): void {
    if (this.now() - this.lastDraw >= this.intervalMs) this.draw();
  }

  private draw(): void {
    if (!this.timer) return;
    const now = this.now();
    this.lastDraw = now;
    this.target.write(`\r${formatProgress({ ...this.stats, elapsedMs: now - this.started }, this.target.columns || 80)}\x1b[K`);
    this.shown = true;
  }
}
