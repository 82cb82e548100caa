/** File extensions that mean HTML, checked on the uri (query and fragment removed). */
const HTML_EXTENSION = /\.(?:html?|xhtml|shtml)$/i;
/** Extensions of plain text, where stray markup is more likely quoted than structural. */
const TEXT_EXTENSION = /\.(?:txt|md|markdown|text)$/i;

function uriPath(uri: string): string {
  return uri.replace(/[?#].*$/, '');
}

/**
 * HTML if the transport or the name says so, or the text opens like an HTML document, or
 * (for inputs not named as text) it starts with markup holding recognisable HTML elements
 * and closing tags. Everything else is text.
 */
export function detectFormat(text: string, uri: string, contentType: string | undefined): 'text' | 'html' {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  const path = uriPath(uri);
  if (HTML_EXTENSION.test(path)) return 'html';

  const head = text.slice(0, 4096).trimStart();
  if (/^<!doctype\s+html\b/i.test(head) || /^<html[\s>]/i.test(head)) return 'html';
  if (TEXT_EXTENSION.test(path) || mime === 'text/plain') return 'text';
  const looksStructured =
    head.startsWith('<') &&
    /<(?:head|body|title|meta|div|p|table|ul|ol|section|article|span|a|h[1-6])[\s>/]/i.test(head) &&
    /<\/[a-z][a-z0-9]*\s*>/i.test(head);
  return looksStructured ? 'html' : 'text';
}
