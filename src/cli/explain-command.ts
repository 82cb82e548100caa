import { Chalk } from 'chalk';
import { CATEGORIES } from '../core/categories.js';
import type { CompiledRule } from '../rules/compile.js';
import type { Example } from '../rules/schema.js';
import { CliError, EXIT_OK } from './exit-codes.js';
import { wantsColor, type CliIo } from './io.js';
import { loadScanner } from './load-scanner.js';

export interface ExplainFlags {
  rules?: string[];
  builtinRules: boolean;
  color?: boolean;
}

const text = (e: Example | string) => (typeof e === 'string' ? e : e.text);

/**
 * `adscan explain <rule-id|category>`: what a rule (or every rule of a category) catches, its
 * legal basis, how to fix the copy, and its own examples of violating and compliant text.
 */
export async function runExplain(subject: string, flags: ExplainFlags, io: CliIo): Promise<number> {
  const { scanner } = await loadScanner({ rules: flags.rules, builtinRules: flags.builtinRules });
  const all = scanner.rules.rules;
  const category = CATEGORIES.find((c) => c.id === subject || c.code === subject.toUpperCase());
  const rules = category
    ? all.filter((r) => r.category === category.id)
    : all.filter((r) => r.id === subject || r.spec.id === subject);
  if (!category && rules.length === 0) {
    throw new CliError(`explain: no rule or category "${subject}" (see \`adscan rules list\`)`);
  }
  const c = new Chalk({ level: wantsColor(io.stdout, io.env, flags.color) ? 1 : 0 });
  const out: string[] = [];
  if (category) {
    out.push(`${c.bold(category.id)} (${category.code}) — ${category.title}`);
    if (rules.length === 0) out.push('  no rule of the loaded packs covers this category');
    out.push('');
  }
  for (const r of rules) out.push(...describe(r, c), '');
  io.stdout.write(out.join('\n'));
  return EXIT_OK;
}

function describe(r: CompiledRule, c: InstanceType<typeof Chalk>): string[] {
  const s = r.spec;
  const lines = [
    `${c.bold(r.id)}  ${s.severity}  ${r.category}`,
    `  applies to: ${s.adTypes.join(', ')}${s.contexts ? `  · contexts: ${s.contexts.join(', ')}` : ''}`,
    `  reports:    ${s.message}`,
    `  legal basis: ${s.law.join('；')}`,
    `  how to fix: ${s.suggestion}`,
  ];
  if (s.check) lines.push(`  check:      ${s.check.name}${'numbers' in s.check ? ` (${s.check.numbers.join(', ')})` : ''}${'statements' in s.check ? ` (${s.check.statements.join(', ')})` : ''}`);
  lines.push(`  ${c.red('violates')}:`, ...s.examples.bad.map((e) => `    ✖ ${text(e)}`));
  lines.push(`  ${c.green('compliant')}:`, ...s.examples.good.map((e) => `    ✔ ${text(e)}`));
  return lines;
}
