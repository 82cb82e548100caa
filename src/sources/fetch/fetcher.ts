import { setMaxListeners } from 'node:events';
import { STATUS_CODES } from 'node:http';
import type { Readable } from 'node:stream';
import type { Agent, Dispatcher, request as undiciRequest } from 'undici';
import type { FetchEvidence, SourceDocument, SourceFailure } from '../../core/types.js';
import { readCapped, TooLargeError } from '../capped-read.js';
import { decodeContentEncoding } from '../content-encoding.js';
import { tooLargeMessage } from '../messages.js';
import { refusedContentType } from './content-type.js';
import { HostLimiter } from './host-limiter.js';
import { describeFetchError, isRetryableError } from './network-failure.js';
import { resolveFetchOptions, type FetchOptions } from './options.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter, sleep } from './retry.js';
import { RobotsCache } from './robots.js';
import { DeadlineExceeded, FetcherClosed, RunControl } from './run-control.js';

export interface Fetcher {
  /** GETs one http(s) URL. Never throws: every problem becomes a SourceFailure. */
  fetch(url: string, opts?: { signal?: AbortSignal }): Promise<SourceDocument | SourceFailure>;
  /** Stops what is in flight and closes every pooled connection, so the process can exit. */
  close(): Promise<void>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.1';
const ACCEPT_ENCODING = 'gzip, deflate, br';
/** robots.txt gets a short leash of its own: a slow one must not eat the pages' time. */
const ROBOTS_TIMEOUT_MS = 5_000;
/** RFC 9309 asks crawlers to read at least 500 KiB; a larger file is treated as absent. */
const ROBOTS_MAX_BYTES = 512 * 1024;
const ROBOTS_MAX_REDIRECTS = 5;

/** The limits one kind of fetch runs under: documents, or robots.txt files. */
interface Plan {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  robots: boolean;
}

/** How one request (one hop of one attempt) ended. */
type Hop =
  | { kind: 'ok'; status: number; bytes: Uint8Array; contentType: string | undefined; fetchedAt: string }
  | { kind: 'redirect'; status: number; location: string | undefined }
  | { kind: 'retry'; status?: number; cause: string; retryAfterMs?: number }
  | { kind: 'fail'; status?: number; error: string };

interface Client {
  request: typeof undiciRequest;
  agent: Agent;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function withAttempts(message: string, attempts: number): string {
  return attempts > 1 ? `${message} after ${attempts} attempts` : message;
}

/** Drops a body we will not read. undici reports a destroyed, unfinished body as an 'error'; it is expected here. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/** Reads and drops a small body (an error page, a redirect) so its connection can be reused. */
async function drain(body: Dispatcher.ResponseData['body']): Promise<void> {
  await body.dump().catch(() => {});
}

/**
 * Fetches URLs for one run: one undici Agent (keep-alive pool) shared by every request, a
 * global and a per-host concurrency limit, an optional per-host start interval, retries with
 * backoff, optional robots.txt. undici is loaded on the first fetch, so runs over local files
 * never pay for it.
 */
class UndiciFetcher implements Fetcher {
  private readonly limiter: HostLimiter;
  private readonly closing = new AbortController();
  private readonly robotsCache: RobotsCache | undefined;
  private readonly documents: Plan;
  private readonly robotsFiles: Plan;
  private client: Promise<Client> | undefined;
  private closed = false;

  constructor(private readonly o: FetchOptions) {
    // Each request in flight listens to `closing`: as many as the concurrency allows.
    setMaxListeners(0, this.closing.signal);
    this.limiter = new HostLimiter({ concurrency: o.concurrency, perHost: o.perHost, intervalMs: o.hostIntervalMs });
    this.documents = { timeoutMs: o.timeoutMs, maxBytes: o.maxBytes, maxRedirects: o.maxRedirects, retries: o.retries, robots: o.robots };
    this.robotsFiles = {
      timeoutMs: o.timeoutMs > 0 ? Math.min(o.timeoutMs, ROBOTS_TIMEOUT_MS) : ROBOTS_TIMEOUT_MS,
      maxBytes: ROBOTS_MAX_BYTES,
      maxRedirects: ROBOTS_MAX_REDIRECTS,
      retries: 0,
      robots: false,
    };
    if (o.robots) this.robotsCache = new RobotsCache((url) => this.loadRobots(url), o.userAgent);
  }

  async fetch(url: string, opts: { signal?: AbortSignal } = {}): Promise<SourceDocument | SourceFailure> {
    if (this.closed) return { uri: url, error: new FetcherClosed().message };
    try {
      return await this.run(url, this.documents, opts.signal);
    } catch (err) {
      // Defensive: run() reports its own failures.
      return { uri: url, error: err instanceof Error ? err.message : String(err) };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort(new FetcherClosed());
    this.limiter.close();
    const client = await this.client?.catch(() => undefined);
    await client?.agent.destroy().catch(() => {});
  }

  private undici(): Promise<Client> {
    if (this.closed) return Promise.reject(new FetcherClosed());
    this.client ??= import('undici').then(({ Agent, request }) => ({
      request,
      agent: new Agent({
        connect: { timeout: this.o.connectTimeoutMs },
        headersTimeout: this.o.headersTimeoutMs,
        bodyTimeout: this.o.bodyTimeoutMs,
        connections: this.o.perHost,
      }),
    }));
    return this.client;
  }

  private async loadRobots(robotsUrl: string): Promise<string | null> {
    const result = await this.run(robotsUrl, this.robotsFiles, undefined);
    return 'error' in result ? null : Buffer.from(result.bytes).toString('utf8');
  }

  /**
   * Follows redirects by hand (so a loop can be named and the hop count bounded) and retries
   * transient failures of a hop, under one deadline for the whole URL.
   */
  private async run(url: string, plan: Plan, signal: AbortSignal | undefined): Promise<SourceDocument | SourceFailure> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      return { uri: url, error: 'invalid URL' };
    }
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return { uri: url, error: `unsupported URL scheme ${current.protocol}` };
    }

    const ctl = new RunControl(plan.timeoutMs, signal, this.closing.signal);
    const chain = [current.href];
    let attempts = 1;
    let retried = 0;
    let status: number | undefined;
    const fail = (error: string): SourceFailure => {
      const failure: SourceFailure = { uri: url, error };
      if (ctl.requested) failure.fetch = status === undefined ? { attempts } : { status, attempts };
      return failure;
    };

    try {
      for (;;) {
        if (plan.robots && this.robotsCache && !(await this.robotsCache.allows(current, ctl.signal))) {
          return fail(current.href === chain[0] ? 'disallowed by robots.txt' : `disallowed by robots.txt: ${current.href}`);
        }
        const hop = await this.hop(current, plan, ctl);
        if (hop.status !== undefined) status = hop.status;

        if (hop.kind === 'ok') {
          // Reports name the URL the user gave; where a redirect led is kept beside it.
          const doc: SourceDocument = { uri: url, bytes: hop.bytes };
          if (current.href !== url) doc.finalUri = current.href;
          if (hop.contentType !== undefined) doc.contentType = hop.contentType;
          const evidence: FetchEvidence = { fetchedAt: hop.fetchedAt, status: hop.status, attempts };
          doc.fetch = evidence;
          return doc;
        }
        if (hop.kind === 'fail') return fail(withAttempts(hop.error, attempts));

        if (hop.kind === 'retry') {
          if (retried >= plan.retries) return fail(withAttempts(hop.cause, attempts));
          const wait =
            hop.retryAfterMs !== undefined
              ? Math.min(hop.retryAfterMs, this.o.retryMaxMs)
              : backoffDelay(retried, this.o.retryBaseMs, this.o.retryMaxMs);
          if (wait >= ctl.remainingMs()) {
            return fail(`${withAttempts(hop.cause, attempts)}; no time left to retry within ${plan.timeoutMs} ms`);
          }
          await sleep(wait, ctl.signal);
          retried++;
          attempts++;
          continue;
        }

        // A redirect.
        if (!hop.location) return fail(`HTTP ${hop.status} redirect without a Location header`);
        let next: URL;
        try {
          next = new URL(hop.location, current);
        } catch {
          return fail(`HTTP ${hop.status} redirect to an invalid URL: ${hop.location}`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return fail(`HTTP ${hop.status} redirect to unsupported URL ${next.href}`);
        }
        if (chain.includes(next.href)) return fail(`redirect loop: ${[...chain, next.href].join(' -> ')}`);
        if (chain.length > plan.maxRedirects) {
          return fail(`too many redirects (more than ${plan.maxRedirects}), last ${next.href}`);
        }
        chain.push(next.href);
        current = next;
      }
    } catch (err) {
      const stopped = ctl.stopped();
      if (!stopped) throw err;
      const message =
        stopped instanceof DeadlineExceeded && attempts > 1 ? `${stopped.message} (${attempts} attempts)` : stopped.message;
      return fail(message);
    } finally {
      ctl.dispose();
    }
  }

  /** One request under a host slot, its body read (or dropped) before the slot is given back. */
  private async hop(url: URL, plan: Plan, ctl: RunControl): Promise<Hop> {
    const { request, agent } = await this.undici();
    const release = await this.limiter.acquire(url.host, ctl.signal);
    ctl.begin();
    try {
      let res: Dispatcher.ResponseData;
      try {
        res = await request(url.href, {
          method: 'GET',
          headers: { 'user-agent': this.o.userAgent, accept: ACCEPT, 'accept-encoding': ACCEPT_ENCODING },
          signal: ctl.signal,
          dispatcher: agent,
        });
      } catch (err) {
        return this.networkFailure(err, ctl);
      }
      const fetchedAt = new Date().toISOString();
      const status = res.statusCode;

      if (REDIRECT_STATUSES.has(status)) {
        await drain(res.body);
        return { kind: 'redirect', status, location: headerValue(res.headers.location) };
      }
      if (status < 200 || status > 299) {
        await drain(res.body);
        const reason = STATUS_CODES[status] ?? res.statusText ?? '';
        const error = `HTTP ${status}${reason ? ` ${reason}` : ''}`;
        if (!isRetryableStatus(status)) return { kind: 'fail', status, error };
        const retryAfterMs = parseRetryAfter(headerValue(res.headers['retry-after']));
        return retryAfterMs === undefined ? { kind: 'retry', status, cause: error } : { kind: 'retry', status, cause: error, retryAfterMs };
      }

      const contentType = headerValue(res.headers['content-type']);
      const refused = refusedContentType(contentType);
      if (refused !== null) {
        discard(res.body);
        return { kind: 'fail', status, error: refused };
      }
      const encoding = headerValue(res.headers['content-encoding']);
      const declared = Number(headerValue(res.headers['content-length']));
      if (!encoding && Number.isFinite(declared) && declared > plan.maxBytes) {
        discard(res.body);
        return { kind: 'fail', status, error: tooLargeMessage(declared, plan.maxBytes) };
      }
      const body = decodeContentEncoding(res.body, encoding);
      if (body === null) {
        discard(res.body);
        return { kind: 'fail', status, error: `unsupported content-encoding "${encoding}"` };
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(body, plan.maxBytes);
      } catch (err) {
        if (err instanceof TooLargeError) return { kind: 'fail', status, error: tooLargeMessage(err.bytes, err.limit, true) };
        return { ...this.networkFailure(err, ctl), status };
      }
      return { kind: 'ok', status, bytes, contentType, fetchedAt };
    } finally {
      release();
    }
  }

  /** A transient failure is retried; a stop (cancel, deadline, close) is rethrown for run() to name. */
  private networkFailure(err: unknown, ctl: RunControl): Extract<Hop, { kind: 'retry' | 'fail' }> {
    if (ctl.stopped()) throw err;
    const message = describeFetchError(err, this.o);
    return isRetryableError(err) ? { kind: 'retry', cause: message } : { kind: 'fail', error: message };
  }
}

/** A fetcher for one run; close() it when the run is over. */
export function createFetcher(opts: Partial<FetchOptions> = {}): Fetcher {
  return new UndiciFetcher(resolveFetchOptions(opts));
}
