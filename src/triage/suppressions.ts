// The suppression file (`.adscan-suppressions.yaml`): ad copy has no comment syntax, so
// accepted findings are listed outside the content, by rule id and content fingerprint,
// each with the reason it is acceptable.
//
//   suppressions:
//     - rule: efficacy/cure-guarantee-promise
//       fingerprint: 3f2a9c0d1e4b5a67     # `fingerprint` of the finding in the JSON report
//       reason: 引用监管通知原文，非广告用语   # mandatory
//       match: 保证治愈                      # optional, for readers
//       paths: ["ads/legacy/**"]            # optional: only documents matching these globs
import type { DocumentResult } from '../core/types.js';
import { YamlSource } from '../rules/yaml-source.js';
import { FINGERPRINT_PATTERN, fingerprintOf } from './fingerprint.js';
import { globMatcher, uriMatches, type PathMatcher } from './paths.js';
import { checkKeys, isPlainObject, ProblemList, TriageFileError } from './problems.js';
import { suppressFindings } from './suppress.js';

export const DEFAULT_SUPPRESSIONS_FILE = '.adscan-suppressions.yaml';

export interface SuppressionEntry {
  rule: string;
  fingerprint: string;
  reason: string;
  match?: string;
  paths?: string[];
  /** 1-based line of the entry in its file. */
  line: number;
}

export interface SuppressionFile {
  /** The file as shown in messages. */
  file: string;
  /** Absolute directory that `paths` globs are relative to. */
  dir: string;
  entries: SuppressionEntry[];
  /** Where each entry's `rule` sits, for "unknown rule" messages. */
  source: YamlSource | null;
}

const ENTRY_KEYS = ['rule', 'fingerprint', 'reason', 'match', 'paths'];

/** Parses and validates a suppression file; throws TriageFileError listing every problem. */
export function parseSuppressionFile(file: string, dir: string, text: string): SuppressionFile {
  const { source, problems: syntax } = YamlSource.parse(file, text);
  if (!source) throw new TriageFileError(syntax);
  const data = source.toJS();
  const problems = new ProblemList(source);
  const entries: SuppressionEntry[] = [];
  if (data === null || data === undefined) return { file, dir, entries, source };
  const top = checkKeys(problems, data, [], ['suppressions'], 'a suppression file');
  const list = top?.suppressions;
  if (top && list !== undefined && list !== null && !Array.isArray(list)) problems.at(['suppressions'], 'suppressions must be a list of entries');
  if (Array.isArray(list)) {
    list.forEach((raw, i) => {
      const path = ['suppressions', i];
      const e = checkKeys(problems, raw, path, ENTRY_KEYS, 'a suppression entry');
      if (!e) return;
      const line = source.problem(path, '').line;
      const before = problems.list.length;
      const str = (key: string, required: boolean): string | undefined => {
        const v = e[key];
        if (v === undefined || v === null) {
          if (required) problems.at(path, `suppression entry without "${key}"${key === 'reason' ? ': every suppression needs a reason' : ''}`);
          return undefined;
        }
        // `match` is for readers only: a document-level finding matches nothing.
        if (!required && typeof v === 'string') return v;
        if (typeof v !== 'string' || v.trim() === '') {
          problems.at([...path, key], `"${key}" must be a non-empty string`);
          return undefined;
        }
        return v;
      };
      const rule = str('rule', true);
      const fingerprint = str('fingerprint', true);
      const reason = str('reason', true);
      const match = str('match', false);
      if (rule !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(rule)) problems.at([...path, 'rule'], `"rule" must be a rule id like efficacy/cure-guarantee-promise, got "${rule}"`);
      if (fingerprint !== undefined && !FINGERPRINT_PATTERN.test(fingerprint)) {
        problems.at([...path, 'fingerprint'], `"fingerprint" must be 16 lowercase hex digits (the finding's "fingerprint" in the JSON report), got "${fingerprint}"`);
      }
      let paths: string[] | undefined;
      if (e.paths !== undefined) {
        const p = typeof e.paths === 'string' ? [e.paths] : e.paths;
        if (!Array.isArray(p) || p.some((x) => typeof x !== 'string' || x === '')) problems.at([...path, 'paths'], '"paths" must be a glob or a list of globs');
        else paths = p as string[];
      }
      if (problems.list.length > before) return;
      const entry: SuppressionEntry = { rule: rule!, fingerprint: fingerprint!, reason: reason!, line };
      if (match !== undefined) entry.match = match;
      if (paths) entry.paths = paths;
      entries.push(entry);
    });
  }
  if (!isPlainObject(data) && problems.list.length === 0) problems.at([], 'a suppression file must be a mapping with a "suppressions" list');
  if (problems.list.length) throw new TriageFileError(problems.list);
  return { file, dir, entries, source };
}

/** Entries naming a rule that no loaded pack defines (a typo would otherwise silently not apply). */
export function unknownSuppressionRules(s: SuppressionFile, ruleIds: ReadonlySet<string>): TriageFileError | null {
  const problems = s.entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => !ruleIds.has(e.rule))
    .map(({ e, i }) => (s.source ? s.source.problem(['suppressions', i, 'rule'], `unknown rule "${e.rule}"`) : { file: s.file, line: e.line, column: 1, message: `unknown rule "${e.rule}"` }));
  return problems.length ? new TriageFileError(problems) : null;
}

/** Applies suppression entries to one document's (fingerprinted) findings; returns how many were suppressed. */
export function applySuppressions(doc: DocumentResult, s: SuppressionFile, cwd: string): number {
  if (s.entries.length === 0) return 0;
  const matchers = new Map<SuppressionEntry, PathMatcher>();
  const applies = (e: SuppressionEntry) => {
    if (!e.paths) return true;
    let m = matchers.get(e);
    if (!m) matchers.set(e, (m = globMatcher(e.paths)));
    return uriMatches(m, doc.uri, s.dir, cwd);
  };
  return suppressFindings(doc, (f) => {
    const fp = fingerprintOf(f);
    if (fp === undefined) return null;
    const e = s.entries.find((x) => x.rule === f.ruleId && x.fingerprint === fp && applies(x));
    return e ? `suppression file: ${e.reason}` : null;
  });
}
