/**
 * Turns what undici or the socket layer threw into one line that names the cause
 * (ECONNREFUSED, ENOTFOUND, a TLS error …). Connection attempts to several addresses fail
 * with an AggregateError whose own message is empty, so look inside it.
 */
export function describeNetworkError(err: unknown): string {
  const parts: string[] = [];
  collect(err, parts, 0);
  const unique = [...new Set(parts.filter((p) => p.length > 0))];
  return unique.length > 0 ? unique.join('; ') : 'network error';
}

function collect(err: unknown, out: string[], depth: number): void {
  if (depth > 3 || err === null || err === undefined) return;
  if (err instanceof AggregateError && err.errors.length > 0) {
    for (const inner of err.errors) collect(inner, out, depth + 1);
    return;
  }
  if (!(err instanceof Error)) {
    out.push(String(err));
    return;
  }
  const code = (err as { code?: unknown }).code;
  const message = err.message.trim();
  if (message === '' || message === 'fetch failed') {
    collect((err as { cause?: unknown }).cause, out, depth + 1);
    if (typeof code === 'string') out.push(code);
    return;
  }
  // Node's socket messages already carry the code ("connect ECONNREFUSED 127.0.0.1:80").
  out.push(typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message);
}
