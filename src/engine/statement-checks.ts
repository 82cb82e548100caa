import type { Classification } from '../classify/index.js';
import type { CompiledMask, CompiledRule } from '../rules/compile.js';
import { rawFinding, type RawFinding } from './raw-finding.js';
import { matchesOf } from '../core/match-reader.js';
import { absenceSeverity } from './absence-severity.js';

/** One statutory statement (a mask of rules/masks.yaml) found in a field. */
export interface StatementHit {
  mask: CompiledMask;
  field: number;
  start: number;
  end: number;
  text: string;
}

function includesAny(text: string, literals: readonly string[]): boolean {
  for (const l of literals) if (text.includes(l)) return true;
  return false;
}

export function findStatements(fields: readonly { text: string }[], masks: readonly CompiledMask[]): StatementHit[] {
  const hits: StatementHit[] = [];
  for (let field = 0; field < fields.length; field++) {
    const f = fields[field]!;
    for (const mask of masks) {
      // Statements are long fixed wording: most fields hold none of their openings.
      if (mask.leading && !includesAny(f.text, mask.leading)) continue;
      for (const m of matchesOf(f.text, mask.re)) {
        if (m[0].length) hits.push({ mask, field, start: m.index, end: m.index + m[0].length, text: m[0] });
      }
    }
  }
  return hits;
}

/** Punctuation and spacing do not make wording non-standard; words (或/或者, 替代/代替) do. */
const comparable = (s: string) => s.replace(/[\s,，.。、;；:：!！]/gu, '');

/**
 * `require-statement`: the ad must carry one of the rule's statements (catalogue §4). Absent
 * → the rule's severity, under the same trust conditions as a missing number; present only
 * in drifted wording → info with reason `non-standard-wording`.
 */
export function runStatementCheck(
  rule: CompiledRule,
  statements: readonly string[],
  hits: readonly StatementHit[],
  masks: readonly CompiledMask[],
  cls: Classification,
): RawFinding[] {
  const mine = hits.filter((h) => statements.includes(h.mask.id));
  if (mine.length === 0) {
    const severity = absenceSeverity(rule, cls);
    if (severity === null) return [];
    return [rawFinding(rule, -1, 0, 0, severity, 'absent', `缺少${expected(statements, masks)}`)];
  }
  const standard = mine.find((h) => !h.mask.canonical || comparable(h.text) === comparable(h.mask.canonical));
  if (standard) return [];
  const h = mine[0]!;
  return [rawFinding(rule, h.field, h.start, h.end, 'info', 'non-standard-wording', `“${h.text}”与法定表述“${h.mask.canonical}”不一致`)];
}

/** “请按药品说明书或者在药师指导下购买和使用”, or the mask ids where no canonical wording is given. */
function expected(ids: readonly string[], masks: readonly CompiledMask[]): string {
  return ids.map((id) => `“${masks.find((m) => m.id === id)?.canonical ?? id}”`).join('或');
}
