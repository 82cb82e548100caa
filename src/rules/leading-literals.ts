/**
 * The literals one of which every match of a regex starts with, when its source says so
 * plainly: it opens with a literal (`根治(?![术性])`) or with a group of literal alternatives
 * (`(?:患者|病友|顾客)\s*…`) that is not optional. Null when the source opens any other way
 * (a class, a lookbehind, an optional group, an escape).
 *
 * A rule regex whose every match starts with one of its anchors need not be run from every
 * position of a sentence: the automaton already found where the anchors are, and a sticky
 * copy of the regex is tried there only (see engine/evaluate-matcher.ts).
 */
export function leadingLiterals(source: string): string[] | null {
  // `a…|b…` at the top level: a match may start with either branch.
  if (hasTopLevelAlternation(source)) return null;
  if (source.startsWith('(?:')) {
    const close = groupEnd(source, 0);
    if (close < 0 || isQuantifier(source[close + 1])) return null;
    const body = source.slice(3, close);
    const alternatives = body.split('|');
    if (alternatives.some((a) => a === '' || !isPlainLiteral(a))) return null;
    return alternatives;
  }
  let n = 0;
  while (n < source.length && !META.has(source[n]!)) n++;
  // A quantifier after the literal applies to its last character only (医广字? needs 医广).
  if (isQuantifier(source[n])) n--;
  if (n <= 0) return null;
  // Surrogate pairs stay whole.
  const prefix = source.slice(0, n);
  const literal = /[\ud800-\udbff]$/u.test(prefix) ? prefix.slice(0, -1) : prefix;
  return literal === '' ? null : [literal];
}

const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

const isQuantifier = (c: string | undefined): boolean => c === '?' || c === '*' || c === '+' || c === '{';

function isPlainLiteral(s: string): boolean {
  for (const c of s) if (META.has(c)) return false;
  return true;
}

/** Whether `|` occurs outside every group and class. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Index of the `)` closing the group opened at `open`, or -1 (escapes and classes skipped). */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
