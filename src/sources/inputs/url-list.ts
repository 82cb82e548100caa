import type { SourceFailure } from '../../core/types.js';
import { isHttpUrl } from '../fetch-url.js';
import { isBlankOrComment, splitLines } from './lines.js';

/** Longer lines are not URLs anyone meant to fetch. */
const MAX_URL_LINE_BYTES = 64 * 1024;

export type UrlListEntry = { url: string } | { failure: SourceFailure };

/** An absolute http(s) URL with a host, or why the line is not one. */
export function checkHttpUrl(text: string): string | null {
  if (!isHttpUrl(text)) return 'not an http(s) URL';
  try {
    const url = new URL(text);
    if (url.hostname === '') return 'URL has no host';
  } catch {
    return 'invalid URL';
  }
  return null;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}

/**
 * The URLs of one list, streamed: one a line, surrounding whitespace trimmed, blank lines and
 * `#` comments ignored. A line that is not an http(s) URL becomes a failure whose uri is
 * `LIST:LINE`. `label` names the list in those uris (the path, or `<stdin>`).
 */
export async function* readUrlList(
  label: string,
  stream: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<UrlListEntry> {
  for await (const line of splitLines(stream, MAX_URL_LINE_BYTES)) {
    const uri = `${label}:${line.number}`;
    if ('tooLong' in line) {
      yield { failure: { uri, error: `line too long for a URL (${line.tooLong} bytes)` } };
      continue;
    }
    if ('invalid' in line) {
      yield { failure: { uri, error: 'line is not valid UTF-8' } };
      continue;
    }
    if (isBlankOrComment(line.text)) continue;
    const text = line.text.trim();
    const problem = checkHttpUrl(text);
    yield problem === null ? { url: text } : { failure: { uri, error: `${problem}: ${quote(text)}` } };
  }
}
