// Recognises inputs that are not text at all, so they fail loudly instead of being scanned
// as mojibake.

const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip data', bytes: [0x1f, 0x8b] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

const SAMPLE = 64 * 1024;
/** Text legitimately holds a few stray control characters; binary data holds many. */
const CONTROL_SHARE_LIMIT = 0.1;

/** Controls other than tab, LF, FF, CR and ESC (ESC appears in ISO-2022 text). */
function isSuspiciousControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d && code !== 0x1b) || code === 0x7f;
}

/** Why raw bytes look binary, or null. Not for UTF-16, whose ASCII has NUL high bytes. */
export function binaryReasonForBytes(bytes: Uint8Array): string | null {
  for (const sig of SIGNATURES) if (startsWith(bytes, sig.bytes)) return `binary content (${sig.name})`;
  const n = Math.min(bytes.length, SAMPLE);
  const controls = controlBytes(bytes, n);
  if (controls < 0) return 'binary content (NUL bytes)';
  return controlShareReason(controls, n);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * Suspicious control bytes among the first `n`, or -1 at a NUL. A function of its own: V8
 * compiles this loop while it runs (on-stack replacement), and code compiled that way gave
 * up at the steps after the loop, which it had never reached, on every later call.
 */
function controlBytes(bytes: Uint8Array, n: number): number {
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return -1;
    if (isSuspiciousControl(b)) controls++;
  }
  return controls;
}

/** What the text test counts (and NUL): a page without any needs no count (the usual case). */
const SUSPICIOUS_CHAR = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]/;

/** The same test on decoded text (used after UTF-16 decoding), counting C1 controls too. */
export function binaryReasonForText(text: string): string | null {
  const n = Math.min(text.length, SAMPLE);
  if (!SUSPICIOUS_CHAR.test(n < text.length ? text.slice(0, n) : text)) return null;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'binary content (NUL characters)';
    if (isSuspiciousControl(c) || (c >= 0x80 && c <= 0x9f)) controls++;
  }
  return controlShareReason(controls, n);
}

function controlShareReason(controls: number, n: number): string | null {
  if (n === 0 || controls / n <= CONTROL_SHARE_LIMIT) return null;
  return `binary content (${Math.round((controls / n) * 100)}% control characters)`;
}
