import type { NonAdBlock } from './index.js';

// Site chrome: the breadcrumb, navigation bars and footer a crawled page repeats on every
// page. A menu item 健康科普 or a breadcrumb 首页 > 健康资讯 says how the site is organised,
// not what this page claims, so content rules do not report inside these lines. (Their
// contact details still count for classification: a hospital's footer phone is its own.)

const BREADCRUMB = /^\s*(?:当前位置|您的位置|您现在的位置|所在位置|现在位置)\s*[:：]|^\s*首页\s*(?:>|&gt;|»|›|\/|→)/u;
const FOOTER = /版权所有|Copyright|©|ICP\s*备|ICP证|公网安备|网站地图|技术支持\s*[:：]|主办单位\s*[:：]|承办单位\s*[:：]|网站标识码|友情链接/iu;
/** Four or more short items separated by bars, dots or runs of spaces: a menu laid out inline. */
const MENU_SEPARATOR = /\s*[|｜丨·•]\s*|\s{2,}/u;
const MENU_ITEM = /^[\p{Script=Han}A-Za-z0-9]{1,8}$/u;

function isMenuLine(line: string): boolean {
  const items = line.trim().split(MENU_SEPARATOR).filter(Boolean);
  return items.length >= 4 && items.every((i) => MENU_ITEM.test(i));
}

/** Lines of each field that are site chrome, as [start, end) spans of that field's text. */
export function findChrome(fields: readonly { text: string }[]): NonAdBlock[] {
  const out: NonAdBlock[] = [];
  fields.forEach((f, field) => {
    let start = 0;
    for (const line of f.text.split('\n')) {
      if (line.length <= 200 && (BREADCRUMB.test(line) || FOOTER.test(line) || isMenuLine(line))) {
        out.push({ field, start, end: start + line.length });
      }
      start += line.length + 1;
    }
  });
  return out;
}
