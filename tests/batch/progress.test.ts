import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress, ProgressLine } from '../../src/batch/progress.js';

describe('formatDuration', () => {
  it('seconds, minutes with seconds, hours with minutes', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(9.4)).toBe('9s');
    expect(formatDuration(75)).toBe('1m15s');
    expect(formatDuration(3725)).toBe('1h02m');
    expect(formatDuration(-3)).toBe('0s');
  });
});

describe('formatProgress', () => {
  it('with a known total: bar, done/total, MB/s, findings, failures and ETA', () => {
    const line = formatProgress({ done: 120, total: 480, bytes: 6_800_000, findings: 57, failed: 2, elapsedMs: 2000 });
    expect(line).toBe('[##--------] 120/480 documents · 3.4 MB/s · 57 findings · 2 failed · ETA 6s');
  });

  it('without a total: the count only, no bar and no ETA', () => {
    expect(formatProgress({ done: 1, bytes: 25_000_000, findings: 1, failed: 0, elapsedMs: 1000 })).toBe('1 document · 25 MB/s · 1 finding · 0 failed');
    // More documents than counted (an archive in a directory): the total is dropped.
    expect(formatProgress({ done: 11, total: 10, bytes: 0, findings: 0, failed: 0, elapsedMs: 1000 })).toBe('11 documents · 0.0 MB/s · 0 findings · 0 failed');
  });

  it('the ETA uses only the documents this run scanned, not those taken from a checkpoint', () => {
    const line = formatProgress({ done: 60, resumed: 50, total: 110, bytes: 1_000_000, findings: 0, failed: 0, elapsedMs: 10_000 });
    // 10 documents in 10 s, 50 left: 50 s.
    expect(line).toMatch(/ETA 50s$/);
    expect(formatProgress({ done: 0, total: 5, bytes: 0, findings: 0, failed: 0, elapsedMs: 0 })).toBe('[----------] 0/5 documents · 0.0 MB/s · 0 findings · 0 failed');
    expect(formatProgress({ done: 5, total: 5, bytes: 0, findings: 0, failed: 0, elapsedMs: 10 })).toMatch(/\[##########\] 5\/5 .* ETA 0s$/);
  });

  it('never wider than the terminal', () => {
    const line = formatProgress({ done: 123456, total: 999999, bytes: 1e9, findings: 99999, failed: 999, elapsedMs: 1000 }, 40);
    expect(line.length).toBeLessThanOrEqual(39);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('ProgressLine', () => {
  it('redraws one line in place (CR, text, erase to end), throttled, and erases it on clear', () => {
    const writes: string[] = [];
    let now = 0;
    const line = new ProgressLine({ write: (s: string) => writes.push(s), columns: 100 }, () => now, 100);
    line.setTotal(3);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe('\r[----------] 0/3 documents · 0.0 MB/s · 0 findings · 0 failed\x1b[K');
    now = 50;
    line.document({ findings: [1, 2], error: null }, 1000, false);
    expect(writes).toHaveLength(1); // within the interval: not redrawn
    now = 200;
    line.document({ findings: [], error: 'x' }, 0, false);
    expect(writes).toHaveLength(2);
    expect(writes[1]).toContain('2/3 documents');
    expect(writes[1]).toContain('2 findings · 1 failed');
    line.clear();
    expect(writes[2]).toBe('\r\x1b[K');
    line.clear(); // nothing shown: nothing to erase
    expect(writes).toHaveLength(3);
    line.stop();
    now = 1000;
    line.document({ findings: [], error: null }, 0, false);
    expect(writes).toHaveLength(3); // stopped: never drawn again
  });
});
