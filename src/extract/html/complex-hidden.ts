import { createRequire } from 'node:module';
import type { load as Load } from 'cheerio/slim';
import type { parse as Parse, Selector } from 'css-what';
import type { AnyNode, Document } from 'domhandler';
import type { DomNode } from './dom.js';
import type { HiddenSelectors } from './hidden.js';

const require = createRequire(import.meta.url);

/**
 * Resolves the hiding rules whose selectors are more than a class or id (`.box > span`,
 * `#ad p:first-child`) with cheerio's CSS engine, over the tree extraction already built
 * (parse-tree.ts builds cheerio's own node types), so no page is parsed twice. A selector
 * cheerio cannot read (browser-specific pseudo-classes and the like) is skipped, as a browser
 * would skip it.
 *
 * A site's style sheet holds dozens of such rules and a query walks the whole tree, so each
 * selector is first narrowed down with an index of the page built in one walk: a selector
 * one of whose compounds names an id, class or tag the page lacks matches nothing, and the
 * others are tested only on the elements that can be their subject (those carrying the key
 * of the last compound: `.nav .sub span` → every <span>), ancestors included, by cheerio.
 */
export function resolveComplexSelectors(root: Document & DomNode, selectors: HiddenSelectors): void {
  if (selectors.complex.length === 0) return;
  // cheerio is loaded on the first page that needs it: most pages have no such rule.
  const { load } = require('cheerio/slim') as { load: typeof Load };
  const { parse } = require('css-what') as { parse: typeof Parse };
  const planned = selectors.complex.map((c) => {
    try {
      return { ...c, keys: compoundKeys(parse(c.selector)) };
    } catch {
      return null; // unreadable: skipped, as a browser skips it
    }
  });
  const wanted = new Set<string>();
  for (const p of planned) for (const k of p?.keys ?? []) if (k !== null) wanted.add(k);
  const index = indexElements(root, wanted);
  const $ = load(root, null, false);
  for (const p of planned) {
    if (p === null) continue;
    const { selector, why, keys } = p;
    let matched;
    try {
      if (keys === null) matched = $(selector);
      else {
        if (keys.some((k) => k !== null && !index.has(k))) continue;
        const subject = keys[keys.length - 1];
        matched = subject ? $(index.get(subject)! as unknown as AnyNode[]).filter(selector) : $(selector);
      }
    } catch {
      continue;
    }
    matched.each((_, el) => {
      const node = el as unknown as DomNode;
      if (!selectors.byElement.has(node)) selectors.byElement.set(node, why);
    });
  }
}

type ElementIndex = Map<string, DomNode[]>;

const COMBINATORS = new Set(['descendant', 'child', 'sibling', 'adjacent', 'parent', 'column-combinator']);
// jQuery's positional pseudo-classes mean something else on a filtered set than in a query.
const POSITIONAL = new Set(['first', 'last', 'eq', 'nth', 'gt', 'lt', 'even', 'odd']);

/**
 * For each compound of a selector, left to right, the index key an element matching it must
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

/** The key every element a selector matches must carry (its last compound's), or null. */
export function subjectKey(parsed: Selector[][]): string | null {
  return compoundKeys(parsed)?.at(-1) ?? null;
}

/** The elements under `root` carrying each wanted key: by id (`#x`), class (`.x`) or tag. */
function indexElements(root: DomNode, wanted: ReadonlySet<string>): ElementIndex {
  const index: ElementIndex = new Map();
  if (wanted.size === 0) return index;
  const add = (key: string, el: DomNode) => {
    if (!wanted.has(key)) return;
    const list = index.get(key);
    if (list) list.push(el);
    else index.set(key, [el]);
  };
  const anyClass = [...wanted].some((k) => k.startsWith('.'));
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    const attribs = node.attribs;
    if (!attribs || node.name === undefined) continue;
    add(node.name, node);
    if (attribs.id) add(`#${attribs.id}`, node);
    if (anyClass && attribs.class) {
      const seen = new Set<string>();
      for (const c of attribs.class.split(/[ \t\n\f\r]+/u)) {
        if (c && !seen.has(c)) {
          seen.add(c);
          add(`.${c}`, node);
        }
      }
    }
  }
  return index;
}
