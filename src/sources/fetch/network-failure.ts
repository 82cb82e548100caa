import { describeNetworkError } from '../network-error.js';
import type { FetchOptions } from './options.js';

/** Transient socket-level failures: worth another attempt. */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Every `code` on the error, its causes and (for AggregateError) its parts. */
function errorCodes(err: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 4 || err === null || typeof err !== 'object') return out;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') out.push(code);
  if (err instanceof AggregateError) for (const inner of err.errors) errorCodes(inner, out, depth + 1);
  errorCodes((err as { cause?: unknown }).cause, out, depth + 1);
  return out;
}

export function isRetryableError(err: unknown): boolean {
  return errorCodes(err).some((code) => RETRYABLE_CODES.has(code));
}

/** One line naming the cause; undici's own timeouts say which timeout fired and its length. */
export function describeFetchError(
  err: unknown,
  opts: Pick<FetchOptions, 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs'>,
): string {
  const codes = errorCodes(err);
  if (codes.includes('UND_ERR_CONNECT_TIMEOUT')) return `connect timeout (no connection within ${opts.connectTimeoutMs} ms)`;
  if (codes.includes('UND_ERR_HEADERS_TIMEOUT')) return `headers timeout (no response headers within ${opts.headersTimeoutMs} ms)`;
  if (codes.includes('UND_ERR_BODY_TIMEOUT')) return `body timeout (no body data for ${opts.bodyTimeoutMs} ms)`;
  return describeNetworkError(err);
}
