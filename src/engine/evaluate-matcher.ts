import type { CompiledMatcher, CompiledTokenPattern } from '../rules/compile.js';
import type { Token } from '../segment/index.js';
import { concatSpans, NO_SPANS, type SentenceContext } from './sentence-context.js';
import { clauseEndAt, type Span } from '../core/sentences.js';
import { hasPlaceholder } from '../core/mask-placeholder.js';
import { wildcardRegexSpans } from '../rules/wildcard.js';
import { matchesOf } from '../core/match-reader.js';

const NONE = NO_SPANS;

/** Spans in the sentence where the matcher matches (offsets into the field text). */
export function evaluateMatcher(m: CompiledMatcher, ctx: SentenceContext): readonly Span[] {
  switch (m.kind) {
    case 'terms':
      return bounded(ctx.termSpans(m.terms), m.boundary, ctx);
    case 'regex':
      if (m.anchors && !anyHit(m.anchors, ctx)) return NONE;
      // An unfillable mask left a placeholder in the sentence: see rules/wildcard.ts.
      if (m.wildcard && hasPlaceholder(ctx.sentence)) return bounded(wildcardRegexSpans(m.re, ctx.sentence, ctx.span.start), m.boundary, ctx);
      if (m.starts) return bounded(stickySpans(m.sticky!, m.starts, ctx), m.boundary, ctx);
      return bounded(regexSpans(m.re, ctx), m.boundary, ctx);
    case 'near':
      return bounded(nearSpans(m, ctx), m.boundary, ctx);
    case 'sequence':
      // Segmenting is the costly step: skip it when a required word is not even in the text.
      if (!requiredWordsPresent(m.elements, ctx.sentence)) return NONE;
      return sequenceSpans(m.elements, ctx.tokens());
    case 'any':
      return anySpans(m.list, ctx);
    case 'all': {
      let first: readonly Span[] | null = null;
      for (const x of m.list) {
        if (x.kind === 'not') {
          if (evaluateMatcher(x.matcher, ctx).length > 0) return NONE;
          continue;
        }
        const spans = evaluateMatcher(x, ctx);
        if (spans.length === 0) return NONE;
        first ??= spans;
      }
      return first ?? NONE;
    }
    case 'not':
      // Validation only allows `not` inside `all`, which handles it above.
      return NONE;
  }
}

function anyHit(anchors: readonly number[], ctx: SentenceContext): boolean {
  for (const id of anchors) if (ctx.hits.has(id)) return true;
  return false;
}

/** Every alternative's spans, in list order (a new array only when two or more match). */
function anySpans(list: readonly CompiledMatcher[], ctx: SentenceContext): readonly Span[] {
  let out = NONE;
  for (const x of list) out = concatSpans(out, evaluateMatcher(x, ctx));
  return out;
}

function bounded(spans: readonly Span[], boundary: 'token' | 'none', ctx: SentenceContext): readonly Span[] {
  if (boundary !== 'token' || spans.length === 0) return spans;
  let kept: Span[] | null = null;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    const on = ctx.onTokenBoundaries(s.start, s.end);
    if (on && kept) kept.push(s);
    else if (!on && !kept) kept = spans.slice(0, i);
  }
  return kept ?? spans;
}

function regexSpans(re: RegExp, ctx: SentenceContext): readonly Span[] {
  let out: Span[] | null = null;
  const base = ctx.span.start;
  re.lastIndex = 0;
  for (const m of matchesOf(ctx.sentence, re)) {
    if (m[0].length === 0) continue;
    (out ??= []).push({ start: base + m.index, end: base + m.index + m[0].length });
  }
  return out ?? NONE;
}

/**
 * The spans regexSpans would find, for a regex whose every match starts with one of the
 * `starts` terms: the sticky regex is tried only where the automaton found one of them,
 * left to right, matches not overlapping. Lookbehinds see the sentence as in a full scan.
 */
function stickySpans(sticky: RegExp, starts: number[], ctx: SentenceContext): readonly Span[] {
  const at: number[] = [];
  for (const id of starts) {
    const hits = ctx.hits.get(id);
    if (hits) for (const s of hits) at.push(s.start);
  }
  if (at.length === 0) return NONE;
  if (at.length > 1) at.sort(ascending);
  const out: Span[] = [];
  const base = ctx.span.start;
  const sentence = ctx.sentence;
  let from = 0;
  for (const p of at) {
    const local = p - base;
    if (local < from) continue;
    sticky.lastIndex = local;
    const m = sticky.exec(sentence);
    if (m === null || m[0].length === 0) continue;
    out.push({ start: p, end: p + m[0].length });
    from = local + m[0].length;
  }
  sticky.lastIndex = 0;
  return out;
}

function nearSpans(m: Extract<CompiledMatcher, { kind: 'near' }>, ctx: SentenceContext): readonly Span[] {
  const as = ctx.termSpans(m.a);
  const bs = ctx.termSpans(m.b);
  if (as.length === 0 || bs.length === 0) return NONE;
  const out: Span[] = [];
  for (const a of as) {
    for (const b of bs) {
      if (m.ordered && b.start < a.end) continue;
      const [first, second] = a.start <= b.start ? [a, b] : [b, a];
      const gap = second.start - first.end;
      if (gap < 0 || gap > m.within) continue;
      if (crossesClause(ctx.text, first.end, second.start)) continue;
      out.push({ start: first.start, end: Math.max(first.end, second.end) });
    }
  }
  return out;
}

function crossesClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (clauseEndAt(text, i)) return true;
  return false;
}

function tokenMatches(p: CompiledTokenPattern, t: Token): boolean {
  if (p.words && !p.words.has(t.word)) return false;
  if (p.tags && !tagMatches(p.tags, t.tag)) return false;
  if (p.re && !p.re.test(t.word)) return false;
  return true;
}

/** A tag pattern ending in `*` matches by prefix (`n*` matches n, nr, ns, nz…). */
function tagMatches(tags: Set<string>, tag: string): boolean {
  if (tags.has(tag)) return true;
  for (const t of tags) if (t.endsWith('*') && tag.startsWith(t.slice(0, -1))) return true;
  return false;
}

/** Token sequences matching the patterns in order; optional elements may be skipped. */
/** Whether every non-optional element that names words has one of them somewhere in `text`. */
function requiredWordsPresent(elements: CompiledTokenPattern[], text: string): boolean {
  for (const e of elements) {
    if (e.optional || !e.words) continue;
    let any = false;
    for (const w of e.words) {
      if (text.includes(w)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

const ascending = (a: number, b: number): number => a - b;

/** The end (token index) of elements[e..] matched from token t, or null. */
function matchFrom(elements: readonly CompiledTokenPattern[], tokens: readonly Token[], e: number, t: number): number | null {
  if (e === elements.length) return t;
  const p = elements[e]!;
  if (t < tokens.length && tokenMatches(p, tokens[t]!)) {
    const r = matchFrom(elements, tokens, e + 1, t + 1);
    if (r !== null) return r;
  }
  return p.optional ? matchFrom(elements, tokens, e + 1, t) : null;
}

function sequenceSpans(elements: CompiledTokenPattern[], tokens: Token[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const end = matchFrom(elements, tokens, 0, i);
    if (end !== null && end > i) out.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end });
  }
  return out;
}
