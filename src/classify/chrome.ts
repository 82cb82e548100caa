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

/** 首页门诊介绍就诊指南… : links run together, or spaced once, after 首页 and with no sentence punctuation. */
const HOME_LED = /^\s*(?:网站首页|本站首页|首页)[\p{Script=Han}A-Za-z0-9 ]{4,80}$/u;

/** What every MENU_SEPARATOR match holds: a line without it is one item, and needs no split. */
const SEPARATED = /[|｜丨·•]|\s{2}/;

function isMenuLine(line: string): boolean {
  if (HOME_LED.test(line)) return true;
  if (!SEPARATED.test(line)) return false;
  const items = line.trim().split(MENU_SEPARATOR).filter(Boolean);
  return items.length >= 4 && items.every((i) => MENU_ITEM.test(i));
}

/** A menu laid out one item per line: a run of short labels that names a site's sections. */
const MENU_LABEL = /^\s*[\p{Script=Han}A-Za-z]{1,8}\s*$/u;
const SITE_SECTION = /^\s*(?:首页|网站首页|联系我们|关于我们|网站导航|就医指南|医院概况|医院简介|本站首页)\s*$/u;
const MENU_RUN = 5;
/** What menu labels end with; a run is trimmed to its first and last such label. */
const MENU_WORD = /(?:首页|概况|简介|介绍|团队|专家|科室|科普|资讯|新闻|动态|公告|联系我们|关于我们|路线|预约|指南|导航|服务|荣誉|文化|招聘|环境|设备|技术|案例|问答|咨询|中心|风采|活动|党建|信息公开)\s*$/u;

/** Lines of each field that are site chrome, as [start, end) spans of that field's text. */
export function findChrome(fields: readonly { text: string }[]): NonAdBlock[] {
  const out: NonAdBlock[] = [];
  // Loops, not callbacks: this runs per document (see scanDocument).
  for (let field = 0; field < fields.length; field++) {
    const lines = fields[field]!.text.split('\n');
    const starts: number[] = [];
    const chrome: boolean[] = [];
    let at = 0;
    for (const line of lines) {
      starts.push(at);
      at += line.length + 1;
      chrome.push(isChromeLine(line));
    }
    // Runs of short label lines that include a section name (首页, 联系我们…) are a menu.
    for (let i = 0; i < lines.length; ) {
      let j = i;
      let section = false;
      while (j < lines.length && MENU_LABEL.test(lines[j]!)) {
        if (!section && SITE_SECTION.test(lines[j]!)) section = true;
        j++;
      }
      if (j - i >= MENU_RUN && section) {
        let a = i;
        let b = j - 1;
        while (a < b && !MENU_WORD.test(lines[a]!)) a++;
        while (b > a && !MENU_WORD.test(lines[b]!)) b--;
        for (let k = a; k <= b; k++) chrome[k] = true;
      }
      i = j > i ? j : i + 1;
    }
    for (let i = 0; i < lines.length; i++) if (chrome[i]) out.push({ field, start: starts[i]!, end: starts[i]! + lines[i]!.length });
  }
  return out;
}

function isChromeLine(line: string): boolean {
  return line.length <= 200 && (BREADCRUMB.test(line) || FOOTER.test(line) || isMenuLine(line));
}
