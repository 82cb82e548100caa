import { describe, expect, it } from 'vitest';
import { RunningTasks, runningSlot } from '../../src/batch/running-tasks.js';

describe('RunningTasks: which task each worker is scanning, shared with the workers', () => {
  it('gives each worker a slot of its own and tells a task being scanned from one not started', () => {
    const running = new RunningTasks();
    const a = runningSlot(running.shared);
    const b = runningSlot(running.shared);
    a.start(7);
    b.start(8);
    expect(running.wasRunning(7)).toBe(true);
    expect(running.wasRunning(8)).toBe(true);
    // Task 9 was handed to a worker but never started: it may run again.
    expect(running.wasRunning(9)).toBe(false);
    a.done();
    expect(running.wasRunning(7)).toBe(false);
    expect(running.wasRunning(8)).toBe(true);
    // The next task of a worker takes the place of its last.
    b.start(10);
    expect(running.wasRunning(8)).toBe(false);
    expect(running.wasRunning(10)).toBe(true);
  });

  it('keeps the slots of dead workers when replacements start, until the slots wrap around', () => {
    const running = new RunningTasks();
    const dead = runningSlot(running.shared);
    dead.start(42);
    for (let i = 0; i < RunningTasks.SLOTS - 1; i++) runningSlot(running.shared).start(1000 + i);
    expect(running.wasRunning(42)).toBe(true);
    runningSlot(running.shared).start(5);
    expect(running.wasRunning(42)).toBe(false);
  });
});
