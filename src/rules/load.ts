import { createHash } from 'node:crypto';
import { CATEGORY_IDS } from '../core/categories.js';
import type { AdType } from '../core/types.js';
import type { ClassifyData, Indicator, MaskSpec, RulePack, RuleSpec } from './schema.js';
import { validateRuleFile } from './validate.js';
import { RuleLoadError, YamlSource, type RuleProblem } from './yaml-source.js';

/** A rule file's path and contents; reading them from disk is the caller's business. */
export interface RuleFileText {
  path: string;
  text: string;
}

/** Everything the rule files define, merged, before compilation. */
export interface RuleSetData {
  packs: RulePack[];
  classify: ClassifyData;
  masks: MaskSpec[];
  /** The files that went into it, in load order (for the rule-set version hash). */
  files: RuleFileText[];
}

/**
 * Parses and validates rule files and merges them in order: a pack whose name was already
 * loaded replaces the earlier one (so `--rules` can override a built-in pack); classify
 * families and masks with the same name/id replace earlier ones too.
 * Throws RuleLoadError listing every problem with file, line and column.
 */
export interface LoadOptions {
  requirePack?: boolean;
  /**
   * Already-validated file contents by `contentKey(text)` (the build precomputes them for the
   * bundled rules): such files skip YAML parsing and validation, most of rule start-up time.
   */
  parsed?: ReadonlyMap<string, unknown>;
}

/** Cache key of a rule file's text. */
export function contentKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parses and validates one file on its own: its plain data, or its problems. */
export function parseRuleFile(f: RuleFileText): { data: unknown; source: YamlSource | null; problems: RuleProblem[] } {
  const { source, problems } = YamlSource.parse(f.path, f.text);
  if (!source) return { data: null, source: null, problems };
  const data = source.toJS();
  const found = validateRuleFile(data, CATEGORY_IDS);
  return { data, source, problems: found.map((p) => source.problem(p.path, p.message, p.atKey)) };
}

export function loadRuleFiles(files: RuleFileText[], options: LoadOptions = {}): RuleSetData {
  const problems: RuleProblem[] = [];
  const packs = new Map<string, RulePack>();
  const classify: ClassifyData = { adTypes: {}, nonAd: {}, ad: {} };
  const masks = new Map<string, MaskSpec>();
  // Sources are only needed to locate a cross-file problem: parsed on demand for cached files.
  const sources = new Map<string, () => YamlSource>();

  for (const f of files) {
    const cached = options.parsed?.get(contentKey(f.text));
    let data: unknown;
    if (cached !== undefined) data = cached;
    else {
      const parsed = parseRuleFile(f);
      if (parsed.problems.length) {
        problems.push(...parsed.problems);
        continue;
      }
      data = parsed.data;
    }
    const o = data as Record<string, unknown>;
    if (Array.isArray(o.rules)) {
      sources.set(o.pack as string, () => YamlSource.parse(f.path, f.text).source!);
      packs.set(o.pack as string, {
        pack: o.pack as string,
        description: o.description as string | undefined,
        file: f.path,
        rules: o.rules as RuleSpec[],
      });
    }
    const c = o.classify as Partial<ClassifyData> | undefined;
    if (c) {
      for (const [type, list] of Object.entries(c.adTypes ?? {})) classify.adTypes[type as AdType] = list as Indicator[];
      Object.assign(classify.nonAd, c.nonAd ?? {});
      Object.assign(classify.ad, c.ad ?? {});
    }
    for (const m of (o.masks as MaskSpec[] | undefined) ?? []) masks.set(m.id, m);
  }
  if (options.requirePack !== false) problems.push(...unknownStatements(packs, masks, sources));
  if (problems.length) throw new RuleLoadError(problems);
  if (packs.size === 0 && options.requirePack !== false) {
    throw new RuleLoadError([{ file: files[0]?.path ?? '(no rule files)', line: 1, column: 1, message: 'no rule pack found: at least one file must define `pack` and `rules`' }]);
  }
  return { packs: [...packs.values()], classify, masks: [...masks.values()], files };
}

/** `require-statement` names masks, which may live in another file: checked once all are merged. */
function unknownStatements(packs: Map<string, RulePack>, masks: Map<string, MaskSpec>, sources: Map<string, () => YamlSource>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const pack of packs.values()) {
    pack.rules.forEach((rule, i) => {
      if (rule.check?.name !== 'require-statement') return;
      rule.check.statements.forEach((id, j) => {
        if (!masks.has(id)) {
          const known = [...masks.keys()].join(', ') || 'none loaded';
          problems.push(sources.get(pack.pack)!().problem(['rules', i, 'check', 'statements', j], `unknown statement "${id}": it must be a mask id (known: ${known})`));
        }
      });
    });
  }
  return problems;
}
