// `.adscanrc.yaml`: project settings for `adscan scan`. Paths and globs in it are relative
// to the directory of the config file. Flags given on the command line override it.
import { AD_TYPES, SEVERITIES, type AdType, type Severity } from '../core/types.js';
import type { Path } from '../rules/yaml-source.js';
import { YamlSource } from '../rules/yaml-source.js';
import { resolveFrom } from './paths.js';
import { checkKeys, isPlainObject, ProblemList, suggest, TriageFileError, type FileProblem } from './problems.js';

export const CONFIG_FILE_NAMES = ['.adscanrc.yaml', '.adscanrc.yml'];

export type FailOnSetting = Severity | 'never';

export interface ReportOutput {
  format: string;
  /** Absolute path (config) or as given (command line). */
  path: string;
}

/** A setting keyed by a rule id, a category or a pack, with where it was written. */
export interface RuleSetting<T> {
  selector: string;
  value: T;
  path: Path;
}

export interface AdscanConfig {
  /** The file as shown in messages. */
  file: string;
  /** Absolute directory of the file: paths and globs are relative to it. */
  dir: string;
  source: YamlSource;
  /** Rule files or directories (absolute), added after the bundled packs. */
  rulePacks: string[];
  builtinRules?: boolean;
  /** Rules switched on or off. */
  rules: RuleSetting<boolean>[];
  /** Severity overrides. */
  severity: RuleSetting<Severity>[];
  /** Ad types by glob, like --ad-type for the matching documents. */
  adTypes: { glob: string; types: AdType[] }[];
  /** Documents not scanned. */
  ignore: string[];
  failOn?: FailOnSetting;
  asOf?: string;
  format?: string;
  reports: ReportOutput[];
  /** Suppression file (absolute). */
  suppressions?: string;
  /** Baseline file (absolute). */
  baseline?: string;
}

export const CONFIG_KEYS = [
  'rulePacks',
  'builtinRules',
  'rules',
  'severity',
  'adTypes',
  'ignore',
  'failOn',
  'asOf',
  'format',
  'reports',
  'suppressions',
  'baseline',
] as const;

export interface ConfigContext {
  /** Report formats the registry knows (for `format` and `reports`). */
  formats: readonly string[];
}

/** `FORMAT:PATH` as --report and `reports:` take it; null when malformed. */
export function parseReportSpec(spec: string): ReportOutput | null {
  const i = spec.indexOf(':');
  if (i <= 0 || i === spec.length - 1) return null;
  return { format: spec.slice(0, i).trim(), path: spec.slice(i + 1) };
}

export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Parses and validates a config file's text (pure: `dir` is the absolute directory of the
 * file, `file` how to name it in messages). Throws TriageFileError listing every problem
 * with line and column. Rule names are checked later, against the loaded packs
 * (`checkRuleSelectors`).
 */
export function parseConfig(file: string, dir: string, text: string, ctx: ConfigContext): AdscanConfig {
  const { source, problems: syntax } = YamlSource.parse(file, text);
  if (!source) throw new TriageFileError(syntax);
  const data = source.toJS() ?? {};
  const p = new ProblemList(source);
  const config: AdscanConfig = { file, dir, source, rulePacks: [], rules: [], severity: [], adTypes: [], ignore: [], reports: [] };
  const top = checkKeys(p, data, [], CONFIG_KEYS, 'the configuration');
  if (!top) throw new TriageFileError(p.list);

  const mapping = (v: unknown, at: Path, what: string): Record<string, unknown> | null => {
    if (isPlainObject(v)) return v;
    p.at(at, `${what} must be a mapping`);
    return null;
  };
  const stringList = (key: string): string[] | undefined => {
    const v = top[key];
    if (v === undefined || v === null) return undefined;
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list)) {
      p.at([key], `${key} must be a list of strings`);
      return undefined;
    }
    const out: string[] = [];
    list.forEach((x, i) => {
      if (typeof x !== 'string' || x.trim() === '') p.at([key, i], `${key}: expected a non-empty string, got ${JSON.stringify(x)}`);
      else out.push(x);
    });
    return out;
  };
  const path = (key: string): string | undefined => {
    const v = top[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      p.at([key], `${key} must be a path (relative to ${file})`);
      return undefined;
    }
    return resolveFrom(dir, v);
  };

  config.rulePacks = (stringList('rulePacks') ?? []).map((x) => resolveFrom(dir, x));

  if (top.builtinRules !== undefined) {
    if (typeof top.builtinRules !== 'boolean') p.at(['builtinRules'], 'builtinRules must be true or false');
    else config.builtinRules = top.builtinRules;
  }

  const selectorMap = <T>(key: string, value: (v: unknown, at: Path) => T | undefined): RuleSetting<T>[] => {
    const m = top[key];
    if (m === undefined || m === null) return [];
    const obj = mapping(m, [key], key === 'rules' ? 'rules (rule id, category or pack: on | off)' : 'severity (rule id, category or pack: error | warning | info)');
    if (!obj) return [];
    const out: RuleSetting<T>[] = [];
    for (const [selector, v] of Object.entries(obj)) {
      const at: Path = [key, selector];
      const parsed = value(v, at);
      if (parsed !== undefined) out.push({ selector, value: parsed, path: at });
    }
    return out;
  };
  config.rules = selectorMap('rules', (v, at) => {
    if (v === true || v === 'on') return true;
    if (v === false || v === 'off') return false;
    p.at(at, `expected on or off, got ${JSON.stringify(v)}`);
    return undefined;
  });
  config.severity = selectorMap('severity', (v, at) => {
    if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) return v as Severity;
    p.at(at, `expected error, warning or info, got ${JSON.stringify(v)}`);
    return undefined;
  });

  if (top.adTypes !== undefined && top.adTypes !== null) {
    const obj = mapping(top.adTypes, ['adTypes'], 'adTypes (glob: [ad types])');
    if (obj) {
      for (const [glob, v] of Object.entries(obj)) {
        const list = typeof v === 'string' ? v.split(',').map((t) => t.trim()).filter(Boolean) : v;
        if (!Array.isArray(list) || list.length === 0) {
          p.at(['adTypes', glob], `expected a list of ad types (${AD_TYPES.join(', ')})`);
          continue;
        }
        const types: AdType[] = [];
        list.forEach((t, i) => {
          const at: Path = typeof v === 'string' ? ['adTypes', glob] : ['adTypes', glob, i];
          if (typeof t === 'string' && (AD_TYPES as readonly string[]).includes(t)) types.push(t as AdType);
          else p.at(at, `unknown ad type ${JSON.stringify(t)}${typeof t === 'string' ? suggest(t, AD_TYPES) : ''}; known: ${AD_TYPES.join(', ')}`);
        });
        if (types.length === list.length) config.adTypes.push({ glob, types });
      }
    }
  }

  config.ignore = stringList('ignore') ?? [];

  if (top.failOn !== undefined) {
    const v = top.failOn;
    if (v === 'never' || (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v))) config.failOn = v as FailOnSetting;
    else p.at(['failOn'], `failOn must be error, warning, info or never, got ${JSON.stringify(v)}`);
  }
  if (top.asOf !== undefined) {
    const v = top.asOf;
    if (typeof v === 'string' && isValidDate(v)) config.asOf = v;
    else p.at(['asOf'], `asOf must be a date as YYYY-MM-DD, got ${JSON.stringify(v)}`);
  }
  if (top.format !== undefined) {
    const v = top.format;
    if (typeof v === 'string' && ctx.formats.includes(v)) config.format = v;
    else p.at(['format'], `unknown format ${JSON.stringify(v)}; known: ${ctx.formats.join(', ')}`);
  }

  if (top.reports !== undefined && top.reports !== null) {
    if (!Array.isArray(top.reports)) p.at(['reports'], 'reports must be a list of FORMAT:PATH or {format, path}');
    else {
      top.reports.forEach((r: unknown, i: number) => {
        let out: ReportOutput | null = null;
        if (typeof r === 'string') {
          out = parseReportSpec(r);
          if (!out) p.at(['reports', i], `expected FORMAT:PATH (e.g. sarif:out/adscan.sarif), got ${JSON.stringify(r)}`);
        } else {
          const o = checkKeys(p, r, ['reports', i], ['format', 'path'], 'a report output');
          if (o) {
            if (typeof o.format !== 'string') p.at(['reports', i], 'a report output needs "format"');
            else if (typeof o.path !== 'string' || o.path === '') p.at(['reports', i], 'a report output needs "path"');
            else out = { format: o.format, path: o.path };
          }
        }
        if (!out) return;
        if (!ctx.formats.includes(out.format)) {
          p.at(['reports', i], `unknown report format ${JSON.stringify(out.format)}; known: ${ctx.formats.join(', ')}`);
          return;
        }
        config.reports.push({ format: out.format, path: resolveFrom(dir, out.path) });
      });
    }
  }

  const suppressions = path('suppressions');
  if (suppressions) config.suppressions = suppressions;
  const baseline = path('baseline');
  if (baseline) config.baseline = baseline;

  if (p.list.length) throw new TriageFileError(p.list);
  return config;
}

/** What rule settings may name. */
export interface RuleNames {
  ruleIds: ReadonlySet<string>;
  categories: ReadonlySet<string>;
  packs: ReadonlySet<string>;
}

/** Problems for `rules:`/`severity:` keys that name no loaded rule, category or pack. */
export function checkRuleSelectors(config: AdscanConfig, names: RuleNames): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const s of [...config.rules, ...config.severity]) {
    const sel = s.selector;
    if (names.ruleIds.has(sel) || names.categories.has(sel) || names.packs.has(sel)) continue;
    const known = sel.includes('/') ? [...names.ruleIds] : [...names.categories, ...names.packs];
    problems.push(config.source.problem(s.path, `"${sel}" is not a rule id, category or pack${suggest(sel, known)}`, true));
  }
  return problems;
}
