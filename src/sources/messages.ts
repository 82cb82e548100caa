// Human-readable failure texts, shared by the file, stdin and URL readers.

export function tooLargeMessage(bytes: number, limit: number, atLeast = false): string {
  return `too large (${atLeast ? 'at least ' : ''}${bytes} bytes > ${limit} byte limit)`;
}

const FS_CODES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
};

/** Node's fs messages repeat the syscall and path; the report already shows the uri. */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FS_CODES[code]) return FS_CODES[code];
  return err instanceof Error ? err.message : String(err);
}
