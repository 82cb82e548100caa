/** Media types adscan can scan; a response without a Content-Type is given the benefit of the doubt. */
const SCANNABLE = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

/** The media type of a Content-Type header ("text/html; charset=gbk" → "text/html"), lower-cased. */
export function mediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** Why a response of this Content-Type is not read, or null when it is scannable. */
export function refusedContentType(contentType: string | undefined): string | null {
  const type = mediaType(contentType);
  if (type === undefined || SCANNABLE.has(type)) return null;
  return `unsupported content type ${type} (only HTML and plain text are scanned)`;
}
