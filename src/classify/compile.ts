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
  /** The regex runs only on texts holding one of these. */
  anchors: string[] | null;
}

export interface CompiledClassifier {
  indicators: CompiledIndicator[];
  automaton: AhoCorasick;
  /** For each automaton pattern, the indicators it belongs to. */
  owners: number[][];
}

export function compileClassifier(data: ClassifyData): CompiledClassifier {
  const indicators: CompiledIndicator[] = [];
  const patterns: string[] = [];
  const owners: number[][] = [];
  const termIndex = new Map<string, number>();

  const add = (group: CompiledIndicator['group'], name: string, ind: Indicator) => {
    const id = indicators.length;
    indicators.push({ group, name, weight: ind.weight, regex: ind.regex ? new RegExp(ind.regex, 'gu') : null, supportOnly: ind.supportOnly === true, anchors: ind.anchors ?? null });
    for (const t of ind.terms ?? []) {
      let p = termIndex.get(t);
      if (p === undefined) {
        p = patterns.length;
        patterns.push(t);
        owners.push([]);
        termIndex.set(t, p);
      }
      owners[p]!.push(id);
    }
  };
  for (const [type, list] of Object.entries(data.adTypes) as [AdType, Indicator[]][]) {
    for (const ind of list) add('adType', type, ind);
  }
  for (const [family, ind] of Object.entries(data.nonAd)) add('nonAd', family, ind);
  for (const [family, ind] of Object.entries(data.ad)) add('ad', family, ind);
  return { indicators, automaton: new AhoCorasick(patterns), owners };
}
