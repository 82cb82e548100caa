/** The input cannot be scanned as text: empty, binary, or in no encoding we can read. */
export class ExtractError extends Error {
  override name = 'ExtractError';
}
