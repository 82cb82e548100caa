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
  const { topLevelBar, firstGroupEnd: close } = outline(source);
  // `a…|b…` at the top level: a match may start with either branch.
  if (topLevelBar) return null;
  if (source.startsWith('(?:')) {
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

/**
 * One pass over a regex source, escapes and classes skipped: whether `|` occurs outside
 * every group, and where the group opened at index 0 closes (-1 if none opens there).
 */
function outline(source: string): { topLevelBar: boolean; firstGroupEnd: number } {
  let depth = 0;
  let inClass = false;
  let topLevelBar = false;
  let firstGroupEnd = -1;
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
    else if (c === ')' && --depth === 0 && firstGroupEnd < 0 && source[0] === '(') firstGroupEnd = i;
    else if (c === '|' && depth === 0) topLevelBar = true;
  }
  return { topLevelBar, firstGroupEnd };
}
