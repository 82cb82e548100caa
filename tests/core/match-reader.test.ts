import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileClassifier } from '../../src/classify/compile.js';
import { matchesOf, matchReader } from '../../src/core/match-reader.js';
import { loadRuleFiles } from '../../src/rules/load.js';

const repo = join(import.meta.dirname, '..', '..');
const files = (dir: string, ext: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path, ext);
    return ext.test(e.name) ? [path] : [];
  });
const classifier = compileClassifier(loadRuleFiles(files(join(repo, 'rules'), /\.yaml$/).map((path) => ({ path, text: readFileSync(path, 'utf8') }))).classify);
const texts = files(join(repo, 'fixtures'), /\.(txt|html?)$/).map((p) => readFileSync(p, 'utf8'));

const all = (text: string, re: RegExp) => {
  const read = matchReader(text, re);
  const out: [number, string][] = [];
  for (let m = read(); m; m = read()) out.push([m.index, m[0]]);
  return out;
};
const viaMatchAll = (text: string, re: RegExp) => [...text.matchAll(re)].map((m): [number, string] => [m.index, m[0]]);

describe('matchReader', () => {
  it('finds what matchAll finds, for every classification regex over the fixtures', () => {
    let compared = 0;
    for (const ind of classifier.indicators) {
      if (!ind.regex) continue;
      for (const text of texts) {
        const found = all(text, ind.regex);
        expect(found).toEqual(viaMatchAll(text, ind.regex));
        compared += found.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('steps over empty matches as matchAll does, by code point with the u flag', () => {
    for (const re of [/x*/gu, /x*/g, /(?=b)|😀/gu, /$/gu]) {
      for (const text of ['', 'a😀bx', '😀😀', 'xx\ud83d']) expect(all(text, re)).toEqual(viaMatchAll(text, re));
    }
  });

  it('reads on where it stopped, while other readers use the same regex, and leaves lastIndex at 0', () => {
    const re = /\d+/g;
    const a = matchReader('1 22 333', re);
    const b = matchReader('4 55', re);
    expect([a()?.[0], b()?.[0], a()?.[0], b()?.[0], b(), a()?.[0], a()]).toEqual(['1', '4', '22', '55', null, '333', null]);
    expect(re.lastIndex).toBe(0);
  });

  it('matchesOf iterates the same matches, and a loop left early leaves the regex reusable', () => {
    const re = /[\u4e00-\u9fff]{2}|x*/gu;
    for (const text of ['保证治愈x', '', '😀a保证', 'xx']) {
      expect([...matchesOf(text, re)].map((m) => [m.index, m[0]])).toEqual(viaMatchAll(text, re));
    }
    for (const m of matchesOf('保证治愈', /[\u4e00-\u9fff]/gu)) if (m.index === 1) break;
    const again = /\d/g;
    for (const m of matchesOf('123', again)) if (m[0] === '1') break;
    expect(again.lastIndex).toBe(0);
    expect([...matchesOf('123', again)].map((m) => m[0])).toEqual(['1', '2', '3']);
  });
});
