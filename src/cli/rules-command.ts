import { Chalk } from 'chalk';
import { compileClassifier } from '../classify/index.js';
import { compileRuleSet, type CompiledMatcher } from '../rules/compile.js';
import { loadRuleFiles } from '../rules/load.js';
import { probeRegexSpeed } from '../rules/regex-safety.js';
import { wildcardRegexes } from '../rules/wildcard.js';
import { RuleLoadError } from '../rules/yaml-source.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { wantsColor, type CliIo } from './io.js';
import { loadScanner } from './load-scanner.js';
import { collectRuleFiles, readRuleFiles } from './rule-files.js';
import { testRuleExamples } from './rule-examples.js';
import { testFixtures } from './fixture-expectations.js';

export interface RulesFlags {
  rules?: string[];
  builtinRules: boolean;
  color?: boolean;
}

/** `adscan rules test [PATH]`: every rule's good and bad examples. */
export async function runRulesTest(path: string | undefined, flags: RulesFlags, io: CliIo): Promise<number> {
  const c = new Chalk({ level: wantsColor(io.stdout, io.env, flags.color) ? 1 : 0 });
  const extra = [...(flags.rules ?? []), ...(path ? [path] : [])];
  const loaded = await loadScanner({ rules: extra, builtinRules: flags.builtinRules });
  // With a PATH, test the packs it defines; otherwise everything.
  const packs = path ? new Set(loadRuleFiles(await readRuleFiles(path)).packs.map((p) => p.pack)) : null;
  const report = testRuleExamples(loaded, packs ? (r) => packs.has(r.pack) : undefined);
  for (const f of report.failures) {
    io.stdout.write(`${c.red('✖')} ${f.ruleId}  ${f.kind}[${f.index}] ${c.dim(f.file)}\n    “${f.text}”\n    ${f.problem}\n`);
  }
  const passed = report.examples - report.failures.length;
  const line = `${report.rules} rules, ${report.examples} examples: ${passed} passed, ${report.failures.length} failed`;
  io.stdout.write(report.failures.length ? `${c.red('✖')} ${line}\n` : `${c.green('✔')} ${line}\n`);
  // The annotated fixtures test the whole rule set on whole documents (only without PATH).
  const fixtures = path ? { fixtures: 0, failures: [] } : await testFixtures(loaded);
  for (const f of fixtures.failures) io.stdout.write(`${c.red('✖')} ${f.fixture}\n    ${f.problem}\n`);
  if (fixtures.fixtures > 0) {
    const ok = fixtures.failures.length === 0;
    io.stdout.write(`${ok ? c.green('✔') : c.red('✖')} ${fixtures.fixtures} annotated fixtures: ${fixtures.failures.length} problems\n`);
  }
  return report.failures.length || fixtures.failures.length ? EXIT_FINDINGS : EXIT_OK;
}

/** `adscan rules validate PATH`: schema, regex syntax and backtracking checks only. */
export async function runRulesValidate(path: string, io: CliIo): Promise<number> {
  const files = await readRuleFiles(path);
  if (files.length === 0) throw new CliError(`rules validate: no .yaml files under ${path}`);
  try {
    // The files are checked on their own: a lone pack or a lone classify file is valid.
    const data = loadRuleFiles(files, { requirePack: false });
    const rules = compileRuleSet(data);
    const classifier = compileClassifier(data.classify);
    const slow: string[] = [];
    for (const r of rules.rules) {
      for (const re of regexesOf(r.matcher)) {
        const p = probeRegexSpeed(re);
        if (p) slow.push(`${data.packs.find((x) => x.pack === r.pack)?.file}: rule ${r.id}: ${p}`);
      }
    }
    for (const ind of classifier.indicators) if (ind.regex && probeRegexSpeed(ind.regex)) slow.push(`classify ${ind.group}.${ind.name}: ${probeRegexSpeed(ind.regex)}`);
    for (const m of rules.masks) if (probeRegexSpeed(m.re)) slow.push(`mask ${m.id}: ${probeRegexSpeed(m.re)}`);
    if (slow.length) {
      io.stderr.write(slow.join('\n') + '\n');
      return EXIT_USAGE;
    }
    io.stdout.write(`✔ ${files.length} files, ${rules.rules.length} rules, ${rules.masks.length} masks: valid\n`);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof RuleLoadError) {
      io.stderr.write(err.message + '\n');
      return EXIT_USAGE;
    }
    throw err;
  }
}

function regexesOf(m: CompiledMatcher | null): RegExp[] {
  if (!m) return [];
  switch (m.kind) {
    case 'regex':
      return [m.re, ...(m.wildcard ? wildcardRegexes(m.re) : [])];
    case 'any':
    case 'all':
      return m.list.flatMap(regexesOf);
    case 'not':
      return regexesOf(m.matcher);
    case 'sequence':
      return m.elements.flatMap((e) => (e.re ? [e.re] : []));
    default:
      return [];
  }
}

/** `adscan rules list`: one line per rule, optionally filtered. */
export async function runRulesList(
  flags: RulesFlags & { category?: string; adType?: string; severity?: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  const files = await collectRuleFiles(flags.rules ?? [], flags.builtinRules);
  let data;
  try {
    data = loadRuleFiles(files);
  } catch (err) {
    if (err instanceof RuleLoadError) throw new CliError(`invalid rules:\n${err.message}`);
    throw err;
  }
  const rows = data.packs.flatMap((p) =>
    p.rules.map((r) => ({ id: `${p.pack}/${r.id}`, category: r.category, severity: r.severity, adTypes: r.adTypes, file: p.file })),
  );
  const shown = rows.filter(
    (r) =>
      (!flags.category || r.category === flags.category) &&
      (!flags.severity || r.severity === flags.severity) &&
      (!flags.adType || r.adTypes.includes(flags.adType as never) || r.adTypes.includes('all')),
  );
  if (flags.json) {
    io.stdout.write(JSON.stringify(shown, null, 2) + '\n');
    return EXIT_OK;
  }
  const w = Math.max(...shown.map((r) => r.id.length), 4);
  const cw = Math.max(...shown.map((r) => r.category.length), 8);
  io.stdout.write(`${'RULE'.padEnd(w)}  ${'CATEGORY'.padEnd(cw)}  SEVERITY  AD TYPES\n`);
  for (const r of shown) io.stdout.write(`${r.id.padEnd(w)}  ${r.category.padEnd(cw)}  ${r.severity.padEnd(8)}  ${r.adTypes.join(',')}\n`);
  io.stdout.write(`${shown.length} of ${rows.length} rules\n`);
  return shown.length ? EXIT_OK : EXIT_FINDINGS;
}
