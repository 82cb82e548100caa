import type { CompiledMask } from '../rules/compile.js';
import type { Span } from '../core/sentences.js';

/** U+FFFC OBJECT REPLACEMENT CHARACTER: no rule term or pattern contains it. */
export const MASK_CHAR = '\uFFFC';

/**
 * Replaces statutory disclaimers and numbers with same-length placeholders, so content
 * rules never fire on them (…不能代替药物治疗疾病 is not a treatment claim; 国药准字 is not a
 * drug named in a medical ad) while every offset stays valid.
 */
export function maskText(text: string, masks: CompiledMask[], extra: Span[]): { text: string; masked: Span[] } {
  const spans: Span[] = [...extra];
  for (const m of masks) {
    m.re.lastIndex = 0;
    for (const hit of text.matchAll(m.re)) {
      if (hit[0].length) spans.push({ start: hit.index, end: hit.index + hit[0].length });
    }
  }
  if (spans.length === 0) return { text, masked: [] };
  const chars = text.split('');
  for (const s of spans) for (let i = s.start; i < s.end; i++) if (chars[i] !== '\n') chars[i] = MASK_CHAR;
  return { text: chars.join(''), masked: spans };
}
