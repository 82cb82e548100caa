import type { Finding } from '../core/types.js';

/**
 * Where the match sits inside the finding's snippet, as [start, end), or null when it
 * cannot be shown (empty match, or a match the snippet does not contain).
 * Prefers the engine's `snippetMatch`; otherwise the first occurrence of `match`.
 */
export function snippetSpan(finding: Pick<Finding, 'snippet' | 'match' | 'snippetMatch'>): [number, number] | null {
  const { snippet, match, snippetMatch } = finding;
  if (snippetMatch) {
    const [start, end] = snippetMatch;
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= snippet.length) {
      return [start, end];
    }
  }
  if (match.length === 0) return null;
  const at = snippet.indexOf(match);
  return at < 0 ? null : [at, at + match.length];
}
