import { STATUS_CODES } from 'node:http';
import type { SourceDocument, SourceFailure } from '../core/types.js';
import { readCapped, TooLargeError } from './capped-read.js';
import { decodeContentEncoding } from './content-encoding.js';
import { tooLargeMessage } from './messages.js';
import { describeNetworkError } from './network-error.js';
import type { SourceOptions } from './options.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

class FetchTimeout extends Error {}

/** Drops a body we will not read. undici reports a destroyed, unfinished body as an 'error'; it is expected here. */
function discard(body: NodeJS.ReadableStream & { destroy(): unknown }): void {
  body.on('error', () => {});
  body.destroy();
}

/**
 * GETs one http(s) URL. Redirects are followed by hand so a loop can be named and the hop
 * count bounded; one timer covers every hop and the body. undici is imported here, lazily,
 * so scans of local files do not pay for loading it.
 */
export async function fetchUrl(
  url: string,
  opts: Pick<SourceOptions, 'maxBytes' | 'timeoutMs' | 'maxRedirects' | 'userAgent'>,
): Promise<SourceDocument | SourceFailure> {
  const fail = (error: string): SourceFailure => ({ uri: url, error });
  let current: string;
  try {
    current = new URL(url).href;
  } catch {
    return fail('invalid URL');
  }

  const { request, Agent } = await import('undici');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new FetchTimeout()), opts.timeoutMs);
  // A private agent, destroyed at the end, leaves no keep-alive socket holding the process open.
  const agent = new Agent({ connect: { timeout: opts.timeoutMs } });
  const chain = [current];
  try {
    for (;;) {
      const res = await request(current, {
        method: 'GET',
        headers: { 'user-agent': opts.userAgent, accept: 'text/html, text/plain;q=0.9, */*;q=0.5' },
        signal: controller.signal,
        dispatcher: agent,
      });
      const status = res.statusCode;

      if (REDIRECT_STATUSES.has(status)) {
        await res.body.dump().catch(() => {});
        const location = headerValue(res.headers.location);
        if (!location) return fail(`HTTP ${status} redirect without a Location header`);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return fail(`HTTP ${status} redirect to an invalid URL: ${location}`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return fail(`HTTP ${status} redirect to unsupported URL ${next.href}`);
        }
        if (chain.includes(next.href)) {
          return fail(`redirect loop: ${[...chain, next.href].join(' -> ')}`);
        }
        if (chain.length > opts.maxRedirects) {
          return fail(`too many redirects (more than ${opts.maxRedirects}), last ${next.href}`);
        }
        chain.push(next.href);
        current = next.href;
        continue;
      }

      if (status < 200 || status > 299) {
        await res.body.dump().catch(() => {});
        const reason = STATUS_CODES[status] ?? res.statusText ?? '';
        return fail(`HTTP ${status}${reason ? ` ${reason}` : ''}`);
      }

      const encoding = headerValue(res.headers['content-encoding']);
      const declared = Number(headerValue(res.headers['content-length']));
      if (!encoding && Number.isFinite(declared) && declared > opts.maxBytes) {
        discard(res.body);
        return fail(tooLargeMessage(declared, opts.maxBytes));
      }
      const body = decodeContentEncoding(res.body, encoding);
      if (body === null) {
        discard(res.body);
        return fail(`unsupported content-encoding "${encoding}"`);
      }
      const bytes = await readCapped(body, opts.maxBytes);
      const contentType = headerValue(res.headers['content-type']);
      // Reports name the URL the user gave; where a redirect led is kept beside it.
      const doc: SourceDocument = { uri: url, bytes };
      if (current !== url) doc.finalUri = current;
      if (contentType !== undefined) doc.contentType = contentType;
      return doc;
    }
  } catch (err) {
    if (controller.signal.aborted) return fail(`timeout after ${opts.timeoutMs} ms`);
    if (err instanceof TooLargeError) return fail(tooLargeMessage(err.bytes, err.limit, true));
    return fail(describeNetworkError(err));
  } finally {
    clearTimeout(timer);
    agent.destroy().catch(() => {});
  }
}
