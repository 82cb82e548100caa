// Document URIs as triage files see them: paths relative to the file that mentions them
// (config, suppression file, baseline), with '/' separators; URLs and stdin as they are.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export const STDIN_URI = '<stdin>';

export function isUrl(uri: string): boolean {
  return /^https?:\/\//i.test(uri);
}

/**
 * The URI of a document relative to `base` (a directory): a file path is resolved against
 * `cwd` and made relative to `base` ('/' separators); a URL loses its #fragment; stdin stays
 * `<stdin>`. A moved or renamed file therefore is a different document.
 */
export function relativeUri(uri: string, base: string, cwd: string): string {
  if (uri === STDIN_URI) return uri;
  if (isUrl(uri)) {
    try {
      const u = new URL(uri);
      u.hash = '';
      return u.href;
    } catch {
      return uri;
    }
  }
  const abs = isAbsolute(uri) ? uri : resolve(cwd, uri);
  const rel = relative(base, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** A path relative to `base`, when `path` is one given relative to the file in `base`. */
export function resolveFrom(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

export type PathMatcher = (relPath: string) => boolean;

/**
 * A matcher for glob patterns (picomatch) over paths relative to the file that lists them.
 * A pattern ending in '/' means everything under that directory; a pattern without '/'
 * matches the file name in any directory (`*.html`, `drafts`). Dotfiles match.
 */
export function globMatcher(patterns: readonly string[]): PathMatcher {
  if (patterns.length === 0) return () => false;
  const expanded = patterns.flatMap((p) => {
    const q = p.startsWith('./') ? p.slice(2) : p;
    if (q.endsWith('/')) return [`${q}**`];
    // `drafts` means the file or directory named drafts, anywhere.
    if (!q.includes('/')) return [q, `**/${q}/**`];
    return [q, `${q}/**`];
  });
  // basename: a pattern without '/' is matched against the file name (picomatch applies
  // that to every pattern of a matcher, so the two kinds get a matcher each).
  const withSlash = expanded.filter((p) => p.includes('/'));
  const bare = expanded.filter((p) => !p.includes('/'));
  const full = withSlash.length ? picomatch(withSlash, { dot: true }) : () => false;
  const name = bare.length ? picomatch(bare, { dot: true, basename: true }) : () => false;
  return (relPath: string) => full(relPath) || name(relPath);
}

/** Whether a document (by URI) matches patterns given relative to `base`. URLs and stdin never do. */
export function uriMatches(matcher: PathMatcher, uri: string, base: string, cwd: string): boolean {
  if (uri === STDIN_URI || isUrl(uri)) return false;
  return matcher(relativeUri(uri, base, cwd));
}
