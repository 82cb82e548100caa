/**
 * Guards against rule regexes with catastrophic backtracking.
 *
 * Two layers: a structural check run on every load (a quantified group that itself
 * contains an unbounded quantifier, e.g. `(a+)+` or `([\u4e00-\u9fff]+)*x`, is refused),
 * and an empirical probe run by `rules validate`/`rules test` that times the regex on
 * adversarial inputs. Existing ReDoS checkers were tried and rejected: safe-regex2 cannot
 * parse lookbehind, redos-detector flags every unbounded `\s*` as unsafe.
 */

/** Returns a problem description, or null when the regex is structurally safe. */
export function nestedQuantifierProblem(source: string): string | null {
  // Each open group records whether anything inside it can repeat without bound.
  const stack: { unbounded: boolean }[] = [];
  let lastGroupUnbounded = false;
  let lastWasGroup = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      lastWasGroup = false;
      continue;
    }
    if (c === '[') {
      // Skip the character class, honouring escapes.
      i++;
      while (i < source.length && source[i] !== ']') {
        if (source[i] === '\\') i++;
        i++;
      }
      lastWasGroup = false;
      continue;
    }
    if (c === '(') {
      stack.push({ unbounded: false });
      lastWasGroup = false;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      lastGroupUnbounded = group?.unbounded ?? false;
      lastWasGroup = true;
      continue;
    }
    const quant = readQuantifier(source, i);
    if (quant) {
      if (lastWasGroup && lastGroupUnbounded && quant.max > 1) {
        return `nested quantifier at character ${i + 1}: a repeated group contains an unbounded repetition (catastrophic backtracking risk)`;
      }
      if (quant.max === Infinity || (lastWasGroup && lastGroupUnbounded)) {
        for (const g of stack) g.unbounded = true;
      }
      i += quant.length - 1;
      lastWasGroup = false;
      continue;
    }
    lastWasGroup = false;
  }
  return null;
}

function readQuantifier(s: string, i: number): { max: number; length: number } | null {
  const c = s[i];
  const lazy = (n: number) => (s[i + n] === '?' ? n + 1 : n);
  if (c === '*' || c === '+') return { max: Infinity, length: lazy(1) };
  if (c === '?') return { max: 1, length: lazy(1) };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i));
    if (!m) return null;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    return { max, length: lazy(m[0].length) };
  }
  return null;
}

/**
 * Times the regex on inputs built to provoke backtracking. Returns a problem when any
 * probe takes longer than `budgetMs`.
 */
export function probeRegexSpeed(re: RegExp, budgetMs = 50): string | null {
  const literalChars = [...new Set(re.source.replace(/\\.|[[\](){}?*+|^$.,:!=<>-]/g, ''))].join('') || '治';
  const unit = literalChars.slice(0, 8);
  // Long runs catch polynomial blow-ups; short runs ending in a character nothing expects
  // catch exponential ones (kept short so a bad regex costs a fraction of a second, not hours).
  const bases = ['治', '1', ' ', 'a', unit];
  const probes = [
    ...bases.map((b) => b.repeat(Math.ceil(4000 / b.length))),
    (unit + ' 1').repeat(1500),
    ...bases.map((b) => b.repeat(Math.ceil(24 / b.length)) + '\u0000'),
  ];
  for (const p of probes) {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    const t0 = performance.now();
    for (const _ of p.matchAll(global)) {
      if (performance.now() - t0 > budgetMs) break;
    }
    const ms = performance.now() - t0;
    if (ms > budgetMs) return `regex took ${ms.toFixed(0)} ms on a ${p.length}-character probe (catastrophic backtracking risk)`;
  }
  return null;
}
