import type { SourceDocument, SourceFailure } from '../../src/core/types.js';

export type Item = SourceDocument | SourceFailure;

export async function collect(gen: AsyncIterable<Item>): Promise<Item[]> {
  const out: Item[] = [];
  for await (const item of gen) out.push(item);
  return out;
}

/** uri plus either the text (UTF-8) or the error, for compact assertions. */
export function summary(items: Item[]): Array<[string, string]> {
  return items.map((x) => ('error' in x ? [x.uri, `ERROR ${x.error}`] : [x.uri, Buffer.from(x.bytes).toString('utf8')]));
}
