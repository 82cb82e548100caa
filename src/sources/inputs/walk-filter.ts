import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { describeFsError } from '../messages.js';

/** The ignore file read from the root of a walked directory (gitignore syntax). */
export const IGNORE_FILE = '.adscanignore';

type Matcher = (path: string) => boolean;

/**
 * One matcher for a list of globs. A glob without a slash matches a name at any depth
 * (`*.min.html`, `drafts`), as in .gitignore; one with a slash matches the relative path.
 */
function globMatcher(globs: readonly string[]): Matcher | null {
  if (globs.length === 0) return null;
  const matchers = globs.map((glob) => {
    const pattern = glob.replace(/^\.\//, '');
    return picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
  });
  return (path) => matchers.some((m) => m(path));
}

/** The path and each directory above it: "a/b/c.txt" → "a", "a/b", "a/b/c.txt". */
function selfAndParents(rel: string): string[] {
  const parts = rel.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

export interface WalkFilter {
  /** Whether a path found by the walk (relative to the walked directory, '/'-separated) is read. */
  keeps(rel: string): boolean;
}

export interface LoadedFilter {
  filter: WalkFilter | null;
  /** Why the ignore file could not be used (the walk goes on without it). */
  ignoreFileError?: { path: string; error: string };
}

/**
 * The filter for one walked directory: `--include` (a file, or a directory above it, must
 * match one, when any are given), `--exclude` and the root's .adscanignore (either leaves it out).
 */
export async function loadWalkFilter(root: string, include: readonly string[], exclude: readonly string[]): Promise<LoadedFilter> {
  const included = globMatcher(include);
  const excluded = globMatcher(exclude);
  let ignored: Ignore | null = null;
  let ignoreFileError: LoadedFilter['ignoreFileError'];
  const ignorePath = join(root, IGNORE_FILE);
  try {
    ignored = ignore().add(await readFile(ignorePath, 'utf8'));
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ENOENT') ignoreFileError = { path: ignorePath, error: describeFsError(err) };
  }
  if (!included && !excluded && !ignored) return ignoreFileError ? { filter: null, ignoreFileError } : { filter: null };

  const filter: WalkFilter = {
    keeps(rel) {
      if (rel === '') return true;
      if (ignored?.ignores(rel)) return false;
      const paths = selfAndParents(rel);
      if (excluded && paths.some(excluded)) return false;
      if (included && !paths.some(included)) return false;
      return true;
    },
  };
  return ignoreFileError ? { filter, ignoreFileError } : { filter };
}
