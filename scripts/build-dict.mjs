#!/usr/bin/env node
// Generates dist/dict/: the compact jieba dictionary (filtered from nodejieba's own
// DEFAULT_DICT, which is never copied into this repository) plus the one-line idf and
// stop-word files and the small user dictionary nodejieba.load() needs. Run by `npm run build`
// after tsc, since the selection logic lives in src/segment/compact-dict.ts.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let writeCompactDictionary;
try {
  ({ writeCompactDictionary } = await import('../dist/segment/dict-files.js'));
} catch (err) {
  console.error(`build-dict: cannot load dist/segment/dict-files.js — run tsc first (${err.message})`);
  process.exit(1);
}

const started = performance.now();
const { words, dir } = writeCompactDictionary(join(root, 'dist', 'dict'));
const ms = Math.round(performance.now() - started);
console.log(`build-dict: ${words} words → ${dir} (${ms} ms)`);
