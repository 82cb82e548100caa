import type { AdType } from '../core/types.js';
import { AhoCorasick } from '../rules/aho-corasick.js';
import type { ClassifyData, Indicator } from '../rules/schema.js';

/** One weighted signal: which score it feeds and how to find it. */
export interface CompiledIndicator {
  group: 'adType' | 'nonAd' | 'ad';
  /** Ad type (group adType) or family name (groups nonAd/ad). */
  name: string;
  weight: number;
  regex: RegExp | null;
  supportOnly: boolean;
  /** Every match holds one of these, at most ANCHOR_REACH characters in (see regex-matches.ts). */
  anchors: string[] | null;
  /** `regex` as a sticky regex, tried at single positions near anchors. */
  sticky: RegExp | null;
  /** Non-ad families: the commercial families such a document prints itself (see Indicator). */
  explains: string[];
}

export interface CompiledClassifier {
  indicators: CompiledIndicator[];
  automaton: AhoCorasick;
  /** For each automaton pattern, the indicators it belongs to. */
  owners: number[][];
  /** For each automaton pattern, the regex indicators it is an anchor of. */
  anchorOf: number[][];
  /** The indicators with a regex, in order: the regexes are run one after the other. */
  regexIndicators: number[];
}

export function compileClassifier(data: ClassifyData): CompiledClassifier {
  const indicators: CompiledIndicator[] = [];
  const patterns: string[] = [];
  const owners: number[][] = [];
  const anchorOf: number[][] = [];
  const termIndex = new Map<string, number>();
  const pattern = (t: string): number => {
    let p = termIndex.get(t);
    if (p === undefined) {
      p = patterns.length;
      patterns.push(t);
      owners.push([]);
      anchorOf.push([]);
      termIndex.set(t, p);
    }
    return p;
  };

  const add = (group: CompiledIndicator['group'], name: string, ind: Indicator) => {
    const id = indicators.length;
    const anchored = Boolean(ind.regex && ind.anchors?.length);
    indicators.push({
      group,
      name,
      weight: ind.weight,
      regex: ind.regex ? new RegExp(ind.regex, 'gu') : null,
      supportOnly: ind.supportOnly === true,
      anchors: anchored ? ind.anchors! : null,
      sticky: anchored ? new RegExp(ind.regex!, 'uy') : null,
      explains: ind.explains ?? [],
    });
    for (const t of ind.terms ?? []) owners[pattern(t)]!.push(id);
    if (ind.regex) for (const a of ind.anchors ?? []) anchorOf[pattern(a)]!.push(id);
  };
  for (const [type, list] of Object.entries(data.adTypes) as [AdType, Indicator[]][]) {
    for (const ind of list) add('adType', type, ind);
  }
  for (const [family, ind] of Object.entries(data.nonAd)) add('nonAd', family, ind);
  for (const [family, ind] of Object.entries(data.ad)) add('ad', family, ind);
  const regexIndicators = indicators.flatMap((ind, i) => (ind.regex ? [i] : []));
  return { indicators, automaton: new AhoCorasick(patterns), owners, anchorOf, regexIndicators };
}
