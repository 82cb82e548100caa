import { OffsetMap } from '../core/offset-map.js';
import type { AdType } from '../core/types.js';
import type { CompiledRule } from '../rules/compile.js';
import type { Example } from '../rules/schema.js';
import { scanText } from './document-pipeline.js';
import type { LoadedScanner } from './load-scanner.js';

export interface ExampleFailure {
  ruleId: string;
  file: string;
  kind: 'bad' | 'good';
  index: number;
  text: string;
  problem: string;
}

export interface ExampleReport {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
}

/** The ad type an example is tested as: its own, else the rule's first concrete one. */
function exampleAdType(rule: CompiledRule, ex: Example): AdType {
  if (ex.adType) return ex.adType;
  const first = rule.spec.adTypes.find((t) => t !== 'all');
  return (first as AdType | undefined) ?? 'medical';
}

/**
 * Runs every rule's examples through the whole pipeline with the whole rule set: each bad
 * example must produce a finding of that rule, each good one must not. Examples are
 * scanned as ads of the rule's type unless they ask for automatic context detection.
 */
export function testRuleExamples(loaded: LoadedScanner, only?: (rule: CompiledRule) => boolean): ExampleReport {
  const report: ExampleReport = { rules: 0, examples: 0, failures: [] };
  const files = new Map(loaded.data.packs.map((p) => [p.pack, p.file]));
  for (const rule of loaded.scanner.rules.rules) {
    if (only && !only(rule)) continue;
    report.rules++;
    for (const kind of ['bad', 'good'] as const) {
      rule.spec.examples[kind].forEach((raw, index) => {
        report.examples++;
        const ex: Example = typeof raw === 'string' ? { text: raw } : raw;
        const result = scanText(ex.text, [{ name: 'body', text: ex.text, map: OffsetMap.identity(ex.text.length) }], loaded.scanner, {
          tokenize: loaded.tokenize,
          adTypes: [exampleAdType(rule, ex)],
          context: ex.context === 'auto' ? undefined : 'ad',
          today: ex.asOf ? new Date(`${ex.asOf}T00:00:00Z`) : undefined,
          asOfKnown: ex.asOf !== undefined,
        });
        const own = result.findings.filter((f) => f.ruleId === rule.id);
        const fail = (problem: string) =>
          report.failures.push({ ruleId: rule.id, file: files.get(rule.pack) ?? '', kind, index, text: ex.text, problem });
        if (kind === 'bad' && own.length === 0) {
          const hidden = result.suppressed.find((f) => f.ruleId === rule.id);
          fail(hidden ? `no finding (suppressed: ${hidden.suppressedBy})` : 'no finding');
        }
        if (kind === 'good' && own.length > 0) fail(`unexpected finding “${own[0]!.match}”: ${own[0]!.message}`);
      });
    }
  }
  return report;
}
