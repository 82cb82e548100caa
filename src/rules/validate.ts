import { AD_TYPES, SEVERITIES } from '../core/types.js';
import { nestedQuantifierProblem } from './regex-safety.js';
import { CHECK_NAMES, NUMBER_KINDS } from './schema.js';
import type { Path } from './yaml-source.js';

/** A validation problem at a path inside one YAML file. */
export interface PathProblem {
  path: Path;
  message: string;
  /** Point at the key itself (an unknown key), not at its value. */
  atKey?: boolean;
}

const CONTEXTS = ['ad', 'regulatory', 'news', 'unknown'];
const RULE_KEYS = ['id', 'category', 'severity', 'adTypes', 'message', 'law', 'suggestion', 'match', 'check', 'unless', 'when', 'mention', 'contexts', 'examples'];
const MATCHER_KEYS = ['terms', 'regex', 'near', 'sequence', 'any', 'all', 'not'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks one parsed rule file. `categories` is the set of known category ids (the
 * catalogue's); an unknown category is a problem, since reports must use exactly those ids.
 */
export function validateRuleFile(data: unknown, categories: ReadonlySet<string>): PathProblem[] {
  const v = new Validator(categories);
  v.file(data);
  return v.problems;
}

class Validator {
  problems: PathProblem[] = [];
  constructor(private readonly categories: ReadonlySet<string>) {}

  private fail(path: Path, message: string): void {
    this.problems.push({ path, message });
  }

  file(data: unknown): void {
    if (!isObj(data)) return this.fail([], 'a rule file must be a YAML mapping with `pack` and `rules`, or `classify`/`masks`');
    this.unknownKeys(data, [], ['pack', 'description', 'rules', 'classify', 'masks']);
    if (data.rules !== undefined) {
      if (typeof data.pack !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(data.pack)) {
        this.fail(['pack'], '`pack` must be a lower-case name (letters, digits, dashes) when the file has rules');
      }
      if (!Array.isArray(data.rules)) this.fail(['rules'], '`rules` must be a list');
      else {
        const seen = new Map<string, number>();
        data.rules.forEach((r, i) => {
          this.rule(r, ['rules', i]);
          if (isObj(r) && typeof r.id === 'string') {
            if (seen.has(r.id)) this.fail(['rules', i, 'id'], `duplicate rule id "${r.id}" (first at rules[${seen.get(r.id)}])`);
            else seen.set(r.id, i);
          }
        });
      }
    }
    if (data.classify !== undefined) this.classify(data.classify, ['classify']);
    if (data.masks !== undefined) this.masks(data.masks, ['masks']);
    if (data.rules === undefined && data.classify === undefined && data.masks === undefined) {
      this.fail([], 'the file defines nothing: expected `rules`, `classify` or `masks`');
    }
  }

  private unknownKeys(o: Obj, path: Path, allowed: string[]): void {
    for (const k of Object.keys(o)) {
      if (allowed.includes(k)) continue;
      const near = allowed.find((a) => editDistance(a, k) <= 2);
      const hint = near ? `did you mean "${near}"? ` : '';
      this.problems.push({ path: [...path, k], message: `unknown key "${k}" (${hint}allowed: ${allowed.join(', ')})`, atKey: true });
    }
  }

  private nonEmptyString(v: unknown, path: Path, what: string): boolean {
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(path, `${what} must be a non-empty string`);
      return false;
    }
    return true;
  }

  private stringList(v: unknown, path: Path, what: string): boolean {
    if (!Array.isArray(v) || v.length === 0) {
      this.fail(path, `${what} must be a non-empty list of strings`);
      return false;
    }
    let ok = true;
    v.forEach((s, i) => {
      if (typeof s !== 'string' || s === '') {
        this.fail([...path, i], `${what} entries must be non-empty strings`);
        ok = false;
      }
    });
    return ok;
  }

  regex(v: unknown, path: Path, flags = ''): void {
    if (!this.nonEmptyString(v, path, 'regex')) return;
    try {
      new RegExp(v as string, flags.replace(/[gu]/g, '') + 'u');
    } catch (e) {
      return this.fail(path, `invalid regex: ${(e as Error).message}`);
    }
    const nested = nestedQuantifierProblem(v as string);
    if (nested) this.fail(path, nested);
  }

  rule(r: unknown, path: Path): void {
    if (!isObj(r)) return this.fail(path, 'a rule must be a mapping');
    this.unknownKeys(r, path, RULE_KEYS);
    if (this.nonEmptyString(r.id, [...path, 'id'], '`id`') && !/^[a-z0-9][a-z0-9-]*$/.test(r.id as string)) {
      this.fail([...path, 'id'], '`id` must be lower-case letters, digits and dashes');
    }
    if (this.nonEmptyString(r.category, [...path, 'category'], '`category`') && !this.categories.has(r.category as string)) {
      this.fail([...path, 'category'], `unknown category "${String(r.category)}" (must be an id from the ad-law catalogue)`);
    }
    if (!SEVERITIES.includes(r.severity as never)) this.fail([...path, 'severity'], '`severity` must be error, warning or info');
    if (!Array.isArray(r.adTypes) || r.adTypes.length === 0) this.fail([...path, 'adTypes'], '`adTypes` must be a non-empty list');
    else r.adTypes.forEach((t, i) => {
      if (t !== 'all' && !AD_TYPES.includes(t as never)) this.fail([...path, 'adTypes', i], `unknown ad type "${String(t)}" (known: all, ${AD_TYPES.join(', ')})`);
    });
    this.nonEmptyString(r.message, [...path, 'message'], '`message`');
    this.stringList(r.law, [...path, 'law'], '`law`');
    this.nonEmptyString(r.suggestion, [...path, 'suggestion'], '`suggestion`');
    if ((r.match === undefined) === (r.check === undefined)) this.fail(path, 'a rule needs exactly one of `match` or `check`');
    if (r.match !== undefined) this.matcher(r.match, [...path, 'match'], false);
    if (r.check !== undefined) this.check(r.check, [...path, 'check']);
    if (r.unless !== undefined) this.unless(r.unless, [...path, 'unless']);
    if (r.when !== undefined) {
      if (!isObj(r.when)) this.fail([...path, 'when'], '`when` must be a mapping with `document` and/or `absent`');
      else {
        this.unknownKeys(r.when, [...path, 'when'], ['document', 'absent']);
        if (r.when.document === undefined && r.when.absent === undefined) this.fail([...path, 'when'], '`when` needs `document` or `absent`');
        if (r.when.document !== undefined) this.regex(r.when.document, [...path, 'when', 'document']);
        if (r.when.absent !== undefined) this.regex(r.when.absent, [...path, 'when', 'absent']);
      }
    }
    if (r.mention !== undefined && typeof r.mention !== 'boolean') this.fail([...path, 'mention'], '`mention` must be true or false');
    if (r.contexts !== undefined) {
      if (!Array.isArray(r.contexts) || r.contexts.some((c) => !CONTEXTS.includes(c as string))) {
        this.fail([...path, 'contexts'], `\`contexts\` must be a list of ${CONTEXTS.join(', ')}`);
      }
    }
    this.examples(r.examples, [...path, 'examples']);
  }

  matcher(m: unknown, path: Path, insideAll: boolean): void {
    if (!isObj(m)) return this.fail(path, 'a matcher must be a mapping with one of: ' + MATCHER_KEYS.join(', '));
    const kinds = MATCHER_KEYS.filter((k) => k in m);
    if (kinds.length !== 1) return this.fail(path, `a matcher needs exactly one of ${MATCHER_KEYS.join(', ')} (found ${kinds.length ? kinds.join(', ') : 'none'})`);
    const kind = kinds[0]!;
    const extra: Record<string, string[]> = {
      terms: ['terms', 'boundary'],
      regex: ['regex', 'flags', 'anchors', 'boundary'],
      near: ['near', 'boundary'],
      sequence: ['sequence', 'anchors'],
      any: ['any'],
      all: ['all'],
      not: ['not'],
    };
    this.unknownKeys(m, path, extra[kind]!);
    if (m.boundary !== undefined && m.boundary !== 'token' && m.boundary !== 'none') this.fail([...path, 'boundary'], '`boundary` must be token or none');
    if (m.anchors !== undefined) this.stringList(m.anchors, [...path, 'anchors'], '`anchors`');
    switch (kind) {
      case 'terms':
        this.stringList(m.terms, [...path, 'terms'], '`terms`');
        break;
      case 'regex':
        if (m.flags !== undefined && (typeof m.flags !== 'string' || !/^[ims]*$/.test(m.flags))) this.fail([...path, 'flags'], '`flags` may only contain i, m, s');
        this.regex(m.regex, [...path, 'regex'], typeof m.flags === 'string' ? m.flags : '');
        break;
      case 'near': {
        const n = m.near;
        if (!isObj(n)) return this.fail([...path, 'near'], '`near` must be a mapping with a, b and within');
        this.unknownKeys(n, [...path, 'near'], ['a', 'b', 'within', 'ordered']);
        this.stringList(n.a, [...path, 'near', 'a'], '`near.a`');
        this.stringList(n.b, [...path, 'near', 'b'], '`near.b`');
        if (typeof n.within !== 'number' || !Number.isInteger(n.within) || n.within < 0 || n.within > 200) this.fail([...path, 'near', 'within'], '`near.within` must be a whole number of characters from 0 to 200');
        if (n.ordered !== undefined && typeof n.ordered !== 'boolean') this.fail([...path, 'near', 'ordered'], '`near.ordered` must be true or false');
        break;
      }
      case 'sequence': {
        const seq = m.sequence;
        if (!Array.isArray(seq) || seq.length === 0) return this.fail([...path, 'sequence'], '`sequence` must be a non-empty list of token patterns');
        seq.forEach((t, i) => this.tokenPattern(t, [...path, 'sequence', i]));
        const hasWords = seq.some((t) => isObj(t) && Array.isArray(t.word) && t.optional !== true);
        if (!hasWords && m.anchors === undefined) this.fail([...path, 'sequence'], 'a sequence needs a required element with `word` (or explicit `anchors`) so sentences can be pre-selected');
        if (seq.every((t) => isObj(t) && t.optional === true)) this.fail([...path, 'sequence'], 'a sequence needs at least one required element');
        break;
      }
      case 'any':
      case 'all': {
        const list = m[kind];
        if (!Array.isArray(list) || list.length === 0) return this.fail([...path, kind], `\`${kind}\` must be a non-empty list of matchers`);
        list.forEach((x, i) => this.matcher(x, [...path, kind, i], kind === 'all'));
        if (kind === 'all' && list.every((x) => isObj(x) && 'not' in x)) this.fail([...path, 'all'], '`all` needs at least one positive matcher');
        break;
      }
      case 'not':
        if (!insideAll) this.fail([...path, 'not'], '`not` is only allowed directly inside `all`');
        this.matcher(m.not, [...path, 'not'], false);
        break;
    }
  }

  private tokenPattern(t: unknown, path: Path): void {
    if (!isObj(t)) return this.fail(path, 'a token pattern must be a mapping with word, tag and/or regex');
    this.unknownKeys(t, path, ['word', 'tag', 'regex', 'optional']);
    if (t.word === undefined && t.tag === undefined && t.regex === undefined) this.fail(path, 'a token pattern needs word, tag or regex');
    if (t.word !== undefined) this.stringList(t.word, [...path, 'word'], '`word`');
    if (t.tag !== undefined) this.stringList(t.tag, [...path, 'tag'], '`tag`');
    if (t.regex !== undefined) this.regex(t.regex, [...path, 'regex']);
    if (t.optional !== undefined && typeof t.optional !== 'boolean') this.fail([...path, 'optional'], '`optional` must be true or false');
  }

  private check(c: unknown, path: Path): void {
    if (!isObj(c)) return this.fail(path, '`check` must be a mapping with a name');
    if (!CHECK_NAMES.includes(c.name as never)) return this.fail([...path, 'name'], `unknown check "${String(c.name)}" (known: ${CHECK_NAMES.join(', ')})`);
    if (c.name === 'number-type-mismatch' || c.name === 'number-media') return this.unknownKeys(c, path, ['name']);
    if (c.name === 'require-statement') {
      this.unknownKeys(c, path, ['name', 'statements']);
      this.stringList(c.statements, [...path, 'statements'], '`statements`');
      return;
    }
    this.unknownKeys(c, path, ['name', 'numbers']);
    if (this.stringList(c.numbers, [...path, 'numbers'], '`numbers`')) {
      (c.numbers as string[]).forEach((n, i) => {
        if (!NUMBER_KINDS.includes(n as never)) this.fail([...path, 'numbers', i], `unknown number kind "${n}" (known: ${NUMBER_KINDS.join(', ')})`);
      });
    }
  }

  private unless(u: unknown, path: Path): void {
    if (!isObj(u)) return this.fail(path, '`unless` must be a mapping');
    this.unknownKeys(u, path, ['overlaps', 'before', 'after', 'sentence']);
    if (u.overlaps !== undefined) this.stringList(u.overlaps, [...path, 'overlaps'], '`unless.overlaps`');
    for (const k of ['before', 'after', 'sentence']) if (u[k] !== undefined) this.regex(u[k], [...path, k]);
  }

  private examples(e: unknown, path: Path): void {
    if (!isObj(e)) return this.fail(path, '`examples` must be a mapping with `bad` and `good` lists');
    this.unknownKeys(e, path, ['bad', 'good']);
    for (const k of ['bad', 'good']) {
      const list = e[k];
      if (!Array.isArray(list) || list.length === 0) {
        this.fail([...path, k], `\`examples.${k}\` must be a non-empty list`);
        continue;
      }
      list.forEach((x, i) => {
        if (typeof x === 'string') {
          if (x.trim() === '') this.fail([...path, k, i], 'an example must not be empty');
          return;
        }
        if (!isObj(x)) return this.fail([...path, k, i], 'an example is a string or a mapping with `text`');
        this.unknownKeys(x, [...path, k, i], ['text', 'adType', 'context', 'asOf']);
        if (x.asOf !== undefined && !(typeof x.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x.asOf) && !Number.isNaN(Date.parse(x.asOf)))) {
          this.fail([...path, k, i, 'asOf'], '`asOf` must be a date written YYYY-MM-DD');
        }
        this.nonEmptyString(x.text, [...path, k, i, 'text'], '`text`');
        if (x.adType !== undefined && !AD_TYPES.includes(x.adType as never)) this.fail([...path, k, i, 'adType'], `unknown ad type "${String(x.adType)}"`);
        if (x.context !== undefined && x.context !== 'auto') this.fail([...path, k, i, 'context'], '`context` may only be "auto"');
      });
    }
  }

  private indicator(x: unknown, path: Path, nonAd = false): void {
    if (!isObj(x)) return this.fail(path, 'an indicator is a mapping with `weight` and `terms` and/or `regex`');
    const keys = ['terms', 'regex', 'weight', 'supportOnly', 'anchors'];
    // Only a non-ad family can explain commercial ones away (see Indicator.explains).
    this.unknownKeys(x, path, nonAd ? [...keys, 'explains'] : keys);
    if (x.explains !== undefined) this.stringList(x.explains, [...path, 'explains'], '`explains`');
    if (x.anchors !== undefined) this.stringList(x.anchors, [...path, 'anchors'], '`anchors`');
    if (x.supportOnly !== undefined && typeof x.supportOnly !== 'boolean') this.fail([...path, 'supportOnly'], '`supportOnly` must be true or false');
    if (typeof x.weight !== 'number' || !Number.isFinite(x.weight)) this.fail([...path, 'weight'], '`weight` must be a number');
    if (x.terms === undefined && x.regex === undefined) this.fail(path, 'an indicator needs `terms` or `regex`');
    if (x.terms !== undefined) this.stringList(x.terms, [...path, 'terms'], '`terms`');
    if (x.regex !== undefined) this.regex(x.regex, [...path, 'regex']);
  }

  private classify(c: unknown, path: Path): void {
    if (!isObj(c)) return this.fail(path, '`classify` must be a mapping');
    this.unknownKeys(c, path, ['adTypes', 'nonAd', 'ad']);
    if (c.adTypes !== undefined) {
      if (!isObj(c.adTypes)) this.fail([...path, 'adTypes'], '`classify.adTypes` must map ad types to indicator lists');
      else for (const [t, list] of Object.entries(c.adTypes)) {
        if (!AD_TYPES.includes(t as never)) this.fail([...path, 'adTypes', t], `unknown ad type "${t}"`);
        if (!Array.isArray(list)) this.fail([...path, 'adTypes', t], 'must be a list of indicators');
        else list.forEach((x, i) => this.indicator(x, [...path, 'adTypes', t, i]));
      }
    }
    for (const k of ['nonAd', 'ad']) {
      const fam = c[k];
      if (fam === undefined) continue;
      if (!isObj(fam)) this.fail([...path, k], `\`classify.${k}\` must map family names to indicators`);
      else for (const [name, x] of Object.entries(fam)) this.indicator(x, [...path, k, name], k === 'nonAd');
    }
    // What a non-ad family explains must be a commercial family of this file.
    if (isObj(c.nonAd) && isObj(c.ad)) {
      const adFamilies = Object.keys(c.ad);
      for (const [name, x] of Object.entries(c.nonAd)) {
        if (!isObj(x) || !Array.isArray(x.explains)) continue;
        x.explains.forEach((f, i) => {
          if (typeof f === 'string' && !adFamilies.includes(f)) {
            this.fail([...path, 'nonAd', name, 'explains', i], `unknown commercial family "${f}" (known: ${adFamilies.join(', ')})`);
          }
        });
      }
    }
  }

  private masks(m: unknown, path: Path): void {
    if (!Array.isArray(m)) return this.fail(path, '`masks` must be a list');
    m.forEach((x, i) => {
      if (!isObj(x)) return this.fail([...path, i], 'a mask is a mapping with `id` and `regex`');
      this.unknownKeys(x, [...path, i], ['id', 'regex', 'description', 'canonical']);
      if (x.canonical !== undefined) this.nonEmptyString(x.canonical, [...path, i, 'canonical'], '`canonical`');
      this.nonEmptyString(x.id, [...path, i, 'id'], '`id`');
      this.regex(x.regex, [...path, i, 'regex']);
    });
  }
}

/** Levenshtein distance, for "did you mean" hints on misspelt keys. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
