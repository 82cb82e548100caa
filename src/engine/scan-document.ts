import { classify, findNumbers, type Classification, type CompiledClassifier, type FoundNumber } from '../classify/index.js';
import { LineIndex } from '../core/line-index.js';
import type { AdType, DocContext, DocumentResult, FieldName, Finding, SuppressedFinding } from '../core/types.js';
import type { CompiledRule, CompiledRuleSet } from '../rules/compile.js';
import { searchTerms } from '../rules/wildcard.js';
import { evaluateMatcher } from './evaluate-matcher.js';
import { locate, makeSnippet, placeSpan, type FieldMaps, type PlacedSpan } from './locate.js';
import { maskText } from './mask.js';
import { mentionReason } from '../core/mention.js';
import { runCheck } from './number-checks.js';
import type { CertRegistry } from './numbers/registry.js';
import { findStatements, runStatementCheck } from './statement-checks.js';
import { capSeverity, dedupe, rawFinding, type RawFinding } from './raw-finding.js';
import { SentenceContext, type Tokenize } from './sentence-context.js';
import { clauseAround, splitSentences, type Span } from '../core/sentences.js';

export interface EngineField extends FieldMaps {
  name: FieldName;
  /** Normalised text: what rules see. */
  text: string;
}

export interface EngineInput {
  /** The decoded original input, for line/column positions. */
  original: string;
  fields: EngineField[];
}

export interface Scanner {
  rules: CompiledRuleSet;
  classifier: CompiledClassifier;
}

export interface ScanOptions {
  tokenize: Tokenize;
  /** `--ad-type`: overrides detection. */
  adTypes?: AdType[];
  /** Reference date for plausibility and validity checks. */
  today?: Date;
  /**
   * Whether `today` is the known publication or inspection date (`--as-of`). A crawled page's
   * publication date is unknown: measured against the scan date, expiry is only a hint (info).
   */
  asOfKnown?: boolean;
  /** `--cert-registry`: numbers are also checked against what was actually issued. */
  registry?: CertRegistry;
  /** Forces the document context (rule examples are tested as ads). */
  context?: DocContext;
}

export type EngineResult = Pick<DocumentResult, 'adTypes' | 'context' | 'evidence' | 'findings' | 'suppressed'> & {
  classification: Classification;
};

/** Scans one document's fields with a compiled rule set: pure apart from the injected tokenizer. */
export function scanDocument(input: EngineInput, scanner: Scanner, options: ScanOptions): EngineResult {
  const today = options.today ?? new Date();
  const { fields } = input;
  const numbers: FoundNumber[][] = [];
  for (const f of fields) numbers.push(findNumbers(f.text));
  const detected = classify(fields, numbers, scanner.classifier, options.adTypes);
  const cls = options.context ? { ...detected, context: options.context } : detected;
  const raw: RawFinding[] = [];

  // Loops rather than array callbacks in this per-document code: a callback is a new
  // function for every document, and V8 drops the compiled code of functions no longer alive
  // at each full garbage collection, so each was compiled again and again in a long batch.
  const whole = fields.map(fieldText).join('\n');
  // Many rules share a document condition (a YAML anchor): each distinct one is tested once.
  const tested = new Map<string, boolean>();
  const applicable: CompiledRule[] = [];
  for (const r of scanner.rules.rules) {
    if (!appliesTo(r, cls.adTypes)) continue;
    if (r.whenDocument && !holds(r.whenDocument, whole, tested)) continue;
    if (r.whenAbsent && holds(r.whenAbsent, whole, tested)) continue;
    applicable.push(r);
  }
  const contentRules: CompiledRule[] = [];
  const checkRules: CompiledRule[] = [];
  for (const r of applicable) {
    if (r.matcher) contentRules.push(r);
    if (r.check) checkRules.push(r);
  }
  // Statutory statements are found once: masked for content rules, required by checks.
  const statements = findStatements(fields, scanner.rules.masks);
  if (contentRules.length > 0) {
    const plan = matchPlan(scanner.rules, contentRules);
    for (let fi = 0; fi < fields.length; fi++) {
      const spans: Span[] = [...numbers[fi]!];
      for (const st of statements) if (st.field === fi) spans.push(st);
      const masked = maskText(fields[fi]!.text, spans);
      for (const f of matchField(masked, fi, plan, scanner.rules, options.tokenize, cls)) raw.push(f);
    }
  }
  for (const rule of checkRules) {
    const check = rule.check!;
    if (check.name === 'require-statement') raw.push(...runStatementCheck(rule, check.statements, statements, scanner.rules.masks, cls));
    else raw.push(...runCheck(rule, numbers, cls, { today, asOfKnown: options.asOfKnown ?? false, registry: options.registry, documentText: whole }));
  }

  const shown: RawFinding[] = [];
  const hidden: RawFinding[] = [];
  for (const f of raw) {
    applyContext(f, cls);
    (f.suppressedBy ? hidden : shown).push(f);
  }
  const lines = new LineIndex(input.original);
  // Repeats are collapsed before findings are built: a page may name 胃病 a hundred times.
  const findings: Finding[] = [];
  for (const { placed, occurrences } of collapseRepeats(placeAll(dedupe(shown), input))) {
    const finding = buildFinding(placed, input, lines);
    if (occurrences > 1) finding.occurrences = occurrences;
    findings.push(finding);
  }
  const suppressed: SuppressedFinding[] = [];
  for (const p of placeAll(dedupe(hidden), input)) suppressed.push({ ...buildFinding(p, input, lines), suppressedBy: p.raw.suppressedBy! });
  return { adTypes: cls.adTypes, context: cls.context, evidence: cls.evidence, findings, suppressed, classification: cls };
}

const fieldText = (f: EngineField): string => f.text;

/** Whether a document condition holds for the document's text, each distinct one tested once. */
function holds(re: RegExp, whole: string, tested: Map<string, boolean>): boolean {
  let v = tested.get(re.source);
  if (v === undefined) tested.set(re.source, (v = re.test(whole)));
  return v;
}

/** Whether a match lies inside one of a field's blocks (site chrome, non-ad paragraphs). */
function insideBlock(blocks: readonly { field: number; start: number; end: number }[], field: number, m: Span): boolean {
  for (const b of blocks) if (b.field === field && m.start >= b.start && m.end <= b.end) return true;
  return false;
}

/** A rule applies when it covers one of the ad types; with no known type every rule runs (capped later). */
function appliesTo(rule: CompiledRule, adTypes: AdType[]): boolean {
  if (!rule.adTypes || adTypes.length === 0) return true;
  return adTypes.some((t) => rule.adTypes!.has(t));
}

/**
 * What every field of one document is matched with: which rules apply (a flag per rule of the
 * set), those without anchors, and the marks that collect a sentence's woken rules. Made once
 * per document: a page has dozens of fields (alt texts), most of them a few words long.
 */
interface MatchPlan {
  applicable: Uint8Array;
  unanchored: CompiledRule[];
  /** Per rule, the number of the sentence that last took it (see matchField). */
  seen: Int32Array;
  /** Sentences numbered so far, over all fields: numbers never repeat within the document. */
  sentences: number;
}

function matchPlan(ruleSet: CompiledRuleSet, rules: CompiledRule[]): MatchPlan {
  const { position } = ruleIndex(ruleSet);
  const applicable = new Uint8Array(ruleSet.rules.length);
  for (const r of rules) applicable[position.get(r)!] = 1;
  return { applicable, unanchored: rules.filter((r) => r.anchors === null), seen: new Int32Array(ruleSet.rules.length).fill(-1), sentences: 0 };
}

/** Content rules over one field's text, statements and numbers already masked. */
function matchField(
  masked: string,
  fieldIndex: number,
  plan: MatchPlan,
  ruleSet: CompiledRuleSet,
  tokenize: Tokenize,
  cls: Classification,
): RawFinding[] {
  if (masked.length === 0) return [];
  const { applicable, unanchored, seen } = plan;
  const terms = searchTerms(ruleSet.automaton, masked);
  // A field without a single anchor term (most alt texts and menu entries) wakes no rule.
  if (terms.length === 0 && unanchored.length === 0) return [];
  const sentences = splitSentences(masked);
  const hitsBySentence: (Map<number, Span[]> | undefined)[] = new Array(sentences.length);
  // Hits come ordered by end, so the sentence holding each one's last unit only moves forward.
  // Sentences cover the text without gaps: a hit starting before that sentence spans two.
  let si = 0;
  for (const hit of terms) {
    while (sentences[si]!.end < hit.end) si++;
    if (hit.start < sentences[si]!.start) continue; // a term never spans two sentences
    let bucket = hitsBySentence[si];
    if (!bucket) hitsBySentence[si] = bucket = new Map();
    const list = bucket.get(hit.pattern);
    if (list) list.push(hit); // an AcHit is a Span (with its pattern): no copy
    else bucket.set(hit.pattern, [hit]);
  }

  const { byTerm } = ruleIndex(ruleSet);
  const out: RawFinding[] = [];
  // The rules a sentence wakes, in rule order, without duplicates: `seen` holds the number of
  // the sentence that last took each rule (cheaper than a Set per sentence).
  const woken: number[] = [];
  const first = plan.sentences;
  plan.sentences += sentences.length;
  for (let sn = 0; sn < sentences.length; sn++) {
    const span = sentences[sn]!;
    const hits = hitsBySentence[sn];
    // Most sentences of a page (menus, notices, plain prose) wake no rule at all.
    if (!hits && unanchored.length === 0) continue;
    woken.length = 0;
    const mark = first + sn;
    if (hits) {
      for (const id of hits.keys()) {
        const list = byTerm[id];
        if (list === undefined) continue;
        for (const i of list) {
          if (applicable[i] && seen[i] !== mark) {
            seen[i] = mark;
            woken.push(i);
          }
        }
      }
    }
    if (woken.length === 0 && unanchored.length === 0) continue;
    sortSmall(woken);
    const ctx = new SentenceContext(masked, span, hits ?? new Map(), tokenize);
    const candidates: CompiledRule[] = [];
    for (const i of woken) candidates.push(ruleSet.rules[i]!);
    for (const r of unanchored) candidates.push(r);
    for (const rule of candidates) {
      for (const m of evaluateMatcher(rule.matcher!, ctx)) {
        if (vetoed(rule, ctx, m)) continue;
        const f = rawFinding(rule, fieldIndex, m.start, m.end, rule.severity);
        if (rule.mention) {
          const why = mentionReason(masked, span, m);
          if (why) f.suppressedBy = why;
        }
        if (!f.suppressedBy && insideBlock(cls.chrome, fieldIndex, m)) {
          f.suppressedBy = 'site chrome: breadcrumb, menu or footer';
        }
        if (!f.suppressedBy && insideBlock(cls.nonAdBlocks, fieldIndex, m)) {
          f.suppressedBy = 'paragraph context: regulatory or news text on a mixed page';
        }
        out.push(f);
      }
    }
  }
  return out;
}

/** Ascending, in place: a sentence wakes a handful of rules, too few for sort's comparator calls to pay. */
function sortSmall(list: number[]): void {
  for (let i = 1; i < list.length; i++) {
    const v = list[i]!;
    let j = i - 1;
    while (j >= 0 && list[j]! > v) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = v;
  }
}

interface RuleIndex {
  /** Term id → the anchored rules it wakes up (positions in the rule set, i.e. rule order). */
  byTerm: (number[] | undefined)[];
  position: Map<CompiledRule, number>;
}

const ruleIndexes = new WeakMap<CompiledRuleSet, RuleIndex>();

/** Built once per compiled rule set, not per document: rules name hundreds of anchor terms. */
function ruleIndex(ruleSet: CompiledRuleSet): RuleIndex {
  let index = ruleIndexes.get(ruleSet);
  if (index) return index;
  index = { byTerm: new Array<number[] | undefined>(ruleSet.automaton.patterns.length), position: new Map() };
  const { byTerm } = index;
  ruleSet.rules.forEach((r, i) => {
    index!.position.set(r, i);
    for (const id of r.anchors ?? []) (byTerm[id] ??= []).push(i);
  });
  ruleIndexes.set(ruleSet, index);
  return index;
}

/** The rule's own allow-list: overlapping terms (根治术), text just before/after, the sentence. */
function vetoed(rule: CompiledRule, ctx: SentenceContext, m: Span): boolean {
  const u = rule.unless;
  if (!u) return false;
  if (u.overlaps.length && ctx.termSpans(u.overlaps).some((s) => s.start < m.end && m.start < s.end)) return true;
  if (u.before || u.after) {
    const clause = clauseAround(ctx.text, ctx.span, m.start, m.end);
    if (u.before && u.before.test(ctx.text.slice(clause.start, m.start))) return true;
    if (u.after && u.after.test(ctx.text.slice(m.end, clause.end))) return true;
  }
  return Boolean(u.sentence && u.sentence.test(ctx.sentence));
}

/** Document context decides what stands: non-ad documents only quote; unknown ones get warnings. */
function applyContext(f: RawFinding, cls: Classification): void {
  if (f.suppressedBy) return;
  if (!f.rule.contexts.has(cls.context)) {
    f.suppressedBy = `document context: ${cls.context} (non-ad score ${cls.contextScores.nonAd}, ad score ${cls.contextScores.ad})`;
    return;
  }
  if (cls.context === 'unknown' || cls.adTypes.length === 0) f.severity = capSeverity(f.severity, 'warning');
}

/** A finding taken back to the original input (see placeSpan); document-level ones have no span. */
interface Placed {
  raw: RawFinding;
  field: FieldName;
  span: PlacedSpan | null;
  /** Its start and end in the original, clamped to the input as LineIndex.position clamps them (0 without a span): the sort keys. */
  from: number;
  to: number;
}

function placeFinding(f: RawFinding, input: EngineInput): Placed {
  if (f.field === -1) return { raw: f, field: 'body', span: null, from: 0, to: 0 };
  const field = input.fields[f.field]!;
  const span = placeSpan(field, f.start, f.end);
  const length = input.original.length;
  return { raw: f, field: field.name, span, from: clamp(span.original[0], length), to: clamp(span.original[1], length) };
}

const clamp = (n: number, length: number): number => Math.max(0, Math.min(n, length));

/** The findings placed in the original and in report order (see byPlace). */
function placeAll(findings: readonly RawFinding[], input: EngineInput): Placed[] {
  const placed: Placed[] = [];
  for (const f of findings) placed.push(placeFinding(f, input));
  return placed.sort(byPlace);
}

const matchOf = (p: Placed): string => p.span?.match ?? '';

function buildFinding(p: Placed, input: EngineInput, lines: LineIndex): Finding {
  const f = p.raw;
  const spec = f.rule.spec;
  let loc;
  if (p.span === null) {
    const start = lines.position(0);
    // Show what the document is (its title or first line of text), not raw markup.
    const shown = input.fields.find((x) => x.extracted.trim() !== '')?.extracted ?? '';
    const first = shown.split(/\r?\n|\r/u).find((l) => l.trim() !== '')?.trim() ?? '';
    const { snippet } = makeSnippet(first.slice(0, 60), 0, 0);
    loc = { match: '', start, end: start, snippet, snippetMatch: [0, 0] as [number, number], field: p.field };
  } else {
    loc = { ...locate(lines, input.fields[f.field]!, p.span), field: p.field };
  }
  const message = spec.message
    .replaceAll('{match}', loc.match)
    .replaceAll('{detail}', f.detail ?? '')
    .replaceAll('{reason}', f.reason ?? '');
  const finding: Finding = {
    ruleId: f.rule.id,
    category: f.rule.category,
    severity: f.severity,
    message,
    match: loc.match,
    field: loc.field,
    start: loc.start,
    end: loc.end,
    snippet: loc.snippet,
    law: spec.law,
    suggestion: spec.suggestion,
  };
  if (f.reason) finding.reason = f.reason;
  finding.snippetMatch = loc.snippetMatch;
  return finding;
}

const FIELD_ORDER: FieldName[] = ['title', 'meta', 'body', 'alt'];

/** Stable order: position in the original, then field, end and rule id. */
function byPlace(a: Placed, b: Placed): number {
  return a.from - b.from || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field) || a.to - b.to || a.raw.rule.id.localeCompare(b.raw.rule.id);
}

/**
 * One gastro clinic page names 胃病 a dozen times: a reviewer needs the first place and a
 * count, not twelve identical warnings. Errors are all kept: each may need its own fix.
 */
function collapseRepeats(placed: Placed[]): { placed: Placed; occurrences: number }[] {
  const first = new Map<string, { placed: Placed; occurrences: number }>();
  const out: { placed: Placed; occurrences: number }[] = [];
  for (const p of placed) {
    const match = matchOf(p);
    if (p.raw.severity === 'error' || match === '') {
      out.push({ placed: p, occurrences: 1 });
      continue;
    }
    const key = `${p.raw.rule.id}\u0000${p.raw.severity}\u0000${match}`;
    const seen = first.get(key);
    if (seen) seen.occurrences++;
    else {
      const entry = { placed: p, occurrences: 1 };
      first.set(key, entry);
      out.push(entry);
    }
  }
  return out;
}
