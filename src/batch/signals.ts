import { setMaxListeners } from 'node:events';
import { constants } from 'node:os';

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The conventional exit code of a process ended by `signal`: 130 for SIGINT, 143 for SIGTERM. */
export function signalExitCode(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

export interface StopSignals {
  /** The first stop signal received, if any. */
  readonly received: StopSignal | undefined;
  /** Aborted by the first signal. */
  readonly signal: AbortSignal;
  /** Removes the handlers (the process's default behaviour returns). */
  release(): void;
}

/**
 * Traps SIGINT and SIGTERM for the length of a run: the first calls `onFirst` and aborts
 * `signal` (the run stops taking new inputs and winds down); a second exits at once with the
 * signal's exit code. `release()` must be called when the run ends: the handlers are the
 * run's, not the process's (tests drive several runs in one process).
 */
export function trapStopSignals(onFirst: (signal: StopSignal) => void, exit: (code: number) => void = (code) => process.exit(code)): StopSignals {
  const controller = new AbortController();
  // The reader and every fetch under way listen to the run's stop signal.
  setMaxListeners(0, controller.signal);
  let received: StopSignal | undefined;
  const handler = (signal: StopSignal) => {
    if (received !== undefined) {
      exit(signalExitCode(signal));
      return;
    }
    received = signal;
    try {
      onFirst(signal);
    } finally {
      controller.abort(new Error(`stopped by ${signal}`));
    }
  };
  const handlers = { SIGINT: () => handler('SIGINT'), SIGTERM: () => handler('SIGTERM') };
  process.on('SIGINT', handlers.SIGINT);
  process.on('SIGTERM', handlers.SIGTERM);
  let released = false;
  return {
    get received() {
      return received;
    },
    signal: controller.signal,
    release() {
      if (released) return;
      released = true;
      process.off('SIGINT', handlers.SIGINT);
      process.off('SIGTERM', handlers.SIGTERM);
    },
  };
}
