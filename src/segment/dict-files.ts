import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPACT_VERSION, IDF_TEXT, STOP_WORDS_TEXT, compactDictionary, userDictionary } from './compact-dict.js';
import { nodejieba } from './native.js';
import type { DictKind } from './types.js';

/** The five files nodejieba.load() takes. */
export interface DictionaryFiles {
  dict: string;
  hmmDict: string;
  userDict: string;
  idfDict: string;
  stopWordDict: string;
}

export const COMPACT_FILES = {
  dict: 'compact.dict.utf8',
  userDict: 'compact.user.utf8',
  idfDict: 'compact.idf.utf8',
  stopWordDict: 'compact.stop.utf8',
  version: 'compact.version',
} as const;

// src/segment/ and dist/segment/ both sit two levels below the package root.
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where `npm run build` (scripts/build-assets.mjs) puts the compact dictionary. */
export const BUILT_DICT_DIR = join(PACKAGE_ROOT, 'dist', 'dict');
/** Where we build it on demand when there is no build (tests, running from src). */
export const CACHE_DICT_DIR = join(PACKAGE_ROOT, '.adscan-cache', 'dict');

function filesIn(dir: string): DictionaryFiles {
  return {
    dict: join(dir, COMPACT_FILES.dict),
    hmmDict: nodejieba().DEFAULT_HMM_DICT,
    userDict: join(dir, COMPACT_FILES.userDict),
    idfDict: join(dir, COMPACT_FILES.idfDict),
    stopWordDict: join(dir, COMPACT_FILES.stopWordDict),
  };
}

/** What a directory built from `sourceDict` by this code is stamped with. */
function stampFor(sourceDict: string): string {
  // The source's size stands in for its version: it changes with every nodejieba dictionary update.
  return `${COMPACT_VERSION} ${statSync(sourceDict).size}`;
}

function isCurrent(dir: string): boolean {
  const files = filesIn(dir);
  const stamp = join(dir, COMPACT_FILES.version);
  if (![files.dict, files.userDict, files.idfDict, files.stopWordDict, stamp].every((f) => existsSync(f))) return false;
  return readFileSync(stamp, 'utf8').trim() === stampFor(nodejieba().DEFAULT_DICT);
}

/** Writes a file so that a concurrent reader sees either nothing or the whole of it. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Writes the compact dictionary and its companions into `dir` from nodejieba's own
 * dictionary (never copied into this repository). Returns the number of words kept.
 */
export function writeCompactDictionary(dir: string, sourceDict = nodejieba().DEFAULT_DICT): { words: number; dir: string } {
  mkdirSync(dir, { recursive: true });
  const { text, words } = compactDictionary(readFileSync(sourceDict, 'utf8'));
  writeAtomically(join(dir, COMPACT_FILES.dict), text);
  writeAtomically(join(dir, COMPACT_FILES.userDict), userDictionary());
  writeAtomically(join(dir, COMPACT_FILES.idfDict), IDF_TEXT);
  writeAtomically(join(dir, COMPACT_FILES.stopWordDict), STOP_WORDS_TEXT);
  // The stamp goes last: its presence means the other files are complete.
  writeAtomically(join(dir, COMPACT_FILES.version), `${stampFor(sourceDict)}\n`);
  return { words, dir };
}

/**
 * The dictionary files for `kind`. The compact dictionary comes from the build (dist/dict);
 * when that is missing or out of date — running from src/, in tests, before the first build —
 * it is built once into .adscan-cache/dict (or the system temp directory if the package
 * directory is read-only) and reused from there by later processes.
 */
export function dictionaryFiles(kind: DictKind): DictionaryFiles {
  const jieba = nodejieba();
  if (kind === 'full') {
    return {
      dict: jieba.DEFAULT_DICT,
      hmmDict: jieba.DEFAULT_HMM_DICT,
      userDict: jieba.DEFAULT_USER_DICT,
      idfDict: jieba.DEFAULT_IDF_DICT,
      stopWordDict: jieba.DEFAULT_STOP_WORD_DICT,
    };
  }
  for (const dir of [BUILT_DICT_DIR, CACHE_DICT_DIR]) if (isCurrent(dir)) return filesIn(dir);
  const fallback = join(tmpdir(), `adscan-${COMPACT_VERSION}`);
  if (isCurrent(fallback)) return filesIn(fallback);
  try {
    writeCompactDictionary(CACHE_DICT_DIR);
    return filesIn(CACHE_DICT_DIR);
  } catch {
    writeCompactDictionary(fallback);
    return filesIn(fallback);
  }
}
