#!/usr/bin/env node
// Regenerates the two data files that normalisation reads to undo pinyin tricks:
//
//   src/normalize/data/readings.ts   toneless pinyin readings (every reading, polyphones
//                                    included) of the 6,763 GB2312 characters and of every
//                                    character in a rule word, from pinyin-pro (a dev
//                                    dependency: nothing pinyin-related is loaded at run time);
//   src/normalize/data/rule-words.ts the Han words of the rules' matchers (terms, anchors,
//                                    near/sequence words and the literal Han runs of regexes),
//                                    of the classification data and of the statutory statements.
//
// Run it after changing rules/ if pinyin substitution (zhi愈), masks (处*药) and repeats
// (保保证证) should know the new words:  node scripts/noise/gen-normalize-data.mjs
// Both outputs are deterministic (sorted), so an unchanged rule set gives unchanged files.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'src', 'normalize', 'data');
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff]{2,}/gu;

// ---- rule words ----------------------------------------------------------------------------

const yamlFiles = (d) =>
  readdirSync(d)
    .sort()
    .flatMap((n) => (statSync(join(d, n)).isDirectory() ? yamlFiles(join(d, n)) : /\.ya?ml$/i.test(n) ? [join(d, n)] : []));

/** Literal Han runs of a regex source: character classes and escapes break runs, never join them. */
function regexWords(source) {
  const plain = source
    .replace(/\\./gu, ' ') // escapes (\s, \d, \u4e00 …)
    .replace(/\[[^\]]*\]/gu, ' ') // character classes: a set of alternatives, not a word
    .replace(/[{}()|?*+^$.:<=!,\d]/gu, ' ');
  return plain.match(HAN_RUN) ?? [];
}

function matcherWords(m, out) {
  if (!m || typeof m !== 'object') return;
  if (Array.isArray(m)) {
    for (const x of m) matcherWords(x, out);
    return;
  }
  for (const list of [m.terms, m.anchors, m.near?.a, m.near?.b]) if (Array.isArray(list)) for (const t of list) out.push(String(t));
  if (typeof m.regex === 'string') out.push(...regexWords(m.regex));
  if (Array.isArray(m.sequence)) {
    for (const el of m.sequence) {
      if (Array.isArray(el?.word)) out.push(...el.word.map(String));
      if (typeof el?.regex === 'string') out.push(...regexWords(el.regex));
    }
  }
  for (const key of ['any', 'all']) if (Array.isArray(m[key])) matcherWords(m[key], out);
  if (m.not) matcherWords(m.not, out);
}

/**
 * Words of the classification data (indicator terms and patterns) and of the statutory
 * statements in masks.yaml: what the engine must recognise besides rule matches, e.g. 保健食品不是药物
 * (a masked 不×药物 must come back, or the statement is no longer masked and reads as a claim).
 */
function dataWords(node, out, key = '') {
  if (typeof node === 'string') {
    if (key === 'regex') out.push(...regexWords(node));
    else if (['terms', 'anchors', 'word', 'a', 'b', 'canonical'].includes(key)) out.push(node);
    return;
  }
  if (Array.isArray(node)) {
    for (const x of node) dataWords(x, out, key);
    return;
  }
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (!['examples', 'unless', 'message', 'suggestion', 'law', 'description'].includes(k)) dataWords(v, out, k);
  }
}

const words = new Set();
const found = [];
for (const path of yamlFiles(join(root, 'rules', 'packs'))) {
  const data = parseYaml(readFileSync(path, 'utf8'));
  for (const rule of data?.rules ?? []) matcherWords(rule.match, found);
}
for (const path of [...yamlFiles(join(root, 'rules', 'classify')), join(root, 'rules', 'masks.yaml')]) {
  dataWords(parseYaml(readFileSync(path, 'utf8')), found);
}
for (const w of found) for (const run of w.match(HAN_RUN) ?? []) if (run.length <= 12) words.add(run);
const ruleWords = [...words].sort();

// ---- readings ------------------------------------------------------------------------------

// GB2312: rows 0xB0–0xF7, cells 0xA1–0xFE (level 1 and level 2 Hanzi), decoded through GBK,
// which places them at the same code points.
const chars = new Set();
for (let row = 0xb0; row <= 0xf7; row++) {
  for (let cell = 0xa1; cell <= 0xfe; cell++) {
    if (row === 0xd7 && cell > 0xf9) continue; // the five empty cells at the end of level 1
    const c = iconv.decode(Buffer.from([row, cell]), 'gbk');
    if (/^\p{Script=Han}$/u.test(c)) chars.add(c);
  }
}
for (const w of ruleWords) for (const c of w) chars.add(c);

const bySyllable = new Map();
for (const c of [...chars].sort()) {
  const readings = pinyin(c, { multiple: true, type: 'array', toneType: 'none', v: true });
  for (const r of new Set(readings.map((s) => s.toLowerCase()))) {
    if (!/^[a-z]+$/.test(r)) continue;
    if (!bySyllable.has(r)) bySyllable.set(r, []);
    bySyllable.get(r).push(c);
  }
}
const readings = [...bySyllable.keys()].sort().map((s) => `${s}:${bySyllable.get(s).join('')}`).join('|');

// ---- write -----------------------------------------------------------------------------------

const header = (what) =>
  `// GENERATED by scripts/noise/gen-normalize-data.mjs — do not edit by hand.\n// ${what}\n`;
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'readings.ts'),
  `${header(`Toneless pinyin (ü as v) → the characters read so, for ${chars.size} characters (pinyin-pro).`)}` +
    `export const READINGS =\n  ${JSON.stringify(readings)};\n`,
);
writeFileSync(
  join(outDir, 'rule-words.ts'),
  `${header(`The ${ruleWords.length} Han words of the rules (matchers, classification, statements), space-separated.`)}` +
    `export const RULE_WORDS =\n  ${JSON.stringify(ruleWords.join(' '))};\n`,
);
console.log(`gen-normalize-data: ${chars.size} characters in ${bySyllable.size} syllables; ${ruleWords.length} rule words`);
