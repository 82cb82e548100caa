import type { Span } from '../core/sentences.js';

/** U+FFFC OBJECT REPLACEMENT CHARACTER: no rule term or pattern contains it. */
export const MASK_CHAR = '\uFFFC';

/**
 * Replaces statutory statements and numbers (the spans given) with same-length placeholders,
 * so content rules never fire on them (…不能代替药物治疗疾病 is not a treatment claim; 国药准字
 * is not a drug named in a medical ad) while every offset stays valid.
 */
export function maskText(text: string, given: readonly Span[]): string {
  if (given.length === 0) return text;
  // Merge the spans, then rebuild from slices: no per-character arrays on long pages.
  const spans = [...given].sort(byStart);
  let out = '';
  let at = 0;
  for (const s of spans) {
    const start = Math.max(s.start, at);
    if (s.end <= start) continue;
    out += text.slice(at, start) + masked(text, start, s.end);
    at = s.end;
  }
  return out + text.slice(at);
}

const byStart = (a: Span, b: Span): number => a.start - b.start;

/** text[start, end) with every unit but line breaks replaced by MASK_CHAR (same length). */
function masked(text: string, start: number, end: number): string {
  let out = '';
  let run = 0;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      out += MASK_CHAR.repeat(run) + '\n';
      run = 0;
    } else run++;
  }
  return out + MASK_CHAR.repeat(run);
}
