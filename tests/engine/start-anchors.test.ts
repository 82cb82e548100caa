import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/cli/document-pipeline.js';
import { loadScanner } from '../../src/cli/load-scanner.js';
import { extract } from '../../src/extract/index.js';
import type { CompiledMatcher } from '../../src/rules/compile.js';
import { startAnchors } from '../../src/rules/compile.js';
import { leadingLiterals } from '../../src/rules/leading-literals.js';
import { makeScanner, pack, scan } from './helpers.js';

describe('leadingLiterals: what every match of a regex starts with', () => {
  it.each([
    ['根治(?![术性]|手术)', ['根治']],
    ['医广字?\\s*\\d', ['医广']],
    ['(?:患者|病友|顾客)\\s*(?:说|讲)', ['患者', '病友', '顾客']],
    ['保证治愈', ['保证治愈']],
    ['𠀀?愈', null],
    ['(?:患者|病友)?说', null],
    ['(?:患者|病友)+说', null],
    ['患者说|顾客讲', null],
    ['(?:患者|病友)说|顾客讲', null],
    ['(?:患者|[病]友)说', null],
    ['(?<!不)保证', null],
    ['[保]证', null],
    ['\\d+%', null],
    ['.治愈', null],
    ['', null],
  ])('%s → %j', (source, expected) => {
    expect(leadingLiterals(source)).toEqual(expected);
  });

  it('startAnchors needs an anchor at the head of every leading literal', () => {
    expect(startAnchors('(?:患者家属|病友)说', ['患者', '病友', '说'])).toEqual(['患者', '病友']);
    expect(startAnchors('(?:患者|病友)说', ['患者', '说'])).toBeNull();
    expect(startAnchors('保证治愈', ['治愈'])).toBeNull();
  });
});

describe('rule regexes tried only where their leading anchors are', () => {
  it('are used by the bundled rules', async () => {
    const { scanner } = await loadScanner({});
    const regexes: CompiledMatcher[] = [];
    const walk = (m: CompiledMatcher | null): void => {
      if (!m) return;
      if (m.kind === 'regex') regexes.push(m);
      if (m.kind === 'any' || m.kind === 'all') m.list.forEach(walk);
      if (m.kind === 'not') walk(m.matcher);
    };
    scanner.rules.rules.forEach((r) => walk(r.matcher));
    expect(regexes.filter((m) => m.kind === 'regex' && m.starts).length).toBeGreaterThanOrEqual(10);
  });

  it('find exactly what scanning every position finds, on every fixture and rule example', async () => {
    const fast = await loadScanner({});
    const full = await loadScanner({});
    // The same rules with the start anchors taken away: every regex scans its sentences whole.
    const strip = (m: CompiledMatcher | null): void => {
      if (!m) return;
      if (m.kind === 'regex') {
        delete m.starts;
        delete m.sticky;
      }
      if (m.kind === 'any' || m.kind === 'all') m.list.forEach(strip);
      if (m.kind === 'not') strip(m.matcher);
    };
    full.scanner.rules.rules.forEach((r) => strip(r.matcher));

    const texts: { uri: string; bytes: Uint8Array }[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(txt|html?)$/u.test(e.name)) texts.push({ uri: p, bytes: readFileSync(p) });
      }
    };
    walk(join(import.meta.dirname, '..', '..', 'fixtures'));
    for (const pack of fast.data.packs) {
      for (const rule of pack.rules) {
        for (const ex of [...(rule.examples?.bad ?? []), ...(rule.examples?.good ?? [])]) {
          const text = typeof ex === 'string' ? ex : ex.text;
          if (text.trim() !== '') texts.push({ uri: `${rule.id}.txt`, bytes: Buffer.from(text, 'utf8') });
        }
      }
    }
    expect(texts.length).toBeGreaterThan(500);
    const today = new Date('2026-11-28');
    let findings = 0;
    for (const doc of texts) {
      if (doc.bytes.length === 0) continue;
      const e = await extract(doc);
      const a = scanText(e.original, e.fields, fast.scanner, { tokenize: fast.tokenize, today, context: 'ad' });
      const b = scanText(e.original, e.fields, full.scanner, { tokenize: full.tokenize, today, context: 'ad' });
      const show = (r: typeof a) => [...r.findings, ...r.suppressed].map((f) => `${f.ruleId}@${f.start.offset}-${f.end.offset}`);
      expect(show(a), doc.uri).toEqual(show(b));
      findings += a.findings.length;
    }
    expect(findings).toBeGreaterThan(1000);
  });
});

describe('a rule regex tried at its leading anchors', () => {
  const rule = (regex: string, anchors: string) => makeScanner(pack(`      regex: '${regex}'\n      anchors: ${anchors}`));
  const spans = (scanner: ReturnType<typeof makeScanner>, text: string) =>
    scan(scanner, text, { context: 'ad' }).findings.map((f) => `${f.start.offset}-${f.end.offset}:${f.match}`);

  it('takes matches left to right without overlaps, as a scan from every position does', () => {
    const scanner = rule('保证[^。]{0,4}', '[保证]');
    expect(scanner.rules.rules[0]!.matcher).toMatchObject({ kind: 'regex', starts: [expect.any(Number)] });
    // The second 保证 lies inside the first match: no second finding starts there.
    expect(spans(scanner, '本院保证保证治愈。再次保证有效')).toEqual(['2-8:保证保证治愈', '11-15:保证有效']);
  });

  it('sees what comes before the anchor (lookbehind) as a full scan does', () => {
    const scanner = rule('(?:保证|承诺)(?<!不保证)治愈', '[保证, 承诺]');
    expect(spans(scanner, '我们不保证治愈，但承诺治愈')).toEqual(['9-13:承诺治愈']);
  });
});
