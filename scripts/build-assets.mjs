#!/usr/bin/env node
// Run by `npm run build` after tsc (the logic lives in dist/). Generates what start-up would
// otherwise compute on every run:
//   dist/dict/                          the compact jieba dictionary (filtered from nodejieba's
//                                       own DEFAULT_DICT, never copied into this repository)
//   dist/normalize/traditional-chars.txt characters that mark a line as Traditional script
//   dist/rules-cache.json               the bundled rule files, parsed and validated, by content
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

let writeCompactDictionary, deriveTraditionalCharacters, contentKey, parseRuleFile;
try {
  ({ writeCompactDictionary } = await import('../dist/segment/dict-files.js'));
  ({ deriveTraditionalCharacters } = await import('../dist/normalize/script.js'));
  ({ contentKey, parseRuleFile } = await import('../dist/rules/load.js'));
} catch (err) {
  console.error(`build-assets: cannot load dist/ — run tsc first (${err.message})`);
  process.exit(1);
}

let started = performance.now();
const { words, dir } = writeCompactDictionary(join(dist, 'dict'));
console.log(`build-assets: ${words} words → ${relative(root, dir)} (${Math.round(performance.now() - started)} ms)`);

started = performance.now();
const traditional = deriveTraditionalCharacters();
writeFileSync(join(dist, 'normalize', 'traditional-chars.txt'), traditional);
console.log(`build-assets: ${Array.from(traditional).length} Traditional characters → dist/normalize/traditional-chars.txt (${Math.round(performance.now() - started)} ms)`);

// Only valid files are cached: a broken one is reported by the run that loads it.
const yamlFiles = (d) =>
  readdirSync(d)
    .sort()
    .flatMap((n) => (statSync(join(d, n)).isDirectory() ? yamlFiles(join(d, n)) : /\.ya?ml$/i.test(n) ? [join(d, n)] : []));
const cache = {};
for (const path of yamlFiles(join(root, 'rules'))) {
  const text = readFileSync(path, 'utf8');
  const parsed = parseRuleFile({ path: relative(root, path), text });
  if (parsed.problems.length === 0) cache[contentKey(text)] = parsed.data;
  else console.warn(`build-assets: not cached, invalid: ${relative(root, path)}`);
}
writeFileSync(join(dist, 'rules-cache.json'), JSON.stringify(cache));
console.log(`build-assets: ${Object.keys(cache).length} rule files → dist/rules-cache.json`);
