// WARC fixtures for the tests: well-formed records come from warcio's writer (an independent
// implementation, so the reader is checked against real-world output); damaged or unusual ones
// are built by hand.
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer, type WARCRecordOpts } from 'warcio';

export interface ResponseSpec {
  url: string;
  body: Uint8Array | string;
  contentType?: string;
  status?: number;
  date?: string;
  id?: string;
  headers?: Record<string, string>;
}

const bytesOf = (b: Uint8Array | string): Uint8Array => (typeof b === 'string' ? Buffer.from(b, 'utf8') : b);

/** A response record written by warcio (gzipped as its own member when `gzip`). */
export async function warcioResponse(spec: ResponseSpec, gzip = false): Promise<Uint8Array> {
  const httpHeaders: Record<string, string> = { ...(spec.contentType ? { 'Content-Type': spec.contentType } : {}), ...spec.headers };
  const record = WARCRecord.create(
    {
      url: spec.url,
      date: spec.date ?? '2025-06-01T08:00:00Z',
      type: 'response',
      warcVersion: 'WARC/1.1',
      warcHeaders: spec.id ? { 'WARC-Record-ID': spec.id } : {},
      httpHeaders,
      statusline: `HTTP/1.1 ${spec.status ?? 200} ${spec.status === 404 ? 'Not Found' : 'OK'}`,
    },
    [bytesOf(spec.body)],
  );
  return WARCSerializer.serialize(record, { gzip });
}

/** Any other record type (request, warcinfo, metadata …) written by warcio. */
export async function warcioRecord(type: 'request' | 'warcinfo' | 'metadata', url: string, gzip = false): Promise<Uint8Array> {
  const opts: WARCRecordOpts =
    type === 'request'
      ? { url, type, warcVersion: 'WARC/1.1' as const, httpHeaders: { Host: new URL(url).host }, statusline: `GET ${new URL(url).pathname} HTTP/1.1` }
      : { url, type, warcVersion: 'WARC/1.1' as const, warcHeaders: { 'Content-Type': 'application/warc-fields' } };
  const record = WARCRecord.create(opts, [Buffer.from(type === 'request' ? '' : 'software: test\r\n')]);
  return WARCSerializer.serialize(record, { gzip });
}

/** A record written by hand: WARC headers, then `block` exactly as given. */
export function handRecord(fields: Record<string, string>, block: Uint8Array | string): Buffer {
  const b = bytesOf(block);
  const head = ['WARC/1.0', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${b.length}`, '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head), b, Buffer.from('\r\n\r\n')]);
}

/** An HTTP response message: status line, headers, blank line, body as given. */
export function httpMessage(status: number, headers: Record<string, string>, body: Uint8Array | string): Buffer {
  const head = [`HTTP/1.1 ${status} X`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head), bytesOf(body)]);
}

/** `body` in chunked transfer coding, split every `size` bytes. */
export function chunked(body: Uint8Array | string, size: number): Buffer {
  const b = bytesOf(body);
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) {
    const piece = b.subarray(i, i + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), Buffer.from(piece), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

export function gz(b: Uint8Array): Buffer {
  return gzipSync(b);
}
