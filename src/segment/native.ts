import { createRequire } from 'node:module';
import type { DictionaryFiles } from './dict-files.js';
import type { TaggedWord } from './align-tokens.js';
import type { DictKind } from './types.js';

/** The part of nodejieba we use (its bundled typings lack the DEFAULT_* paths). */
export interface NodeJieba {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_USER_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
  load(files: DictionaryFiles): boolean;
  tag(sentence: string): TaggedWord[];
  insertWord(word: string, tag?: string): boolean;
}

let binding: NodeJieba | undefined;

/**
 * nodejieba's JavaScript wrapper, required on first use. It is CommonJS and cheap to require;
 * the native binding and the dictionaries load only in `loadDictionary`.
 */
export function nodejieba(): NodeJieba {
  binding ??= createRequire(import.meta.url)('nodejieba') as NodeJieba;
  return binding;
}

/*
 * The native side holds one segmenter per process: loading a dictionary replaces the previous
 * one, user words included. We remember which kind is loaded and every user word, so a
 * segmenter can reload its dictionary (and the words) if another kind replaced it.
 */
let active: DictKind | undefined;
const userWords = new Set<string>();

export function activeKind(): DictKind | undefined {
  return active;
}

/** Loads `files` as the process's dictionary; returns how long it took, in ms. */
export function loadDictionary(kind: DictKind, files: DictionaryFiles): number {
  const jieba = nodejieba();
  const started = performance.now();
  jieba.load(files);
  active = kind;
  for (const word of userWords) insert(jieba, word);
  return performance.now() - started;
}

// What cppjieba splits sentences on before segmenting; a word containing one can never be a token.
const UNSPLITTABLE = /[\s，。]/u;

/**
 * Inserts a word unless the dictionary already has it: re-inserting a known word would replace
 * its tag (说/v would become x) and its frequency (with the median one).
 */
function insert(jieba: NodeJieba, word: string): void {
  const known = jieba.tag(word);
  if (known.length === 1 && known[0]!.word === word && known[0]!.tag !== 'x') return;
  jieba.insertWord(word, 'x');
}

/** Adds user words for every segmenter; inserted now if a dictionary is loaded, else on load. */
export function addUserWords(words: Iterable<string>): void {
  const jieba = active ? nodejieba() : undefined;
  for (const raw of words) {
    const word = raw.trim();
    if (Array.from(word).length < 2 || UNSPLITTABLE.test(word) || userWords.has(word)) continue;
    userWords.add(word);
    if (jieba) insert(jieba, word);
  }
}

export function tagWords(text: string): TaggedWord[] {
  return nodejieba().tag(text);
}
