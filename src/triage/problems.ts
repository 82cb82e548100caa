import { formatProblem, type Path, type RuleProblem, type YamlSource } from '../rules/yaml-source.js';

export type { RuleProblem as FileProblem } from '../rules/yaml-source.js';

const MAX_SHOWN = 20;

/** A configuration, suppression or baseline file that cannot be used: every problem with file:line:column. */
export class TriageFileError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    const shown = problems.slice(0, MAX_SHOWN).map(formatProblem);
    if (problems.length > MAX_SHOWN) shown.push(`… and ${problems.length - MAX_SHOWN} more problems`);
    super(shown.join('\n'));
    this.name = 'TriageFileError';
  }
}

/** Collects problems located in a YAML source. */
export class ProblemList {
  readonly list: RuleProblem[] = [];
  constructor(private readonly source: YamlSource) {}

  /** A problem at the value at `path`. */
  at(path: Path, message: string): void {
    this.list.push(this.source.problem(path, message));
  }

  /** A problem at the key of `path` (an unknown or misspelt key). */
  atKey(path: Path, message: string): void {
    this.list.push(this.source.problem(path, message, true));
  }
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "did you mean" for a misspelt key. */
export function suggest(word: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** Checks that an object has only `known` keys; returns it (or null if it is not an object). */
export function checkKeys(problems: ProblemList, value: unknown, path: Path, known: readonly string[], what: string): Record<string, unknown> | null {
  if (!isPlainObject(value)) {
    problems.at(path, `${what} must be a mapping`);
    return null;
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.atKey([...path, key], `unknown key "${key}" in ${what}${suggest(key, known)}; known: ${known.join(', ')}`);
  }
  return value;
}
