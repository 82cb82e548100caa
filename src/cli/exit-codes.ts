/** The exit-code contract (README "Exit codes"). */
export const EXIT_OK = 0;
/** Findings at or above --fail-on. */
export const EXIT_FINDINGS = 1;
/** Usage error, invalid rules, or no input could be read. */
export const EXIT_USAGE = 2;

/** An error whose message is for the user, with the exit code it implies. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
