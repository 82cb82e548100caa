import { mentionReason } from '../core/mention.js';
import { sentenceAround } from '../core/sentences.js';
import type { AcHit } from '../rules/aho-corasick.js';
import { searchTerms } from '../rules/wildcard.js';
import type { CompiledClassifier } from './compile.js';
import { matchReader } from '../core/match-reader.js';
import { matchesNearAnchors } from './regex-matches.js';

/** Where an indicator matched: [start, end) of the text. */
export interface Occurrence {
  start: number;
  end: number;
}

interface RegexScan {
  found: Occurrence[];
  /** Reads the next match (null at the end); itself null once the scan reached the end. */
  next: (() => Occurrence | null) | null;
}

/** Above this length a (start, end) pair no longer fits a safe integer key: mentions are not remembered. */
const MENTION_KEYS = 2 ** 26;

/**
 * Where the classifier's indicators occur in one text, found once for every count taken of it
 * (the document's capped counts, the per-line counts of a mixed page): one automaton pass for
 * the terms, and each regex read only as far as a count asks. The document counts stop at the
 * cap, and only a mixed page reads on; a second scan of the text would find the same matches.
 */
export class Occurrences {
  /** Every automaton hit, as the automaton reports them (by end). */
  readonly terms: AcHit[];
  /** Where the automaton met each anchored regex indicator's anchors. */
  private readonly anchors = new Map<number, number[]>();
  private readonly scans: (RegexScan | undefined)[] = [];
  private mentions: Map<number, boolean> | undefined;

  constructor(
    readonly text: string,
    private readonly c: CompiledClassifier,
  ) {
    this.terms = searchTerms(c.automaton, text);
    for (const hit of this.terms) {
      for (const ind of c.anchorOf[hit.pattern]!) {
        const list = this.anchors.get(ind);
        if (list) list.push(hit.start);
        else this.anchors.set(ind, [hit.start]);
      }
    }
  }

  /** The k-th match (from 0) of regex indicator `ind`, or undefined past its last one. */
  regexMatch(ind: number, k: number): Occurrence | undefined {
    // An anchored indicator none of whose anchors occur has no match: most short fields.
    if (this.c.indicators[ind]!.sticky && !this.anchors.has(ind)) return undefined;
    let scan = this.scans[ind];
    if (!scan) this.scans[ind] = scan = { found: [], next: this.scanRegex(ind) };
    while (scan.found.length <= k && scan.next) {
      const o = scan.next();
      if (o === null) scan.next = null;
      else scan.found.push(o);
    }
    return scan.found[k];
  }

  /**
   * Whether a selling phrase at [start, end) is quoted inside a prohibition (不得含有“保证治愈”)
   * or otherwise mentioned rather than used (see mention.ts). Remembered: every count asks.
   */
  mentioned(start: number, end: number): boolean {
    const text = this.text;
    if (text.length >= MENTION_KEYS) return isMentioned(text, start, end);
    const key = start * (text.length + 1) + end;
    const m = (this.mentions ??= new Map());
    let v = m.get(key);
    if (v === undefined) m.set(key, (v = isMentioned(text, start, end)));
    return v;
  }

  /** A reader of the indicator's matches; null when there cannot be any (no anchor in the text). */
  private scanRegex(ind: number): (() => Occurrence | null) | null {
    const { regex, sticky } = this.c.indicators[ind]!;
    if (sticky) {
      const anchors = this.anchors.get(ind);
      if (!anchors) return null;
      const near = matchesNearAnchors(this.text, sticky, anchors);
      return () => {
        const r = near.next();
        return r.done ? null : occurrence(r.value.index, r.value.text);
      };
    }
    const read = matchReader(this.text, regex!);
    return () => {
      const m = read();
      return m === null ? null : occurrence(m.index, m[0]);
    };
  }
}

/** A match as an occurrence: `(?:^|\n)…` matches from the line break before the line it is about. */
function occurrence(index: number, match: string): Occurrence {
  return { start: match.startsWith('\n') ? index + 1 : index, end: index + match.length };
}

function isMentioned(text: string, start: number, end: number): boolean {
  return mentionReason(text, sentenceAround(text, start, end), { start, end }, { questions: true }) !== null;
}
