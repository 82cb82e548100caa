import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from './messages.js';

export type WalkEntry =
  /** `real`: the file's resolved path, known without asking when it is no link itself. */
  | { kind: 'file'; path: string; rel: string; real?: string }
  | { kind: 'error'; rel: string; error: string };

/** Case-insensitive: `.HTML` files written on Windows are still HTML. */
export function hasExtension(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext.toLowerCase()));
}

/** Code-unit order, not locale order, so every machine walks in the same sequence. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Walks `root` depth-first in sorted order, yielding files with a wanted extension (paths
 * relative to root, '/'-separated). Dot-directories and node_modules are skipped. Symlinks
 * are followed, but each real directory is entered once, so link loops end.
 */
export async function* walkDirectory(
  root: string,
  extensions: readonly string[],
): AsyncGenerator<WalkEntry> {
  yield* walkDir(root, '', extensions, new Set<string>());
}

async function* walkDir(
  abs: string,
  rel: string,
  extensions: readonly string[],
  visited: Set<string>,
): AsyncGenerator<WalkEntry> {
  let entries: Dirent[];
  let real: string;
  try {
    real = await realpath(abs);
    if (visited.has(real)) return;
    visited.add(real);
    entries = await readdir(abs, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'error', rel, error: describeFsError(err) };
    return;
  }
  entries.sort(byName);
  for (const entry of entries) {
    const childAbs = join(abs, entry.name);
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    const link = entry.isSymbolicLink();
    if (link) {
      try {
        const target = await stat(childAbs);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (err) {
        // A dangling link is only worth reporting if it looked like an input.
        if (hasExtension(entry.name, extensions)) {
          yield { kind: 'error', rel: childRel, error: describeFsError(err) };
        }
        continue;
      }
    }
    if (isDir) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      yield* walkDir(childAbs, childRel, extensions, visited);
    } else if (isFile && hasExtension(entry.name, extensions)) {
      const file: WalkEntry = { kind: 'file', path: childAbs, rel: childRel };
      // A plain file in a resolved directory resolves to that directory plus its name.
      if (!link) file.real = join(real, entry.name);
      yield file;
    }
  }
}
