import { DEFAULT_SOURCE_OPTIONS, type SourceOptions } from '../sources/index.js';
import { CliError } from './exit-codes.js';

/**
 * The flags that decide how inputs are found, read and fetched (commander camel-cases them).
 * Input flags and fetch flags are kept in separate blocks.
 */
export interface SourceFlags {
  // --- inputs
  ext?: string;
  maxBytes?: string;
  // --- fetching
  timeout?: string;
  maxRedirects?: string;
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`${flag}: expected a whole number, got "${value}"`);
  return n;
}

export function sourceOptions(flags: SourceFlags): Partial<SourceOptions> {
  const o: Partial<SourceOptions> = {};
  if (flags.ext) {
    o.extensions = flags.ext.split(',').map((e) => e.trim()).filter(Boolean).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  }
  const timeout = positiveInt(flags.timeout, '--timeout');
  if (timeout !== undefined) o.timeoutMs = timeout;
  const maxBytes = positiveInt(flags.maxBytes, '--max-bytes');
  if (maxBytes !== undefined) o.maxBytes = maxBytes;
  const redirects = positiveInt(flags.maxRedirects, '--max-redirects');
  if (redirects !== undefined) o.maxRedirects = redirects;
  return { ...DEFAULT_SOURCE_OPTIONS, ...o };
}

