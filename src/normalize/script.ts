import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MapWriter } from '../core/map-writer.js';
import { CharTable } from '../core/char-table.js';
import { unchanged, type Normalized } from './normalized.js';
import { matchesOf } from '../core/match-reader.js';

export type Convert = (text: string) => string;

interface Tables {
  /** TW → mainland, then HK → mainland for what is left (衞). */
  convert: Convert;
  /** The Traditional characters: a line without one is left as it is. */
  traditional: CharTable;
}

let tables: Tables | undefined;

interface OpenCCModule {
  Converter(o: { from: string; to: string }): Convert;
  Locale: { configs?: Record<string, unknown> };
}

/** opencc-js (its t2cn bundle only) is loaded when a text first needs it: most texts never do. */
let opencc: OpenCCModule | undefined;
const loadOpenCC = (): OpenCCModule => (opencc ??= createRequire(import.meta.url)('opencc-js/t2cn') as OpenCCModule);

/** Written by the build next to this module, so that start-up need not derive it from opencc. */
const PRECOMPUTED = new URL('./traditional-chars.txt', import.meta.url);

type Dict = string | readonly (readonly [string, string])[];

function entries(dict: Dict): readonly (readonly string[])[] {
  return typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
}

interface Config {
  normalizationChain?: readonly (readonly Dict[])[];
  segmentation?: Dict | readonly Dict[];
  conversionChain: readonly (readonly Dict[])[];
}

/** Every character that appears in a key of the dictionaries behind `names`. */
function keyCharacters(names: string[]): Set<string> {
  const chars = new Set<string>();
  for (const name of names) {
    const config = loadOpenCC().Locale.configs?.[name] as Config | undefined;
    if (!config) throw new Error(`opencc-js has no ${name} configuration`);
    const dicts: Dict[] = [];
    for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) dicts.push(...group);
    if (typeof config.segmentation === 'string') dicts.push(config.segmentation);
    else if (config.segmentation) dicts.push(...(config.segmentation as readonly Dict[]));
    for (const dict of dicts) for (const [key] of entries(dict)) for (const c of key!) chars.add(c);
  }
  return chars;
}

// Valid Simplified characters that the TW table nevertheless changes (it reads 著 as the
// particle 着 and maps 么 to 幺); they must not mark a line as Traditional.
const SIMPLIFIED_TOO = new Set(['著', '么']);

/**
 * Built on first use and kept for the process (~0.1 s). Only the t2cn bundle is imported
 * (≈0.1 MB instead of the 1.2 MB full build) to keep start-up short.
 *
 * Taiwan and Hong Kong texts use different variants on top of standard Traditional (TW 著/裡
 * where the mainland writes 着/里, HK 衞), and neither opencc preset handles the other's, so
 * Traditional text goes through TW → CN and then HK → CN. The TW table, however, also changes
 * valid Simplified text (显著/著称 → 显着/着称, 么 → 幺), so only lines that hold a Traditional
 * character are converted: one that some table changes when it stands alone, apart from
 * SIMPLIFIED_TOO. Checking that with one regex is also far cheaper than converting every line.
 */
function getTables(): Tables {
  if (!tables) {
    let converter: Convert | undefined;
    const convert: Convert = (text) => {
      if (!converter) {
        const hk = loadOpenCC().Converter({ from: 'hk', to: 'cn' });
        const tw = loadOpenCC().Converter({ from: 'tw', to: 'cn' });
        converter = (t) => hk(tw(t));
      }
      return converter(text);
    };
    tables = { convert, traditional: new CharTable(traditionalCharacters()) };
  }
  return tables;
}

/** The characters that mark a line as Traditional: precomputed by the build, else derived. */
function traditionalCharacters(): string {
  try {
    return readFileSync(PRECOMPUTED, 'utf8');
  } catch {
    return deriveTraditionalCharacters();
  }
}

/** Every character some table changes when it stands alone, apart from SIMPLIFIED_TOO. */
export function deriveTraditionalCharacters(): string {
  const hk = loadOpenCC().Converter({ from: 'hk', to: 'cn' });
  const tw = loadOpenCC().Converter({ from: 'tw', to: 'cn' });
  let out = '';
  for (const c of keyCharacters(['hk2s', 'tw2s'])) {
    if (hk(c) !== c || (tw(c) !== c && !SIMPLIFIED_TOO.has(c))) out += c;
  }
  return out;
}

// Nothing below the CJK radicals block can be Traditional; skip building the tables then.
const MAY_BE_TRADITIONAL = /[\u2E80-\uFFFF\u{20000}-\u{3FFFF}]/u;

/** Traditional Chinese → Simplified, with an exact map back to the input. */
export function toSimplified(text: string): Normalized {
  if (!MAY_BE_TRADITIONAL.test(text)) return unchanged(text);
  const { convert, traditional } = getTables();
  let out: MapWriter | undefined;
  let copied = 0;
  let next = 0;
  // Each line holding a Traditional character is converted on its own (see getTables); the
  // search for the next one goes on after it, so the text is read once.
  for (let hit = traditional.indexIn(text); hit >= 0; hit = traditional.indexIn(text, next)) {
    const start = lineStart(text, hit);
    next = lineEnd(text, hit);
    const line = text.slice(start, next);
    const converted = convertScript(line, convert);
    if (converted.text === line) continue;
    out ??= new MapWriter(text.length);
    out.copy(text.slice(copied, start), copied);
    appendShifted(out, converted, start);
    copied = next;
  }
  if (!out) return unchanged(text);
  out.copy(text.slice(copied), copied);
  return out.finish();
}

/** Where the line holding `i` starts: after the previous CR or LF. */
function lineStart(text: string, i: number): number {
  let s = i;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return s;
}

/** Where the line holding `i` ends, its line break (CRLF, CR or LF) included. */
function lineEnd(text: string, i: number): number {
  let e = i;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  if (text[e] === '\r' && text[e + 1] === '\n') return e + 2;
  return e < text.length ? e + 1 : e;
}

/** Appends a piece converted on its own, whose map starts at `offset` in the whole text. */
function appendShifted(out: MapWriter, piece: Normalized, offset: number): void {
  const { start, end } = piece.map;
  for (let i = 0; i < piece.text.length; i++) out.emit(piece.text[i]!, offset + start[i]!, offset + end[i]!);
}

function codePoints(text: string): string[] {
  return Array.from(text);
}

/** Appends `to` with each of its code points mapped to the matching code point of `from`. */
function emitPairwise(out: MapWriter, from: string[], to: string[], start: number): void {
  let at = start;
  for (let k = 0; k < from.length; k++) {
    const src = from[k]!;
    const dst = to[k]!;
    if (src === dst) out.copy(src, at);
    else out.emit(dst, at, at + src.length);
    at += src.length;
  }
}

// Runs that a conversion phrase cannot span: CJK characters vs everything else.
const RUNS = /[\u2E80-\uFFFF\u{20000}-\u{3FFFF}]+|[^\u2E80-\uFFFF\u{20000}-\u{3FFFF}]+/gu;

/**
 * Converts `text` with `convert` and maps every output code point to the input code point it
 * replaced. Converting the whole text keeps opencc's phrase context (乾隆 stays, 乾淨 → 干净).
 * Some characters turn into astral ones (噁 → 𫫇, 嗰 → 𠮶), so UTF-16 lengths are not
 * comparable: we pair code points, which is exact as long as no dictionary entry changes the
 * number of characters. None of opencc-js's TW/HK→CN entries does (a test checks this), but
 * if one ever did, pairing would drift from there on. Then we convert run by run (phrases
 * never span non-CJK characters) and, inside a run that still changes length, code point by
 * code point: each output character maps to the character it came from, at the cost of phrase
 * context in that run only.
 */
export function convertScript(text: string, convert: Convert): Normalized {
  const converted = convert(text);
  if (converted === text) return unchanged(text);
  const out = new MapWriter(text.length);
  const from = codePoints(text);
  const to = codePoints(converted);
  if (from.length === to.length) {
    emitPairwise(out, from, to, 0);
    return out.finish();
  }
  for (const m of matchesOf(text, RUNS)) {
    const run = m[0];
    const runFrom = codePoints(run);
    const runTo = codePoints(convert(run));
    if (runFrom.length === runTo.length) {
      emitPairwise(out, runFrom, runTo, m.index);
      continue;
    }
    let at = m.index;
    for (const ch of runFrom) {
      out.emit(convert(ch), at, at + ch.length);
      at += ch.length;
    }
  }
  return out.finish();
}
