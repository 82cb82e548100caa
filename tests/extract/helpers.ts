import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument } from '../../src/core/types.js';
import { extract, type Extracted, type ExtractedField } from '../../src/extract/index.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'extract');
export const AD_PAGES = join(import.meta.dirname, '..', '..', 'fixtures', 'ads', 'pages');

export function fixtureDoc(name: string, contentType?: string, dir = FIXTURES): SourceDocument {
  const bytes = readFileSync(join(dir, name));
  return contentType === undefined ? { uri: name, bytes } : { uri: name, bytes, contentType };
}

export function htmlDoc(html: string, uri = 'page.html'): SourceDocument {
  return { uri, bytes: Buffer.from(html, 'utf8') };
}

export async function extractHtml(html: string): Promise<Extracted> {
  return extract(htmlDoc(html));
}

export function field(result: Extracted, name: ExtractedField['name'], index = 0): ExtractedField {
  const found = result.fields.filter((f) => f.name === name)[index];
  if (found === undefined) throw new Error(`no ${name} field #${index}`);
  return found;
}

/** The source text behind the first occurrence of `needle` in a field. */
export function sourceOf(result: Extracted, f: ExtractedField, needle: string, occurrence = 0): string {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = f.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not in ${f.name}: ${JSON.stringify(f.text)}`);
  }
  const [s, e] = f.map.toSource(at, at + needle.length);
  return result.original.slice(s, e);
}
