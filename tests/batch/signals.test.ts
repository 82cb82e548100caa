import { describe, expect, it } from 'vitest';
import { signalExitCode, trapStopSignals } from '../../src/batch/signals.js';

describe('trapStopSignals', () => {
  it('first signal: onFirst and abort; second: exit with the signal code; release removes the handlers', () => {
    const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') };
    const seen: string[] = [];
    const exits: number[] = [];
    const trap = trapStopSignals((s) => seen.push(s), (code) => exits.push(code));
    expect(process.listenerCount('SIGINT')).toBe(before.int + 1);
    expect(process.listenerCount('SIGTERM')).toBe(before.term + 1);
    expect(trap.signal.aborted).toBe(false);

    process.emit('SIGTERM', 'SIGTERM');
    expect(seen).toEqual(['SIGTERM']);
    expect(trap.received).toBe('SIGTERM');
    expect(trap.signal.aborted).toBe(true);
    expect(exits).toEqual([]);

    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([130]);
    expect(seen).toEqual(['SIGTERM']);

    trap.release();
    trap.release();
    expect(process.listenerCount('SIGINT')).toBe(before.int);
    expect(process.listenerCount('SIGTERM')).toBe(before.term);
  });

  it('exit codes are 128 + the signal number', () => {
    expect(signalExitCode('SIGINT')).toBe(130);
    expect(signalExitCode('SIGTERM')).toBe(143);
  });
});
