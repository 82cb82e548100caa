// The YAML rule format, as TypeScript types. `validate.ts` checks raw YAML against it;
// README.md ("Rule format") documents it for rule authors.
import type { AdType, DocContext, Severity } from '../core/types.js';

/** Literal terms, matched on the normalised text with one automaton per rule set. */
export interface TermsMatcher {
  terms: string[];
  /** `token`: the match must start and end on jieba token boundaries (最近 ≠ 最 + 近). */
  boundary?: 'token' | 'none';
}

/** A regular expression (always compiled with the `u` flag). */
export interface RegexMatcher {
  regex: string;
  flags?: string;
  /** Literal words of which at least one must occur in the sentence before the regex runs. */
  anchors?: string[];
  boundary?: 'token' | 'none';
}

/** Two term sets within `within` characters of each other in one clause. */
export interface NearMatcher {
  near: { a: string[]; b: string[]; within: number; ordered?: boolean };
  boundary?: 'token' | 'none';
}

/** One element of a token sequence: a word list, a POS-tag list and/or a regex over the word. */
export interface TokenPattern {
  word?: string[];
  tag?: string[];
  regex?: string;
  optional?: boolean;
}

/** Consecutive jieba tokens (spaces skipped) matching the patterns in order. */
export interface SequenceMatcher {
  sequence: TokenPattern[];
  /** Words that must occur in the sentence before it is segmented; derived from `word` lists when absent. */
  anchors?: string[];
}

export interface AnyMatcher {
  any: Matcher[];
}

/** Every sub-matcher matches in the same sentence; the finding spans the first one's match. */
export interface AllMatcher {
  all: Matcher[];
}

/** Inside `all` only: the sentence must not match. */
export interface NotMatcher {
  not: Matcher;
}

export type Matcher = TermsMatcher | RegexMatcher | NearMatcher | SequenceMatcher | AnyMatcher | AllMatcher | NotMatcher;

/** Exceptions that veto a match (allow-lists around it). */
export interface Unless {
  /** Terms that, when they overlap the match, veto it (根治术 vetoes 根治). */
  overlaps?: string[];
  /** Regex tested against the text of the same clause just before the match (anchor it with `$`). */
  before?: string;
  /** Regex tested against the text of the same clause just after the match (anchor it with `^`). */
  after?: string;
  /** Regex tested against the whole sentence holding the match. */
  sentence?: string;
}

/** Code-backed checks over review/approval numbers (validation lives in src/engine/numbers). */
export type NumberKind =
  | 'medical-review-certificate'
  | 'drug-ad-approval'
  | 'device-ad-approval'
  | 'health-food-ad-approval'
  | 'fsmp-ad-approval';

export const NUMBER_KINDS: readonly NumberKind[] = [
  'medical-review-certificate',
  'drug-ad-approval',
  'device-ad-approval',
  'health-food-ad-approval',
  'fsmp-ad-approval',
];

export type Check =
  /** Document-level: an ad of the rule's types must show one of these numbers. */
  | { name: 'require-number'; numbers: NumberKind[] }
  /** Each number of these kinds must be well-formed (issuer, dates, layout). */
  | { name: 'number-validity'; numbers: NumberKind[] }
  /** The numbers shown must belong to the ad's regime (catalogue §3.5). */
  | { name: 'number-type-mismatch' }
  /**
   * Document-level: an ad of the rule's types must carry one of these statutory statements
   * (mask ids, catalogue §4); a statement in non-canonical wording is reported as info.
   */
  | { name: 'require-statement'; statements: string[] }
  /** Numbers approved for video or audio (视/声) used in a text or web ad (catalogue C08). */
  | { name: 'number-media' };

export const CHECK_NAMES = ['require-number', 'number-validity', 'number-type-mismatch', 'require-statement', 'number-media'] as const;

export interface Example {
  text: string;
  /** Ad type to force while testing; defaults to the rule's first ad type. */
  adType?: AdType;
  /** Let the classifier decide the document context instead of assuming an ad. */
  context?: 'auto';
  /** Date (YYYY-MM-DD) the example is checked on: numbers in examples expire. */
  asOf?: string;
}

export interface RuleSpec {
  id: string;
  category: string;
  severity: Severity;
  adTypes: (AdType | 'all')[];
  message: string;
  law: string[];
  suggestion: string;
  match?: Matcher;
  check?: Check;
  unless?: Unless;
  /**
   * Conditions on the whole document: the rule runs only where `document` matches and
   * `absent` does not (e.g. a purchase cue without a 广告 label).
   */
  when?: { document?: string; absent?: string };
  /** Apply the per-hit "mention, not claim" test (quoted, listed, prohibited). Default true. */
  mention?: boolean;
  /** Document contexts the rule runs in. Default: ad and unknown. */
  contexts?: DocContext[];
  examples: { bad: Example[]; good: Example[] };
}

export interface RulePack {
  pack: string;
  description?: string;
  file: string;
  rules: RuleSpec[];
}

/** A weighted indicator for document classification. */
export interface Indicator {
  terms?: string[];
  regex?: string;
  weight: number;
  /**
   * Adds to its type's score but cannot make that type a secondary one by itself: disease
   * names and 患者 appear in drug ads too, and must not turn them into medical ads.
   */
  supportOnly?: boolean;
  /**
   * Literals of which one occurs in every match of `regex`, starting at most 32 characters
   * into the match: the regex is only tried just before where they occur.
   */
  anchors?: string[];
  /**
   * Non-ad families only: commercial families this kind of document prints itself. A package
   * insert names 本品, its maker's address and its 国药准字; where the family has two or more
   * hits and the page shows nothing commercial beyond these, they do not count as selling.
   */
  explains?: string[];
}

/** Ad-type and document-context signals (catalogue §1.2–1.3), as data. */
export interface ClassifyData {
  adTypes: Partial<Record<AdType, Indicator[]>>;
  nonAd: Record<string, Indicator>;
  ad: Record<string, Indicator>;
}

/** Text masked (same length) before content rules run: statutory disclaimers and the like. */
export interface MaskSpec {
  id: string;
  regex: string;
  description?: string;
  /** The statutory wording; a tolerant match that differs from it is "non-standard wording". */
  canonical?: string;
}
