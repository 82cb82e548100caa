// How much of the generated HTML a reader actually sees: each sampled page is run through
// the built adscan's extract() (dist/extract/index.js: decode, parse, title/meta/body/alt
// fields), and the UTF-8 length of its fields is compared with the UTF-8 length of the
// decoded page (so GBK pages count the same way as UTF-8 ones). Crawled pages of hospital,
// pharmacy and health sites are typically 10–25% visible text; the rest is markup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Evenly spaced files (in generation order) up to `sampleBytes` or `maxFiles`. */
export function sampleFiles(files, { sampleBytes = 8 * 1024 * 1024, maxFiles = 400 } = {}) {
  const total = files.reduce((n, f) => n + f.bytes, 0);
  const want = Math.min(files.length, maxFiles, Math.max(1, Math.ceil(files.length * Math.min(1, sampleBytes / Math.max(1, total)))));
  const step = files.length / want;
  const out = [];
  for (let k = 0; k < want; k++) out.push(files[Math.floor(k * step)]);
  return out;
}

/** Visible-text share of a sample of HTML files: overall (by bytes) and per page. */
export async function measureVisibleShare({ repoRoot, dir, files, sampleBytes, maxFiles }) {
  const { extract } = await import(pathToFileURL(join(repoRoot, 'dist', 'extract', 'index.js')).href);
  const sample = sampleFiles(files, { sampleBytes, maxFiles });
  let visible = 0;
  let decoded = 0;
  let rawBytes = 0;
  const perPage = [];
  const byField = {};
  for (const f of sample) {
    const bytes = readFileSync(join(dir, f.rel));
    const x = await extract({ uri: f.rel, bytes });
    const pageBytes = Buffer.byteLength(x.original, 'utf8');
    let pageVisible = 0;
    for (const field of x.fields) {
      const n = Buffer.byteLength(field.text, 'utf8');
      pageVisible += n;
      byField[field.name] = (byField[field.name] ?? 0) + n;
    }
    visible += pageVisible;
    decoded += pageBytes;
    rawBytes += bytes.length;
    perPage.push(pageVisible / pageBytes);
  }
  return {
    method: 'UTF-8 bytes of the fields dist/extract extract() returns (title, meta, body, alt) ÷ UTF-8 bytes of the decoded page',
    pages: sample.length,
    sampleBytes: rawBytes,
    visibleBytes: visible,
    decodedBytes: decoded,
    share: visible / decoded,
    pageMin: Math.min(...perPage),
    pageMedian: median(perPage),
    pageMax: Math.max(...perPage),
    byField: Object.fromEntries(Object.entries(byField).map(([k, v]) => [k, +(v / decoded).toFixed(4)])),
  };
}
