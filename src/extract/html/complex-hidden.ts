import { createRequire } from 'node:module';
import type { load as Load } from 'cheerio/slim';
import type { compile as Compile } from 'css-select';
import type { parse as Parse, Selector } from 'css-what';
import type { AnyNode, Document } from 'domhandler';
import type { DomNode } from './dom.js';
import { HTML_SPACE, PageKeys } from './page-keys.js';

const require = createRequire(import.meta.url);

/** One hiding rule of a page, tested on the elements that carry its subject key. */
interface Rule {
  /** Its place among the page's complex selectors: the first that matches gives the reason. */
  order: number;
  why: string;
  test: (el: DomNode) => boolean;
  /** The key of each compound (compoundKeys); null for a rule resolved by cheerio beforehand. */
  keys: (string | null)[] | null;
  /** Whether the page has every key (see PageKeys), once a match made it worth asking. */
  applies?: boolean;
}

/**
 * The hiding rules whose selectors are more than a class or id (`.box > span`,
 * `#ad p:first-child`), compiled once per page with css-select — cheerio's CSS engine — and
 * tested on each element as the body walk meets it, over the tree extraction already built
 * (parse-tree.ts builds cheerio's own node types). A selector css-select cannot read
 * (browser-specific pseudo-classes and the like) is skipped, as a browser would skip it.
 *
 * Each rule is filed under the key of its last compound (`.nav .sub span` → `span`, `#ad
 * p.x` → `.x`), so an element is tested only against the rules whose subject it can be:
 * those filed under its tag, id or classes. Selectors without such a key (`.a *`) are tested
 * on every element, as cheerio's query over the whole page would. Selector lists and
 * jQuery's positional pseudo-classes (`li:first`, `:not(:eq(2))`), which mean something only
 * over a set of elements, are resolved up front by cheerio itself.
 */
export class ComplexHiding {
  /** Rules by the tag, id or class (without `#` or `.`) of their subject. */
  private readonly byTag = new Map<string, Rule[]>();
  private readonly byId = new Map<string, Rule[]>();
  private readonly byClass = new Map<string, Rule[]>();
  private readonly anyElement: Rule[] = [];
  /** The rules filed under the classes of a class attribute: class lists repeat a lot on a page. */
  private readonly byClassList = new Map<string, Rule[] | null>();
  /** Reused to merge the rules an element may match, in order. */
  private readonly candidates: Rule[] = [];

  private constructor(private readonly keys: PageKeys) {}

  /** The page's complex rules, or null if none can apply. */
  static compile(root: DomNode, complex: readonly { selector: string; why: string }[]): ComplexHiding | null {
    if (complex.length === 0) return null;
    const { parse } = require('css-what') as { parse: typeof Parse };
    const { compile } = require('css-select') as { compile: typeof Compile };
    const rules = new ComplexHiding(new PageKeys(root));
    complex.forEach(({ selector, why }, order) => {
      const known = SHARED_TESTS.get(selector);
      if (known !== undefined) {
        if (known !== null) rules.file({ order, why, test: known.test, keys: known.keys }, known.keys[known.keys.length - 1]!);
        return;
      }
      // Parsed (and remembered) from a copy: the selector is cut from the page's text, and a
      // cut string, or any token parsed from it, would keep the whole page alive in the cache.
      const own = detached(selector);
      let parsed: Selector[][];
      try {
        parsed = parse(own);
      } catch {
        return remember(own, null); // unreadable: skipped, as a browser skips it
      }
      const keys = compoundKeys(parsed); // before compile(), which reorders the tokens in place
      // An empty id or class (`[id=""]`) is never among a page's keys.
      if (keys?.some((k) => k === '#' || k === '.')) return remember(own, null);
      if (keys === null || parsed.some((s) => s.some(isPositional))) {
        const matched = rules.resolveWithCheerio(root, selector, keys);
        if (matched === null || matched.size === 0) return;
        rules.anyElement.push({ order, why, test: (el) => matched.has(el), keys: null, applies: true });
        return;
      }
      const subject = keys[keys.length - 1] ?? null;
      let test: (el: DomNode) => boolean;
      try {
        // Compiled as cheerio compiles them: `$(candidates).filter(selector)` for a rule with a
        // subject key, `$(selector)` (a query from the document) for one without.
        const options = subject === null ? { context: [root as unknown as AnyNode] } : {};
        test = compile(parsed, options) as unknown as (el: DomNode) => boolean;
      } catch {
        return remember(own, null);
      }
      // Without a context the test depends on nothing of this page: later pages reuse it.
      if (subject !== null) remember(own, { test, keys });
      const rule: Rule = { order, why, test, keys };
      if (subject === null) rules.anyElement.push(rule);
      else rules.file(rule, subject);
    });
    return rules.byTag.size + rules.byId.size + rules.byClass.size + rules.anyElement.length > 0 ? rules : null;
  }

  /** Files a rule under the tag, id or class of its subject. */
  private file(rule: Rule, subject: string): void {
    if (subject.startsWith('#')) file(this.byId, subject.slice(1), rule);
    else if (subject.startsWith('.')) file(this.byClass, subject.slice(1), rule);
    else file(this.byTag, subject, rule);
  }

  /** Why the first rule matching `el` hides it, or null. */
  match(el: DomNode): string | null {
    const attribs = el.attribs;
    const byTag = this.byTag.get(el.name!);
    const byId = attribs?.id ? this.byId.get(attribs.id) : undefined;
    const byClass = attribs?.class ? this.rulesForClassList(attribs.class) : undefined;
    const any = this.anyElement.length > 0 ? this.anyElement : undefined;
    const lists = (byTag ? 1 : 0) + (byId ? 1 : 0) + (byClass ? 1 : 0) + (any ? 1 : 0);
    if (lists === 0) return null;
    // Mostly a single list applies, already in order; else they are merged into one.
    const rules = lists === 1 ? (byTag ?? byId ?? byClass ?? any)! : this.merge([byTag, byId, byClass, any]);
    for (const rule of rules) if (rule.test(el) && this.applies(rule)) return rule.why;
    return null;
  }

  private merge(lists: readonly (readonly Rule[] | undefined)[]): readonly Rule[] {
    const merged = this.candidates;
    merged.length = 0;
    for (const list of lists) if (list) merged.push(...list);
    return merged.sort(byOrder);
  }

  private applies(rule: Rule): boolean {
    rule.applies ??= !this.keys.oddClassSpacing || rule.keys!.every((k) => k === null || this.keys.has(k));
    return rule.applies;
  }

  /** The rules filed under any class of a class attribute (split at HTML whitespace), in order. */
  private rulesForClassList(cls: string): Rule[] | undefined {
    if (this.byClass.size === 0) return undefined;
    let rules = this.byClassList.get(cls);
    if (rules === undefined) {
      const merged: Rule[] = [];
      for (const c of new Set(cls.split(HTML_SPACE))) merged.push(...(this.byClass.get(c) ?? []));
      rules = merged.length > 0 ? merged.sort(byOrder) : null;
      this.byClassList.set(cls, rules);
    }
    return rules ?? undefined;
  }

  /**
   * What cheerio's query (or filter of the elements carrying the subject key) finds for a
   * selector css-select cannot test element by element; null when none or unreadable.
   */
  private resolveWithCheerio(root: DomNode, selector: string, keys: (string | null)[] | null): Set<DomNode> | null {
    if (keys !== null && keys.some((k) => k !== null && !this.keys.has(k))) return null;
    // cheerio is loaded on the first page that needs it: few pages have such a rule.
    const { load } = require('cheerio/slim') as { load: typeof Load };
    const $ = load(root as unknown as Document, null, false);
    const subject = keys?.[keys.length - 1] ?? null;
    try {
      const matched = subject ? $(this.keys.carrying(subject) as unknown as AnyNode[]).filter(selector) : $(selector);
      return new Set(matched.toArray() as unknown as DomNode[]);
    } catch {
      return null;
    }
  }
}

/**
 * Compiled tests of selectors with a subject key, by selector text, shared by every page
 * (null: a selector skipped for good, unreadable or never matching): crawled pages of one
 * site repeat the same style sheet, and a test compiled anew for each page ran as cold code
 * on each (css-select builds a fresh set of closures every time). Bounded: emptied when full.
 */
const SHARED_TESTS = new Map<string, { test: (el: DomNode) => boolean; keys: (string | null)[] } | null>();
const SHARED_TESTS_MAX = 1024;

/** A copy of `s` sharing no memory with the text it was cut from (V8 keeps a slice's whole parent). */
function detached(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function remember(selector: string, compiled: { test: (el: DomNode) => boolean; keys: (string | null)[] } | null): void {
  if (SHARED_TESTS.size >= SHARED_TESTS_MAX) SHARED_TESTS.clear();
  SHARED_TESTS.set(selector, compiled);
}

function file(index: Map<string, Rule[]>, key: string, rule: Rule): void {
  const list = index.get(key);
  if (list) list.push(rule);
  else index.set(key, [rule]);
}

function byOrder(a: Rule, b: Rule): number {
  return a.order - b.order;
}

const COMBINATORS = new Set(['descendant', 'child', 'sibling', 'adjacent', 'parent', 'column-combinator']);
// jQuery's positional pseudo-classes mean something else on a filtered set than in a query.
const POSITIONAL = new Set(['first', 'last', 'eq', 'nth', 'gt', 'lt', 'even', 'odd']);

/** A positional pseudo-class, or a `:not` holding one: what cheerio resolves over a set (cheerio-select's isFilter). */
function isPositional(t: Selector): boolean {
  if (t.type !== 'pseudo') return false;
  if (POSITIONAL.has(t.name)) return true;
  return t.name === 'not' && Array.isArray(t.data) && t.data.some((s) => s.some(isPositional));
}

/**
 * For each compound of a selector, left to right, the key an element matching it must
 * carry — `#id`, `.class` or its tag — or null where the compound names none (`[data-x]`,
 * `*`). Null for the whole selector when it is a list or uses jQuery's positional
 * pseudo-classes: those need a full query.
 */
export function compoundKeys(parsed: Selector[][]): (string | null)[] | null {
  if (parsed.length !== 1) return null;
  const tokens = parsed[0]!;
  if (tokens.some((t) => t.type === 'pseudo' && POSITIONAL.has(t.name))) return null;
  const keys: (string | null)[] = [];
  let id: string | null = null;
  let cls: string | null = null;
  let tag: string | null = null;
  const close = () => {
    keys.push(id ?? cls ?? tag);
    id = cls = tag = null;
  };
  for (const t of tokens) {
    if (COMBINATORS.has(t.type)) close();
    else if (t.type === 'attribute' && t.name === 'id' && t.action === 'equals' && t.ignoreCase !== true) id ??= `#${t.value}`;
    else if (t.type === 'attribute' && t.name === 'class' && t.action === 'element' && t.ignoreCase !== true) cls ??= `.${t.value}`;
    else if (t.type === 'tag' && t.namespace === null) tag ??= t.name.toLowerCase();
  }
  close();
  return keys;
}
