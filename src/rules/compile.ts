import { createHash } from 'node:crypto';
import type { AdType, DocContext, Severity } from '../core/types.js';
import { MASK_PLACEHOLDER } from '../core/mask-placeholder.js';
import { AhoCorasick } from './aho-corasick.js';
import type { RuleSetData } from './load.js';
import type { Check, Matcher, RuleSpec, TokenPattern } from './schema.js';
import { leadingLiterals } from './leading-literals.js';
import { mayTakeWildcard } from './wildcard.js';

export type Boundary = 'token' | 'none';

export interface CompiledTokenPattern {
  words: Set<string> | null;
  tags: Set<string> | null;
  re: RegExp | null;
  optional: boolean;
}

export type CompiledMatcher =
  | { kind: 'terms'; terms: number[]; boundary: Boundary }
  /**
   * `wildcard`: the regex has Han characters, which an unfillable mask's placeholder may stand
   * for; on sentences holding one the engine runs its wildcard version (rules/wildcard.ts).
   */
  | {
      kind: 'regex';
      re: RegExp;
      wildcard?: boolean;
      /**
       * Term ids of the regex's own anchors (every match holds one): a rule woken by another
       * of its matchers' anchors skips this regex in sentences that lack them.
       */
      anchors?: number[];
      /**
       * When every match starts with one of these anchors (see startAnchors): `sticky` is
       * tried where they occur instead of scanning the sentence from every position.
       */
      starts?: number[];
      sticky?: RegExp;
      boundary: Boundary;
    }
  | { kind: 'near'; a: number[]; b: number[]; within: number; ordered: boolean; boundary: Boundary }
  | { kind: 'sequence'; elements: CompiledTokenPattern[] }
  | { kind: 'any'; list: CompiledMatcher[] }
  | { kind: 'all'; list: CompiledMatcher[] }
  | { kind: 'not'; matcher: CompiledMatcher };

export interface CompiledUnless {
  overlaps: number[];
  before: RegExp | null;
  after: RegExp | null;
  sentence: RegExp | null;
}

export interface CompiledRule {
  /** `<pack>/<id>`, the id reports use. */
  id: string;
  pack: string;
  spec: RuleSpec;
  category: string;
  severity: Severity;
  /** null = every ad type. */
  adTypes: ReadonlySet<AdType> | null;
  matcher: CompiledMatcher | null;
  check: Check | null;
  unless: CompiledUnless | null;
  /** The rule runs only in documents matching this… */
  whenDocument: RegExp | null;
  /** …and not matching this. */
  whenAbsent: RegExp | null;
  mention: boolean;
  contexts: ReadonlySet<DocContext>;
  /** Term ids of which one must occur in a sentence for the rule to be evaluated there; null = always. */
  anchors: ReadonlySet<number> | null;
  /** Whether evaluating the matcher needs jieba tokens. */
  needsTokens: boolean;
}

export interface CompiledMask {
  id: string;
  re: RegExp;
  canonical: string | null;
  /** Literals every match starts with (see leading-literals.ts): a text without any is skipped. */
  leading: string[] | null;
}

export interface CompiledRuleSet {
  /** Hash of every rule file's path and contents: reports and caches say which rules produced them. */
  version: string;
  /** All literal terms of all rules, one automaton pass per text. */
  terms: string[];
  automaton: AhoCorasick;
  rules: CompiledRule[];
  masks: CompiledMask[];
  /** Terms to add to the segmenter's user dictionary, so rule terms segment as units. */
  userWords: string[];
}

// Non-ad documents (regulatory texts, penalty news) only quote claims; rules opt in to run there.
const DEFAULT_CONTEXTS: DocContext[] = ['ad', 'unknown'];

export function compileRuleSet(data: RuleSetData): CompiledRuleSet {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const term = (t: string): number => {
    let id = termIds.get(t);
    if (id === undefined) {
      id = terms.length;
      terms.push(t);
      termIds.set(t, id);
    }
    return id;
  };

  const rules: CompiledRule[] = [];
  for (const pack of data.packs) {
    for (const spec of pack.rules) {
      const anchors = new Set<number>();
      let anchored = true;
      const needs = { tokens: false };
      const compileMatcher = (m: Matcher, collectAnchors: boolean): CompiledMatcher => {
        if ('terms' in m) {
          const ids = m.terms.map(term);
          if (collectAnchors) ids.forEach((i) => anchors.add(i));
          if (m.boundary === 'token') needs.tokens = true;
          return { kind: 'terms', terms: ids, boundary: m.boundary ?? 'none' };
        }
        if ('regex' in m) {
          const re = new RegExp(m.regex, 'gu' + (m.flags ?? ''));
          // Its wildcard versions are made on first use (rules/wildcard.ts), not at start-up.
          const wildcard = mayTakeWildcard(m.regex);
          // An anchor may itself be masked (一点都*痛 hides 不痛): a placeholder stands for one too.
          const own = m.anchors ? [...m.anchors.map(term), ...(wildcard ? [term(MASK_PLACEHOLDER)] : [])] : undefined;
          if (collectAnchors) {
            if (own) own.forEach((i) => anchors.add(i));
            else anchored = false;
          }
          if (m.boundary === 'token') needs.tokens = true;
          const compiled: CompiledMatcher = { kind: 'regex', re, boundary: m.boundary ?? 'none' };
          if (wildcard) compiled.wildcard = true;
          if (own) compiled.anchors = own;
          const starts = m.anchors && !(m.flags ?? '').includes('i') ? startAnchors(m.regex, m.anchors) : null;
          if (starts) {
            compiled.starts = starts.map(term);
            compiled.sticky = new RegExp(m.regex, 'uy' + (m.flags ?? '').replace(/[gy]/g, ''));
          }
          return compiled;
        }
        if ('near' in m) {
          const a = m.near.a.map(term);
          const b = m.near.b.map(term);
          if (collectAnchors) a.forEach((i) => anchors.add(i));
          if (m.boundary === 'token') needs.tokens = true;
          return { kind: 'near', a, b, within: m.near.within, ordered: m.near.ordered ?? false, boundary: m.boundary ?? 'none' };
        }
        if ('sequence' in m) {
          needs.tokens = true;
          if (collectAnchors) {
            const words = m.anchors ?? requiredWords(m.sequence);
            words.forEach((w) => anchors.add(term(w)));
          }
          return { kind: 'sequence', elements: m.sequence.map(compileTokenPattern) };
        }
        if ('any' in m) return { kind: 'any', list: m.any.map((x) => compileMatcher(x, collectAnchors)) };
        if ('all' in m) {
          // Only the first positive matcher anchors an `all`: every sub-matcher must match anyway.
          let anchoredOne = false;
          const list = m.all.map((x) => {
            const positive = !('not' in x);
            const c = compileMatcher(x, collectAnchors && positive && !anchoredOne);
            if (positive) anchoredOne = true;
            return c;
          });
          return { kind: 'all', list };
        }
        return { kind: 'not', matcher: compileMatcher(m.not, false) };
      };

      const matcher = spec.match ? compileMatcher(spec.match, true) : null;
      const unless = spec.unless
        ? {
            overlaps: (spec.unless.overlaps ?? []).map(term),
            before: spec.unless.before ? new RegExp(spec.unless.before, 'u') : null,
            after: spec.unless.after ? new RegExp(spec.unless.after, 'u') : null,
            sentence: spec.unless.sentence ? new RegExp(spec.unless.sentence, 'u') : null,
          }
        : null;
      rules.push({
        id: `${pack.pack}/${spec.id}`,
        pack: pack.pack,
        spec,
        category: spec.category,
        severity: spec.severity,
        adTypes: spec.adTypes.includes('all') ? null : new Set(spec.adTypes as AdType[]),
        matcher,
        check: spec.check ?? null,
        unless,
        whenDocument: spec.when?.document ? new RegExp(spec.when.document, 'u') : null,
        whenAbsent: spec.when?.absent ? new RegExp(spec.when.absent, 'u') : null,
        mention: spec.mention ?? true,
        contexts: new Set(spec.contexts ?? DEFAULT_CONTEXTS),
        anchors: matcher && anchored ? anchors : null,
        needsTokens: needs.tokens,
      });
    }
  }

  const masks = data.masks.map((m) => ({ id: m.id, re: new RegExp(m.regex, 'gu'), canonical: m.canonical ?? null, leading: leadingLiterals(m.regex) }));
  const hash = createHash('sha256');
  for (const f of data.files) hash.update(f.path.replace(/^.*[\\/]/, '')).update('\0').update(f.text).update('\0');
  // Only multi-character CJK terms help jieba; single characters and ASCII would only distort it.
  const userWords = terms.filter((t) => t.length >= 2 && /^[\u4e00-\u9fff]+$/u.test(t));
  return { version: hash.digest('hex').slice(0, 16), terms, automaton: new AhoCorasick(terms), rules, masks, userWords };
}

function compileTokenPattern(t: TokenPattern): CompiledTokenPattern {
  return {
    words: t.word ? new Set(t.word) : null,
    tags: t.tag ? new Set(t.tag) : null,
    re: t.regex ? new RegExp(`^(?:${t.regex})$`, 'u') : null,
    optional: t.optional ?? false,
  };
}

/** The words of the first required element with a word list: a sequence can only match where one occurs. */
function requiredWords(seq: TokenPattern[]): string[] {
  return seq.find((t) => !t.optional && t.word)?.word ?? [];
}

/**
 * The anchors every match of `source` starts with, when its leading literals say so (each
 * begins with one of the anchors); null otherwise.
 */
export function startAnchors(source: string, anchors: readonly string[]): string[] | null {
  const leading = leadingLiterals(source);
  if (!leading) return null;
  const used = new Set<string>();
  for (const literal of leading) {
    const anchor = anchors.find((a) => a !== '' && literal.startsWith(a));
    if (anchor === undefined) return null;
    used.add(anchor);
  }
  return [...used];
}
