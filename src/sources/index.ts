import { realpath, stat } from 'node:fs/promises';
import type { SourceDocument, SourceFailure } from '../core/types.js';
import { fetchUrl, isHttpUrl } from './fetch-url.js';
import { readFileDocument } from './files.js';
import { describeFsError } from './messages.js';
import { DEFAULT_SOURCE_OPTIONS, type SourceOptions } from './options.js';
import { readStdinDocument } from './stdin.js';
import { walkDirectory } from './walk.js';

export { DEFAULT_SOURCE_OPTIONS, type SourceOptions } from './options.js';

type SourceItem = SourceDocument | SourceFailure;

export function isFailure(x: SourceItem): x is SourceFailure {
  return (x as SourceFailure).error !== undefined;
}

/**
 * Yields one document (or failure) per input file, in input order: file paths, directories
 * (walked recursively in sorted order), `-` for stdin and http(s) URLs. A bad input becomes
 * a SourceFailure and the generator moves on. A file reached twice (two arguments, or a
 * symlink inside a walked directory) is read once.
 */
export async function* readInputs(
  inputs: string[],
  opts: Partial<SourceOptions> = {},
  io: { stdin?: NodeJS.ReadableStream } = {},
): AsyncGenerator<SourceItem> {
  const options = resolveOptions(opts);
  const seen = new Set<string>();
  for (const input of inputs) {
    try {
      if (input === '-') {
        yield await readStdinDocument(io.stdin ?? process.stdin, options.maxBytes);
      } else if (isHttpUrl(input)) {
        yield await fetchUrl(input, options);
      } else {
        yield* readPath(input, options, seen);
      }
    } catch (err) {
      // Defensive: the readers report their own failures, but nothing may escape for one input.
      yield { uri: input, error: err instanceof Error ? err.message : String(err) };
    }
  }
}

/** Defaults for anything unset; an explicit `undefined` (an absent CLI flag) counts as unset. */
function resolveOptions(opts: Partial<SourceOptions>): SourceOptions {
  const options: SourceOptions = { ...DEFAULT_SOURCE_OPTIONS };
  for (const key of Object.keys(opts) as (keyof SourceOptions)[]) {
    if (opts[key] !== undefined) Object.assign(options, { [key]: opts[key] });
  }
  // "html" and ".html" both mean the extension .html (and must not match "xhtml").
  options.extensions = options.extensions.map((ext) => (ext.startsWith('.') ? ext : `.${ext}`));
  return options;
}

async function* readPath(input: string, options: SourceOptions, seen: Set<string>): AsyncGenerator<SourceItem> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(input)).isDirectory();
  } catch (err) {
    yield { uri: input, error: describeFsError(err) };
    return;
  }
  if (!isDirectory) {
    if (await firstVisit(input, seen)) yield await readFileDocument(input, input, options.maxBytes);
    return;
  }

  const base = directoryBase(input);
  let matched = 0;
  let rootUnreadable = false;
  for await (const entry of walkDirectory(input, options.extensions)) {
    const uri = entry.rel === '' ? input : `${base}/${entry.rel}`;
    if (entry.kind === 'error') {
      if (entry.rel === '') rootUnreadable = true;
      yield { uri, error: entry.error };
      continue;
    }
    matched++;
    if (await firstVisit(entry.path, seen)) yield await readFileDocument(entry.path, uri, options.maxBytes);
  }
  if (matched === 0 && !rootUnreadable) {
    yield { uri: input, error: `no matching files (looking for ${options.extensions.join(', ')})` };
  }
}

/** The directory as the user typed it, without trailing separators, with '/' separators. */
function directoryBase(input: string): string {
  const forward = process.platform === 'win32' ? input.replace(/\\/g, '/') : input;
  return forward.replace(/\/+$/, '');
}

async function firstVisit(path: string, seen: Set<string>): Promise<boolean> {
  let key: string;
  try {
    key = await realpath(path);
  } catch {
    key = path; // Let the reader report the problem.
  }
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}
