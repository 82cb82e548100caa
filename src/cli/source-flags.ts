import { DEFAULT_SOURCE_OPTIONS, INPUT_FORMATS, type InputFormat, type SourceOptions } from '../sources/index.js';
import { CliError } from './exit-codes.js';

/**
 * The flags that decide how inputs are found, read and fetched (commander camel-cases them).
 * Input flags and fetch flags are kept in separate blocks.
 */
export interface SourceFlags {
  // --- inputs
  ext?: string;
  maxBytes?: string;
  urlList?: string[];
  include?: string[];
  exclude?: string[];
  inputFormat?: string;
  // --- fetching
  timeout?: string;
  maxRedirects?: string;
  concurrency?: string;
  perHost?: string;
  hostInterval?: string;
  retries?: string;
  userAgent?: string;
  robots?: boolean;
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
  if (flags.urlList?.length) o.urlLists = flags.urlList;
  if (flags.include?.length) o.include = flags.include;
  if (flags.exclude?.length) o.exclude = flags.exclude;
  if (flags.inputFormat !== undefined) {
    if (!INPUT_FORMATS.includes(flags.inputFormat as InputFormat)) {
      throw new CliError(`--input-format: expected ${INPUT_FORMATS.join(' or ')}, got "${flags.inputFormat}"`);
    }
    o.inputFormat = flags.inputFormat as InputFormat;
  }
  const redirects = positiveInt(flags.maxRedirects, '--max-redirects');
  if (redirects !== undefined) o.maxRedirects = redirects;
  for (const [value, flag, key] of [
    [flags.concurrency, '--concurrency', 'concurrency'],
    [flags.perHost, '--per-host', 'perHost'],
  ] as const) {
    const n = positiveInt(value, flag);
    if (n === 0) throw new CliError(`${flag}: expected at least 1, got "${value}"`);
    if (n !== undefined) o[key] = n;
  }
  const hostInterval = positiveInt(flags.hostInterval, '--host-interval');
  if (hostInterval !== undefined) o.hostIntervalMs = hostInterval;
  const retries = positiveInt(flags.retries, '--retries');
  if (retries !== undefined) o.retries = retries;
  if (flags.userAgent !== undefined) {
    if (flags.userAgent.trim() === '') throw new CliError('--user-agent: expected a non-empty value');
    o.userAgent = flags.userAgent;
  }
  if (flags.robots) o.robots = true;
  return { ...DEFAULT_SOURCE_OPTIONS, ...o };
}

