import { isAbsolute, relative, sep } from 'node:path';

/** A URL with a scheme and authority (http:, https:, file:), as opposed to a file path. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;

/** Characters a URI reference may carry as they are (RFC 3986 unreserved, sub-delims, ':', '@', '/'), '%' excluded. */
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
/** In a URL, '%' starting a valid escape and '?', '#', '[', ']' stay too. */
const URL_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]/;

/**
 * A document's uri as a valid RFC 3986 URI reference, for SARIF's artifactLocation.uri.
 * URLs stay as they are, except that characters a URI cannot hold (non-ASCII, spaces) are
 * percent-encoded. File paths: absolute ones under `cwd` become relative to it, relative
 * ones stay relative (with '/' separators), other absolute ones become file:// URLs; every
 * character outside the URI path set is percent-encoded ('%' and '#' included, since a
 * file name may contain them, and ':' in a relative path so it cannot read as a scheme).
 */
export function toUriReference(uri: string, cwd?: string): string {
  if (URL_LIKE.test(uri)) return encodeChars(uri, (ch, i) => URL_SAFE.test(ch) || (ch === '%' && /^%[0-9A-Fa-f]{2}/.test(uri.slice(i))));
  let path = displayUri(uri, cwd);
  if (sep === '\\' || WINDOWS_DRIVE.test(path)) path = path.replaceAll('\\', '/');
  if (WINDOWS_DRIVE.test(path)) return `file:///${path.slice(0, 2)}${encodePath(path.slice(2))}`;
  if (path.startsWith('//')) return `file:${encodePath(path)}`;
  if (path.startsWith('/')) return `file://${encodePath(path)}`;
  return encodePath(path).replaceAll(':', '%3A');
}

function encodePath(path: string): string {
  return encodeChars(path, (ch) => PATH_SAFE.test(ch));
}

const UTF8 = new TextEncoder();

function encodeChars(text: string, keep: (ch: string, index: number) => boolean): string {
  let out = '';
  let index = 0;
  for (const ch of text) {
    if (keep(ch, index)) out += ch;
    else if (ch.length === 1 && ch >= '\ud800' && ch <= '\udfff') out += '%EF%BF%BD'; // lone surrogate → U+FFFD
    else for (const byte of UTF8.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    index += ch.length;
  }
  return out;
}

/** For display: absolute paths under `cwd` shortened to relative ones; URLs and other paths as they are. */
export function displayUri(uri: string, cwd?: string): string {
  if (!cwd || URL_LIKE.test(uri) || !isAbsolute(uri)) return uri;
  const rel = relative(cwd, uri);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return rel.length > 0 && !outside ? rel : uri;
}
