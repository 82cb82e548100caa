import { OffsetMap } from '../../src/core/offset-map.js';
import type { AdType, DocContext } from '../../src/core/types.js';
import { createScanner, scanDocument, type Tokenize } from '../../src/engine/index.js';
import { loadRuleFiles } from '../../src/rules/load.js';

/**
 * Forward maximum matching over a small word list, tagging listed words: a stand-in for jieba
 * that lets engine tests pin token boundaries exactly.
 */
export function dictTokenize(words: Record<string, string>): Tokenize {
  const max = Math.max(1, ...Object.keys(words).map((w) => w.length));
  return (text) => {
    const out = [];
    for (let i = 0; i < text.length; ) {
      let len = Math.min(max, text.length - i);
      while (len > 1 && !(text.slice(i, i + len) in words)) len--;
      const word = text.slice(i, i + len);
      out.push({ word, tag: words[word] ?? 'x', start: i, end: i + len });
      i += len;
    }
    return out;
  };
}

export const charTokenize = dictTokenize({});

export const CLASSIFY = `classify:
  adTypes:
    medical:
      - {regex: '[\\u4e00-\\u9fff]{1,8}(?:医院|诊所)', weight: 5}
    drug:
      - {terms: [胶囊, 药品], weight: 5}
  nonAd:
    deontic: {terms: [严禁, 不得], weight: 1}
    genre: {terms: [工作方案, 专项整治], weight: 3}
    issuer: {terms: [市场监管局], weight: 2}
  ad:
    contact: {regex: '电话[:：]?\\d+', weight: 3}
    voice: {terms: [本院], weight: 2}
`;

export function makeScanner(packYaml: string, extra: { path: string; text: string }[] = []) {
  return createScanner(
    loadRuleFiles([
      { path: 'classify.yaml', text: CLASSIFY },
      { path: 'pack.yaml', text: packYaml },
      ...extra,
    ]),
  );
}

export function scan(
  scanner: ReturnType<typeof makeScanner>,
  text: string,
  opts: { adTypes?: AdType[]; context?: DocContext; tokenize?: Tokenize } = {},
) {
  const field = { name: 'body' as const, text, normMap: OffsetMap.identity(text.length), extracted: text, extractMap: OffsetMap.identity(text.length) };
  return scanDocument({ original: text, fields: [field] }, scanner, { tokenize: opts.tokenize ?? charTokenize, adTypes: opts.adTypes, context: opts.context, today: new Date(Date.UTC(2026, 10, 23)) });
}

/** A one-rule pack around `match` (YAML for the match block, indented by 6). */
export function pack(match: string, extra = ''): string {
  return `pack: t
rules:
  - id: r
    category: cure-guarantee
    severity: error
    adTypes: [all]
    message: 'm {match}'
    law: [l]
    suggestion: s
    match:
${match}
${extra}    examples:
      bad: [x]
      good: [y]
`;
}
