#!/usr/bin/env node
// Deterministic benchmark corpus for `npm run bench`, written straight to disk (nothing is
// held in memory but the list of file names, so a 1 GiB corpus is as feasible as a 4 MiB one):
//
//   <dir>/html/batch-NN/page-NNNNNN.html   CMS-style pages of hospital, pharmacy and health
//                                          sites: a head full of meta/link tags, inline CSS,
//                                          config scripts and JSON-LD, a header, a nested
//                                          dropdown menu, breadcrumbs, an article holding ad
//                                          copy cut from the bundled fixtures (on most pages)
//                                          among neutral health paragraphs, sidebars of linked
//                                          titles and thumbnails, SVG icons, a footer with link
//                                          columns, copyright and ICP line, trailing scripts.
//                                          Visible text is ~15–25% of the bytes, as on crawled
//                                          pages; sizes are log-uniform over ~20–200 KB; ~5% of
//                                          the pages are GBK-encoded with a meta charset.
//   <dir>/text/batch-N/ad-NNNNNN.txt       plain-text ad copy (~10% of the HTML's bytes)
//   <dir>/crawl.warc.gz                    one WARC/1.0 archive written by hand (warcinfo,
//                                          request and response records, each gzipped as a
//                                          member of its own) holding more pages of the same
//                                          kind (~10% of the HTML's bytes, uncompressed)
//
// The same seed and size give byte-identical files (checked by the digest over every file).
// Standalone: node scripts/bench/corpus.mjs --out DIR [--mb 4] [--seed 1]
// (prints the summary and, when adscan is built, the measured visible-text share).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { mulberry32 } from '../lib/random.mjs';
import * as V from './vocabulary.mjs';

const MiB = 1024 * 1024;

/** Seeded picking and shuffling for the corpus. */
export function rng(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const chance = (p) => next() < p;
  const shuffle = (arr) => {
    const out = [...arr];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const hex = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(next() * 16)];
    return s;
  };
  return { next, int, pick, chance, shuffle, hex };
}

/** An independent stream per part of the corpus (FNV-1a of seed and name), so parts do not shift each other. */
function streamSeed(seed, name) {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${name}`) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const utf8Length = (s) => Buffer.byteLength(s, 'utf8');
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s) => escapeHtml(s).replace(/"/g, '&quot;');
const pad = (n, width) => String(n).padStart(width, '0');

/**
 * A rough count of the UTF-8 bytes a reader would see in an HTML fragment (text outside
 * tags, alt attributes), used only to steer the generator towards its text share; the bench
 * measures the real share with adscan's own extractor.
 */
function estimateVisibleBytes(html) {
  const alts = [...html.matchAll(/\balt="([^"]*)"/g)].map((m) => m[1]).join('');
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .replace(/\s+/g, ' ');
  return utf8Length(text) + utf8Length(alts);
}

/** Reads the fixtures once and cuts them into reusable pieces of ad copy. */
export function loadFixtures(repoRoot) {
  const textDir = join(repoRoot, 'fixtures', 'ads', 'text');
  const pageDir = join(repoRoot, 'fixtures', 'ads', 'pages');
  const texts = readdirSync(textDir).filter((n) => n.endsWith('.txt')).sort()
    .map((n) => readFileSync(join(textDir, n), 'utf8').replace(/\r\n/g, '\n').trim());
  const pages = readdirSync(pageDir).filter((n) => n.endsWith('.html')).sort().map((n) => {
    const bytes = readFileSync(join(pageDir, n));
    const gbk = /charset\s*=\s*["']?(gb2312|gbk|gb18030)/i.test(bytes.toString('latin1'));
    return iconv.decode(bytes, gbk ? 'gbk' : 'utf8');
  });
  if (texts.length === 0 || pages.length === 0) throw new Error('fixtures/ads/text or fixtures/ads/pages is empty');

  // Text: runs of 1–4 consecutive lines keep some of the original coherence when reshuffled.
  const textLines = texts.map((t) => t.split('\n').map((l) => l.trim()).filter(Boolean));
  const titles = textLines.map((lines) => lines[0]);

  // HTML: the content blocks of the fixture pages (sections, main, article divs) and their
  // single-line leaf elements, without the fixtures' own headers, menus and footers.
  const blocks = [];
  const leaves = [];
  for (const page of pages) {
    const body = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(page)?.[1] ?? '';
    for (const m of body.matchAll(/<(section|main)\b[^>]*>[\s\S]*?<\/\1>|<div class="article">[\s\S]*?<\/div>/gi)) {
      blocks.push(m[0].replace(/^\s+/gm, ''));
    }
    for (const raw of body.split('\n')) {
      const line = raw.trim();
      const m = /^<(p|h1|h2|h3|dt|dd|li)\b[^>]*>.*<\/(\w+)>$/i.exec(line);
      if (m && m[1].toLowerCase() === m[2].toLowerCase()) {
        if (/^(li|dt|dd)$/i.test(m[1])) leaves.push(`<p>${line.replace(/<\/?(li|dt|dd)[^>]*>/gi, '')}</p>`);
        else if (/^h1$/i.test(m[1])) leaves.push(line.replace(/h1/gi, 'h2'));
        else leaves.push(line);
      } else if (/^<img\b[^>]*>$/i.test(line)) {
        leaves.push(`<p class="figure">${line}</p>`);
      }
    }
  }
  const sized = (html) => ({ html, vis: estimateVisibleBytes(html), bytes: utf8Length(html) });
  return { texts, textLines, titles, blocks: blocks.map(sized), leaves: leaves.map(sized) };
}

// ---- site furniture shared by every page ------------------------------------------------

const ICON_NAMES = ['search', 'phone', 'home', 'eye', 'wechat', 'weibo', 'qq', 'arrow', 'top', 'consult', 'clock', 'location'];

/** A pool of SVG icons (path data of plausible length), built once per corpus. */
function makeIcons(r) {
  const icons = {};
  for (const name of ICON_NAMES) {
    const paths = [];
    for (let p = 0, n = r.int(1, 2); p < n; p++) {
      let d = `M${r.int(0, 1024)}.${r.int(0, 9)} ${r.int(0, 1024)}.${r.int(0, 9)}`;
      for (let s = 0, n = r.int(4, 12); s < n; s++) {
        const c = r.pick(['C', 'c', 'L', 'l', 'Q', 'A']);
        const n = c === 'A' ? 7 : c.toLowerCase() === 'c' ? 6 : c === 'Q' ? 4 : 2;
        const nums = Array.from({ length: n }, () => `${r.chance(0.3) ? '-' : ''}${r.int(0, 999)}.${r.int(0, 99)}`);
        d += `${c}${nums.join(' ')}`;
      }
      paths.push(`<path d="${d}z" fill="#${r.hex(6)}"></path>`);
    }
    icons[name] = `<svg class="icon icon-${name}" viewBox="0 0 1024 1024" version="1.1" xmlns="http://www.w3.org/2000/svg" width="${r.pick([14, 16, 18, 20, 24])}" height="16" aria-hidden="true">${paths.join('')}</svg>`;
  }
  return icons;
}

const TRAILING_SCRIPTS = [
  `$(function () {
  $(".nav-item").hover(function () {
    $(this).addClass("on").find(".sub-nav").stop(true, true).slideDown(200);
  }, function () {
    $(this).removeClass("on").find(".sub-nav").stop(true, true).slideUp(150);
  });
  $(".tab-hd li").on("click", function () {
    var i = $(this).index();
    $(this).addClass("active").siblings().removeClass("active");
    $(this).closest(".tab").find(".tab-bd > div").eq(i).show().siblings().hide();
  });
  $(window).on("scroll", function () {
    $(".back-top").toggle($(this).scrollTop() > 600);
  });
  $(".back-top").on("click", function () { $("html,body").animate({ scrollTop: 0 }, 300); });
});`,
  `(function (w, d) {
  var el = d.getElementById("hits");
  if (!el) return;
  var xhr = new XMLHttpRequest();
  xhr.open("GET", "/plus/count.php?view=yes&aid=" + (w.__SITE_CONFIG__ || {}).articleId + "&mid=1", true);
  xhr.onreadystatechange = function () {
    if (xhr.readyState === 4 && xhr.status === 200) { el.innerHTML = xhr.responseText.replace(/[^0-9]/g, ""); }
  };
  xhr.send(null);
})(window, document);`,
  `var swiper = new Swiper(".swiper", {
  loop: true, autoplay: { delay: 4000, disableOnInteraction: false },
  pagination: { el: ".swiper-pagination", clickable: true },
  navigation: { nextEl: ".swiper-button-next", prevEl: ".swiper-button-prev" },
  lazy: { loadPrevNext: true }
});`,
  `(function () {
  var bp = document.createElement("script");
  var curProtocol = window.location.protocol.split(":")[0];
  bp.src = curProtocol === "https" ? "https://zz.example.invalid/push.js" : "http://push.example.invalid/push.js";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(bp, s);
})();`,
  `window.LR_next_invite_seconds = 30; window.LR_invite_text = "专家在线，点击咨询";
document.write('<script src="https://kf.example.invalid/JS/LsJS.aspx?siteid=LRW' + Math.floor(Math.random() * 1e6) + '&float=1&lng=cn"><\\/script>');`,
];

// ---- one page ---------------------------------------------------------------------------

/** Everything a page needs to stay deterministic and count its visible bytes. */
class Page {
  constructor(r, fx, icons, site) {
    this.r = r;
    this.fx = fx;
    this.icons = icons;
    this.site = site;
    this.vis = 0; // UTF-8 bytes of visible text emitted so far (estimate)
    this.adChunksLeft = 0;
  }

  /** Visible text: escaped and counted. */
  t(s) {
    this.vis += utf8Length(s);
    return escapeHtml(s);
  }

  date() {
    const r = this.r;
    return `20${r.int(19, 25)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`;
  }

  url(stem) {
    const r = this.r;
    return `/${stem ?? r.pick(V.MENU)[1]}/20${r.int(19, 25)}/${pad(r.int(1, 12), 2)}${pad(r.int(1, 28), 2)}/${r.int(1000, 99999)}.html`;
  }

  img() {
    const r = this.r;
    return `/uploads/allimg/${r.int(19, 25)}${pad(r.int(1, 12), 2)}/${r.int(1, 9)}-${r.int(19, 25)}${pad(r.int(1, 12), 2)}${pad(r.int(1, 28), 2)}${r.hex(6).toUpperCase()}-lp.${r.pick(['jpg', 'jpg', 'png', 'webp'])}`;
  }

  sentences(lo, hi) {
    let s = '';
    for (let i = this.r.int(lo, hi); i > 0; i--) s += this.r.pick(V.NEUTRAL_SENTENCES);
    return s;
  }

  css(budget) {
    const r = this.r;
    const minified = r.chance(0.4);
    const rules = [];
    let size = 0;
    while (size < budget) {
      let selector = `.${r.pick(V.CLASS_NAMES)}`;
      if (r.chance(0.5)) selector += ` .${r.pick(V.CLASS_NAMES)}`;
      selector += r.pick(V.CSS_PSEUDO);
      if (r.chance(0.15)) selector += `, .${r.pick(V.CLASS_NAMES)}${r.pick(V.CSS_PSEUDO)}`;
      const decls = Array.from({ length: r.int(2, 7) }, () => r.pick(V.CSS_DECLARATIONS).replace(/#(?![0-9a-f]{3})/g, () => String(r.int(1, 48))));
      let rule = minified ? `${selector}{${decls.join(';')}}` : `${selector} {\n  ${decls.join(';\n  ')};\n}`;
      if (r.chance(0.06)) rule = `@media (max-width: ${r.pick([640, 768, 1024, 1200])}px) {${minified ? '' : '\n'}${rule}${minified ? '' : '\n'}}`;
      rules.push(rule);
      size += rule.length + 1;
    }
    return `<style type="text/css">\n${rules.join('\n')}\n</style>`;
  }

  configScript(budget, ids) {
    const r = this.r;
    const menus = [];
    const config = {
      siteId: r.int(100, 9999),
      channelId: ids.channel,
      articleId: ids.article,
      cdn: `https://static.${this.site.host}.example`,
      api: { base: '/api/v2/', token: r.hex(32), timeout: 8000 },
      swt: { id: `LXK${r.int(10000000, 99999999)}`, invite: r.chance(0.7), delay: r.int(10, 60), text: '专家在线，点击咨询' },
      ab: { [`exp_${r.int(2023, 2025)}_nav`]: r.pick(['a', 'b']), [`exp_${r.int(2023, 2025)}_float`]: r.pick(['a', 'b', 'c']) },
      menus,
    };
    let size = 0;
    let id = 1;
    while (size < budget) {
      const [name, stem, subs] = r.pick(V.MENU);
      const entry = { id: id++, name, url: `/${stem}/`, target: '_self', children: subs.map((s, k) => ({ id: id * 100 + k, name: s, url: `/${stem}/${r.hex(4)}/`, icon: r.chance(0.3) ? `/static/images/ico-${r.hex(4)}.png` : null })) };
      menus.push(entry);
      size += JSON.stringify(entry).length;
    }
    return `<script type="text/javascript">\nwindow.__SITE_CONFIG__ = ${JSON.stringify(config)};\nvar _hmt = _hmt || [];\n(function () {\n  var hm = document.createElement("script");\n  hm.src = "https://hm.example.invalid/hm.js?${r.hex(32)}";\n  var s = document.getElementsByTagName("script")[0];\n  s.parentNode.insertBefore(hm, s);\n})();\n</script>`;
  }

  jsonLd(title, desc, url, date) {
    const r = this.r;
    const data = {
      '@context': 'https://schema.org',
      '@type': r.pick(['MedicalWebPage', 'Article', 'NewsArticle', 'WebPage']),
      headline: title,
      description: desc,
      url,
      datePublished: `${date}T${pad(r.int(7, 22), 2)}:${pad(r.int(0, 59), 2)}:00+08:00`,
      dateModified: `${date}T${pad(r.int(7, 22), 2)}:${pad(r.int(0, 59), 2)}:00+08:00`,
      image: [`https://www.${this.site.host}.example${this.img()}`],
      author: { '@type': 'Organization', name: this.site.name },
      publisher: { '@type': 'Organization', name: this.site.name, logo: { '@type': 'ImageObject', url: `https://www.${this.site.host}.example/static/images/logo.png` } },
      breadcrumb: { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: '首页', item: `https://www.${this.site.host}.example/` }, { '@type': 'ListItem', position: 2, name: this.site.section[0], item: `https://www.${this.site.host}.example/${this.site.section[1]}/` }] },
    };
    return `<script type="application/ld+json">${JSON.stringify(data, null, r.chance(0.5) ? 2 : 0)}</script>`;
  }

  head({ charset, title, desc, keywords, url, date, target, ids }) {
    const r = this.r;
    const host = `www.${this.site.host}.example`;
    const meta = charset === 'utf-8'
      ? '<meta charset="utf-8">'
      : `<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />`;
    const lines = [
      r.chance(0.7) ? '<!DOCTYPE html>' : '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
      '<html lang="zh-CN">',
      '<head>',
      meta,
      '<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">',
      '<meta name="renderer" content="webkit">',
      '<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no">',
      `<title>${this.t(`${title}_${this.site.section[0]}_${this.site.name}`)}</title>`,
      `<meta name="keywords" content="${escapeAttr(keywords)}">`,
      `<meta name="description" content="${escapeAttr(desc)}">`,
      '<meta name="applicable-device" content="pc,mobile">',
      `<meta name="mobile-agent" content="format=html5;url=https://m.${this.site.host}.example${url}">`,
      `<meta name="baidu-site-verification" content="code-${r.hex(10)}">`,
      '<meta property="og:type" content="article">',
      `<meta property="og:title" content="${escapeAttr(title)}">`,
      `<meta property="og:description" content="${escapeAttr(desc)}">`,
      `<meta property="og:image" content="https://${host}${this.img()}">`,
      `<meta property="og:url" content="https://${host}${url}">`,
      `<meta property="og:site_name" content="${escapeAttr(this.site.name)}">`,
      `<link rel="canonical" href="https://${host}${url}">`,
      `<link rel="alternate" media="only screen and (max-width: 640px)" href="https://m.${this.site.host}.example${url}">`,
      '<link rel="shortcut icon" href="/favicon.ico" type="image/x-icon">',
      `<link rel="preconnect" href="https://static.${this.site.host}.example">`,
    ];
    this.vis += utf8Length(keywords) + utf8Length(desc);
    for (const css of r.shuffle(['reset', 'common', 'style', 'index', 'article', 'swiper.min', 'iconfont', 'animate.min']).slice(0, r.int(3, 6))) {
      lines.push(`<link rel="stylesheet" type="text/css" href="https://static.${this.site.host}.example/static/css/${css}.css?v=${date.replace(/-/g, '')}${pad(r.int(1, 99), 2)}">`);
    }
    lines.push(this.css(Math.max(1500, Math.min(12000, Math.round(target * (0.04 + r.next() * 0.06))))));
    lines.push(this.configScript(Math.max(500, Math.min(5000, Math.round(target * (0.02 + r.next() * 0.03)))), ids));
    lines.push(this.jsonLd(title, desc, `https://${host}${url}`, date));
    for (const js of r.shuffle(['jquery-1.12.4.min', 'swiper.min', 'common', 'layer', 'jquery.lazyload.min', 'nav']).slice(0, r.int(2, 4))) {
      lines.push(`<script type="text/javascript" src="https://static.${this.site.host}.example/static/js/${js}.js"></script>`);
    }
    lines.push('</head>');
    return lines.join('\n');
  }

  header() {
    const r = this.r;
    const s = this.site;
    const menu = [`<li class="nav-item${r.chance(0.5) ? ' on' : ''}"><a class="nav-link" href="/" title="首页">${this.t('首页')}</a></li>`];
    for (const [name, stem, subs] of s.menu) {
      const items = r.shuffle(subs).slice(0, r.int(Math.min(3, subs.length), subs.length))
        .map((sub) => `      <li class="sub-item"><a class="sub-link" href="/${stem}/${r.hex(4)}/" title="${escapeAttr(sub)}" target="_self">${this.t(sub)}</a></li>`);
      menu.push(`<li class="nav-item dropdown"><a class="nav-link" href="/${stem}/" title="${escapeAttr(name)}">${this.t(name)}<i class="icon icon-arrow"></i></a>\n    <ul class="sub-nav dropdown-menu">\n${items.join('\n')}\n    </ul>\n  </li>`);
    }
    const tel = `400-${r.int(100, 999)}-${r.int(1000, 9999)}`;
    return `<body class="page-article ${s.section[1]}">
<div class="topbar"><div class="wrap clearfix"><span class="fl">${this.t(`您好，欢迎访问${s.name}官方网站！`)}</span><div class="fr"><a href="/member/login.html" rel="nofollow">${this.t('登录')}</a><span class="sep">|</span><a href="/member/reg.html" rel="nofollow">${this.t('注册')}</a><span class="sep">|</span><a href="/sitemap.html" title="网站地图">${this.t('网站地图')}</a></div></div></div>
<header class="header"><div class="wrap clearfix">
  <a class="logo fl" href="/" title="${escapeAttr(s.name)}"><img src="/static/images/logo.png" alt="${this.t(s.name)}" width="360" height="80"></a>
  <div class="search-box fl"><form action="/search/" method="get" target="_blank" name="formsearch"><input type="hidden" name="kwtype" value="0"><input type="text" class="search-input" name="q" placeholder="搜索疾病、药品、医生" autocomplete="off"><button type="submit" class="search-btn">${this.icons.search}</button></form></div>
  <div class="hotline fr">${this.icons.phone}<span>${this.t('咨询热线')}</span><strong>${this.t(tel)}</strong></div>
</div></header>
<nav class="nav"><div class="wrap">
<ul class="nav-list clearfix">
  ${menu.join('\n  ')}
</ul>
</div></nav>`;
  }

  breadcrumb() {
    const s = this.site;
    return `<div class="breadcrumb wrap">${this.icons.home}${this.t('您的位置：')}<a href="/">${this.t('首页')}</a> &gt; <a href="/${s.section[1]}/">${this.t(s.section[0])}</a> &gt; <span>${this.t('正文')}</span></div>`;
  }

  articleStart(title, date) {
    const r = this.r;
    return `<div class="main wrap clearfix">
<div class="content-left fl">
<article class="article">
<h1 class="article-title">${this.t(title)}</h1>
<div class="article-meta clearfix"><span class="source">${this.t(`来源：${this.site.name}`)}</span><span class="time">${this.icons.clock}${this.t(`${date} ${pad(r.int(7, 22), 2)}:${pad(r.int(0, 59), 2)}`)}</span><span class="views">${this.icons.eye}${this.t('阅读：')}<em id="hits">${this.t(String(r.int(100, 20000)))}</em></span>
<div class="share-bar fr">${this.t('分享到：')}<a class="share wx" href="javascript:;" title="分享到微信">${this.icons.wechat}</a><a class="share wb" href="javascript:;" title="分享到微博">${this.icons.weibo}</a><a class="share qq" href="javascript:;" title="分享到QQ">${this.icons.qq}</a></div></div>
<div class="article-body" id="content">`;
  }

  articleEnd() {
    const r = this.r;
    const tags = r.shuffle(V.DEPARTMENTS).slice(0, r.int(2, 5)).map((t) => `<a class="tag" href="/tags/${r.hex(6)}.html" target="_blank">${this.t(t)}</a>`);
    const prev = r.pick(V.ARTICLE_TITLES);
    const next = r.pick(V.ARTICLE_TITLES);
    return `</div>
<div class="article-tags">${this.t('标签：')}${tags.join('')}</div>
<div class="prev-next"><p>${this.t('上一篇：')}<a href="${this.url()}" title="${escapeAttr(prev)}">${this.t(prev)}</a></p><p>${this.t('下一篇：')}<a href="${this.url()}" title="${escapeAttr(next)}">${this.t(next)}</a></p></div>
</article>`;
  }

  /**
   * A chunk of the article body that is mostly text: ad copy while the page has some of its
   * budget of ad chunks left, else neutral paragraphs.
   */
  textChunk() {
    const r = this.r;
    const fx = this.fx;
    if (this.adChunksLeft > 0 && r.chance(0.4)) {
      this.adChunksLeft--;
      const roll = r.next();
      if (roll < 0.4) {
        const lines = r.pick(fx.textLines);
        const start = r.int(0, lines.length - 1);
        return `<p>${lines.slice(start, start + r.int(1, 4)).map((l) => this.t(l)).join('<br>\n')}</p>`;
      }
      if (roll < 0.6) {
        const leaf = r.pick(fx.leaves);
        this.vis += leaf.vis;
        return leaf.html;
      }
      if (roll < 0.8) {
        const block = r.pick(fx.blocks);
        this.vis += block.vis;
        return `<div class="ad-block">\n${block.html}\n</div>`;
      }
      const lines = r.pick(fx.textLines);
      return lines.map((l, k) => (k === 0 ? `<h3><strong>${this.t(l)}</strong></h3>` : `<p>${this.t(l)}</p>`)).join('\n');
    }
    const roll = r.next();
    if (roll < 0.12) return `<h2>${this.t(r.pick(V.ARTICLE_TITLES))}</h2>`;
    if (roll < 0.22) {
      return `<p style="text-align:center"><img src="${this.img()}" alt="${this.t(r.pick(V.ARTICLE_TITLES))}" width="${r.int(400, 750)}" height="${r.int(240, 480)}" style="max-width:100%;height:auto;" loading="lazy"></p>`;
    }
    if (roll < 0.5) {
      // What rich-text editors leave behind: inline styles on every paragraph and span.
      return `<p style="text-indent: 2em; line-height: 1.75em; margin-bottom: ${r.int(5, 15)}px;"><span style="font-family: 微软雅黑, &quot;Microsoft YaHei&quot;; font-size: ${r.pick([14, 15, 16])}px; color: rgb(${r.int(0, 80)}, ${r.int(0, 80)}, ${r.int(0, 80)});">${this.t(this.sentences(1, 4))}</span></p>`;
    }
    return `<p>${this.t(this.sentences(1, 5))}</p>`;
  }

  thumbItem() {
    const r = this.r;
    const t = r.pick(V.ARTICLE_TITLES);
    const href = this.url();
    return `<li class="thumb-item clearfix"><a class="thumb fl" href="${href}" title="${escapeAttr(t)}" target="_blank"><img class="lazy" src="/static/images/loading.gif" data-original="${this.img()}" alt="${this.t(t)}" width="120" height="80"></a><div class="info"><a class="item-title line-clamp-2" href="${href}" title="${escapeAttr(t)}" target="_blank">${this.t(t)}</a><span class="date"><i class="iconfont icon-time"></i>${this.t(this.date())}</span></div></li>`;
  }

  /** A chunk that is mostly markup: widgets, lists, cards, product grids, comments. */
  markupChunk() {
    const r = this.r;
    const heading = (title, stem) => `<div class="widget-title clearfix"><h3>${this.t(title)}</h3><a class="more fr" href="/${stem}/" title="更多">${this.t('更多')}&gt;&gt;</a></div>`;
    const roll = r.next();
    if (roll < 0.3) {
      const items = Array.from({ length: r.int(4, 10) }, () => this.thumbItem());
      return `<div class="widget hot-articles">${heading(r.pick(['热门文章', '推荐阅读', '最新资讯', '健康百科']), r.pick(V.MENU)[1])}<ul class="thumb-list">\n${items.join('\n')}\n</ul></div>`;
    }
    if (roll < 0.5) {
      const items = Array.from({ length: r.int(5, 12) }, () => {
        const t = r.pick(V.ARTICLE_TITLES);
        return `<li><i class="dot"></i><a class="text-ellipsis" href="${this.url()}" title="${escapeAttr(t)}" target="_blank">${this.t(t)}</a><span class="date fr">${this.t(this.date().slice(5))}</span></li>`;
      });
      return `<div class="related widget">${heading(r.pick(['相关文章', '猜你喜欢', '通知公告']), r.pick(V.MENU)[1])}<ul class="related-list">\n${items.join('\n')}\n</ul></div>`;
    }
    if (roll < 0.65) {
      const cards = Array.from({ length: r.int(2, 4) }, () => {
        const name = r.pick(V.DOCTOR_NAMES);
        const title = r.pick(V.DOCTOR_TITLES);
        const dept = r.pick(V.DEPARTMENTS);
        return `<div class="expert-card clearfix"><a class="avatar fl" href="/zjtd/${r.hex(6)}.html" title="${escapeAttr(name)}"><img src="${this.img()}" alt="${this.t(`${name} ${title}`)}" width="90" height="110"></a><div class="info"><p class="name"><strong>${this.t(name)}</strong><span class="tag">${this.t(title)}</span></p><p class="dept">${this.t(`科室：${dept}`)}</p><a class="btn btn-primary" href="/jyzn/yygh/?doctor=${r.hex(8)}" rel="nofollow">${this.icons.consult}${this.t('预约')}</a></div></div>`;
      });
      return `<div class="widget expert">${heading('专家团队', 'zjtd')}\n${cards.join('\n')}\n</div>`;
    }
    if (roll < 0.78) {
      const goods = Array.from({ length: r.int(4, 8) }, () => {
        const p = r.pick(V.PRODUCTS);
        return `<li class="goods-item"><a href="/ypsc/goods-${r.int(10000, 99999)}.html" title="${escapeAttr(p)}" target="_blank"><img class="lazy" src="/static/images/loading.gif" data-original="${this.img()}" alt="${this.t(p)}" width="160" height="160"></a><p class="goods-name text-ellipsis"><a href="/ypsc/goods-${r.int(10000, 99999)}.html" title="${escapeAttr(p)}">${this.t(p)}</a></p><p class="price"><span class="yen">&yen;</span><em>${this.t(`${r.int(5, 299)}.${pad(r.int(0, 99), 2)}`)}</em></p><a class="btn buy" href="javascript:;" data-sku="${r.hex(10)}" rel="nofollow">${this.t('加入购物车')}</a></li>`;
      });
      return `<div class="widget goods">${heading(r.pick(['热销药品', '为您推荐', '家庭常备']), 'ypsc')}<ul class="goods-list clearfix">\n${goods.join('\n')}\n</ul></div>`;
    }
    if (roll < 0.88) {
      const items = Array.from({ length: r.int(3, 6) }, () => `<li class="comment-item clearfix"><img class="avatar fl" src="/static/images/avatar/${r.int(1, 40)}.png" alt="" width="40" height="40"><div class="content"><p class="user"><span class="name">${this.t(r.pick(V.COMMENT_USERS))}</span><span class="date">${this.t(this.date())}</span></p><p class="text">${this.t(r.pick(V.COMMENT_TEXTS))}</p><p class="ops"><a href="javascript:;" class="like" data-id="${r.int(1000, 99999)}">${this.t(`赞(${r.int(0, 99)})`)}</a><a href="javascript:;" class="reply">${this.t('回复')}</a></p></div></li>`);
      return `<div class="comments widget">${heading('网友评论', 'pinglun')}<ul class="comment-list">\n${items.join('\n')}\n</ul></div>`;
    }
    const slides = Array.from({ length: r.int(2, 5) }, () => `<div class="swiper-slide"><a href="${this.url()}" target="_blank"><img src="${this.img()}" alt="${this.t(r.pick(V.ARTICLE_TITLES))}" width="300" height="160"></a></div>`);
    return `<div class="widget banner swiper"><div class="swiper-wrapper">\n${slides.join('\n')}\n</div><div class="swiper-pagination"></div><div class="swiper-button-prev"></div><div class="swiper-button-next"></div></div>`;
  }

  footer(scripts) {
    const r = this.r;
    const s = this.site;
    const columns = r.shuffle(V.MENU).slice(0, r.int(3, 5)).map(([name, stem, subs]) =>
      `<dl class="fl"><dt>${this.t(name)}</dt>${subs.slice(0, 5).map((sub) => `<dd><a href="/${stem}/${r.hex(4)}/" title="${escapeAttr(sub)}">${this.t(sub)}</a></dd>`).join('')}</dl>`);
    const friends = r.shuffle(V.FRIEND_LINKS).slice(0, r.int(4, 8)).map((f) => `<a href="https://${r.hex(6)}.example.invalid/" target="_blank" rel="nofollow">${this.t(f)}</a>`);
    const prov = r.pick(V.ICP_PROVINCES);
    return `<div class="float-consult"><a class="consult" href="javascript:;" onclick="openZoosUrl();return false;" title="在线咨询">${this.icons.consult}<span>${this.t('在线咨询')}</span></a><div class="qr-code"><img src="/static/images/qrcode.jpg" alt="${this.t('微信扫码关注')}" width="110" height="110"></div><a class="back-top" href="javascript:;" title="返回顶部">${this.icons.top}</a></div>
<footer class="footer">
<div class="footer-links wrap clearfix">${columns.join('')}</div>
<div class="friend-links wrap">${this.t('友情链接：')}${friends.join('')}</div>
<div class="copyright wrap">
<p>${this.t(`Copyright © 20${r.int(8, 18)}-2025 ${s.name} 版权所有`).replace('©', '&copy;')}</p>
<p>${this.icons.location}${this.t(r.pick(V.NEUTRAL_SENTENCES.filter((x) => x.startsWith('地址') || x.startsWith('门诊时间'))))}</p>
<p class="icp"><a href="https://beian.miit.gov.cn/" target="_blank" rel="nofollow">${this.t(`${prov}ICP备${r.int(10000000, 99999999)}号-${r.int(1, 5)}`)}</a> <img src="/static/images/gongan.png" alt="" width="16" height="16"> <a href="https://beian.mps.gov.cn/#/query/webSearch?code=${r.int(1e13, 9e13)}" target="_blank" rel="nofollow">${this.t(`${prov}公网安备${r.int(1e13, 9e13)}号`)}</a></p>
<p class="tips">${this.t('本站信息仅供参考，不能作为诊断及医疗的依据。')}</p>
</div>
</footer>
${scripts}
</body>
</html>
`;
  }
}

/**
 * One HTML page of about `target` UTF-8 bytes (before any GBK encoding). Text-heavy article
 * chunks and markup-heavy sidebar/list chunks are added, steering the visible-text estimate
 * towards a per-page share drawn from 14–24%.
 */
function htmlPage(r, fx, icons, target, charset) {
  const siteIndex = r.int(0, V.SITE_NAMES.length - 1);
  // Small pages come from leaner templates: fewer menu entries.
  const menu = r.shuffle(V.MENU).slice(0, target < 40 * 1024 ? r.int(3, 5) : r.int(5, 9));
  const section = r.pick(V.MENU);
  const page = new Page(r, fx, icons, { name: V.SITE_NAMES[siteIndex], host: V.SITE_HOSTS[siteIndex], menu, section });
  const adPage = r.chance(0.88);
  // An ad page carries one ad's worth of copy or a few, not a wall of it.
  page.adChunksLeft = adPage ? r.int(1, 6) : 0;
  const title = adPage ? r.pick(fx.titles) : r.pick(V.ARTICLE_TITLES);
  const desc = adPage && r.chance(0.6) ? r.pick(fx.textLines).slice(0, 3).join('') : page.sentences(1, 2);
  const keywords = r.shuffle(V.DEPARTMENTS).slice(0, r.int(3, 6)).join(',');
  const date = page.date();
  const url = page.url(section[1]);
  const share = 0.14 + r.next() * 0.1;

  const parts = [
    page.head({ charset, title, desc, keywords, url, date, target, ids: { channel: r.int(1, 99), article: r.int(1000, 99999) } }),
    page.header(),
    page.breadcrumb(),
    page.articleStart(title, date),
  ];
  const scripts = r.shuffle(TRAILING_SCRIPTS).slice(0, r.int(2, 4)).map((s) => `<script type="text/javascript">\n${s}\n</script>`).join('\n');
  const articleEnd = page.articleEnd();
  const footer = page.footer(scripts);
  let size = parts.reduce((n, p) => n + utf8Length(p) + 1, 0) + utf8Length(articleEnd) + utf8Length(footer) + 64;

  const article = [];
  const below = []; // under the article, in the left column
  const sidebar = [];
  // Every article has some body text, whatever the page's size.
  for (let k = r.int(2, 4); k > 0; k--) {
    const c = page.textChunk();
    article.push(c);
    size += utf8Length(c) + 1;
  }
  // Past the target size, text is still added while the page is short of its share, so
  // small pages, where the template dominates, stay realistic too.
  while (size < target || (page.vis / size < share - 0.02 && size < 3 * target)) {
    let c;
    if (page.vis / size < share) {
      c = page.textChunk();
      article.push(c);
    } else {
      c = page.markupChunk();
      (r.chance(0.6) ? sidebar : below).push(c);
    }
    size += utf8Length(c) + 1;
  }
  return [
    ...parts,
    article.join('\n'),
    articleEnd,
    below.join('\n'),
    '</div>',
    `<aside class="sidebar fr">\n${sidebar.join('\n')}\n</aside>`,
    '</div>',
    footer,
  ].join('\n');
}

/** One plain-text ad document of at least `target` UTF-8 bytes. */
function textDocument(r, fx, target) {
  const parts = [r.pick(fx.titles)];
  let size = utf8Length(parts[0]);
  while (size < target) {
    const roll = r.next();
    let p;
    if (roll < 0.25) p = r.pick(fx.texts); // a whole ad, intact
    else if (roll < 0.6) {
      const lines = r.pick(fx.textLines);
      const start = r.int(0, lines.length - 1);
      p = lines.slice(start, start + r.int(1, 4)).join('\n'); // a reshuffled fragment
    } else if (roll < 0.65) p = '—'.repeat(r.int(8, 20)); // separator rule
    else {
      p = '';
      for (let i = r.int(1, 4); i > 0; i--) p += r.pick(V.NEUTRAL_SENTENCES);
    }
    parts.push(p);
    size += utf8Length(p) + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

// ---- WARC -------------------------------------------------------------------------------

const CRLF = '\r\n';

/** RFC 4648 base32 of a SHA-1, as WARC digests are written. */
function sha1Base32(bytes) {
  const digest = createHash('sha1').update(bytes).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of digest) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** A deterministic version-4-shaped UUID from the seed and a record number. */
function recordId(seed, n) {
  const h = createHash('sha256').update(`adscan-bench:${seed}:${n}`).digest('hex');
  return `<urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}>`;
}

/** Appends WARC/1.0 records to a file, each record a gzip member of its own. */
class WarcWriter {
  constructor(path, hash, rel) {
    this.fd = openSync(path, 'w');
    this.hash = hash;
    this.bytes = 0;
    this.records = { warcinfo: 0, request: 0, response: 0 };
    hash.update(`${rel}\0`);
  }

  write(fields, block) {
    const head = `WARC/1.0${CRLF}${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join(CRLF)}${CRLF}Content-Length: ${block.length}${CRLF}${CRLF}`;
    const member = gzipSync(Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from(CRLF + CRLF)]));
    writeSync(this.fd, member);
    this.hash.update(member);
    this.bytes += member.length;
    this.records[fields['WARC-Type']]++;
  }

  close() {
    closeSync(this.fd);
  }
}

const HTTP_DATE = (d) => d.toUTCString();
const WARC_DATE = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---- the corpus -------------------------------------------------------------------------

/** Log-uniform between lo and hi. */
const logUniform = (r, lo, hi) => Math.round(lo * Math.pow(hi / lo, r.next()));

/**
 * Writes the corpus into `dir` and returns what was written. `htmlBytes` is the size of the
 * HTML sub-corpus; the text sub-corpus and the WARC's pages add `textShare` and `warcShare`
 * of it. Pages are log-uniform between minKb and maxKb.
 */
export function buildCorpus({
  repoRoot, dir, htmlBytes, seed = 1, minKb = 20, maxKb = 200, gbkShare = 0.05, textShare = 0.1, warcShare = 0.1,
  onProgress = () => {},
}) {
  const fx = loadFixtures(repoRoot);
  const icons = makeIcons(rng(streamSeed(seed, 'icons')));
  const hash = createHash('sha256');
  const gbkEvery = Math.round(1 / gbkShare);
  const out = {
    dir,
    seed,
    html: { dir: join(dir, 'html'), files: [], bytes: 0, gbk: 0 },
    text: { dir: join(dir, 'text'), files: [], bytes: 0 },
    warc: null,
    bytes: 0,
    documents: 0,
    digest: null,
  };

  // HTML pages. Every gbkEvery-th page is GBK-encoded, so even a small corpus gets a few.
  {
    const r = rng(streamSeed(seed, 'html'));
    const batches = 16;
    for (let b = 0; b < batches; b++) mkdirSync(join(out.html.dir, `batch-${pad(b, 2)}`), { recursive: true });
    let nextReport = 64 * MiB;
    for (let i = 0; out.html.bytes < htmlBytes; i++) {
      const target = logUniform(r, minKb * 1024, maxKb * 1024);
      const gbk = i % gbkEvery === 3;
      let data;
      let name;
      if (gbk) {
        // GBK takes 2 bytes per Han character where UTF-8 takes 3: aim a little higher.
        data = iconv.encode(htmlPage(r, fx, icons, Math.round(target * 1.08), r.pick(['gbk', 'gb2312'])), 'gbk');
        name = `page-${pad(i, 6)}.gbk.html`;
        out.html.gbk++;
      } else {
        data = Buffer.from(htmlPage(r, fx, icons, target, 'utf-8'), 'utf8');
        name = `page-${pad(i, 6)}.html`;
      }
      const rel = `html/batch-${pad(i % batches, 2)}/${name}`;
      writeFileSync(join(dir, rel), data);
      hash.update(`${rel}\0`).update(data);
      out.html.files.push({ rel, bytes: data.length, gbk });
      out.html.bytes += data.length;
      if (out.html.bytes >= nextReport) {
        onProgress(`${Math.round(out.html.bytes / MiB)} MiB of HTML written`);
        nextReport += 64 * MiB;
      }
    }
  }

  // Plain-text ads.
  {
    const r = rng(streamSeed(seed, 'text'));
    const batches = 4;
    for (let b = 0; b < batches; b++) mkdirSync(join(out.text.dir, `batch-${b}`), { recursive: true });
    const goal = Math.max(1, Math.round(htmlBytes * textShare));
    for (let i = 0; out.text.bytes < goal; i++) {
      const data = Buffer.from(textDocument(r, fx, logUniform(r, 1024, 40 * 1024)), 'utf8');
      const rel = `text/batch-${i % batches}/ad-${pad(i, 6)}.txt`;
      writeFileSync(join(dir, rel), data);
      hash.update(`${rel}\0`).update(data);
      out.text.files.push({ rel, bytes: data.length });
      out.text.bytes += data.length;
    }
  }

  // The crawl archive: warcinfo, then per page an optional request and its response.
  {
    const r = rng(streamSeed(seed, 'warc'));
    const rel = 'crawl.warc.gz';
    const w = new WarcWriter(join(dir, rel), hash, rel);
    let n = 0;
    let clock = Date.UTC(2025, 2, 18, 8, 0, 0);
    const info = Buffer.from([
      'software: adscan-bench-corpus/2 (scripts/bench/corpus.mjs)',
      'format: WARC File Format 1.0',
      'conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/',
      `isPartOf: adscan-bench-seed-${seed}`,
      'robots: obey',
      'description: generated pages of hospital, pharmacy and health sites',
    ].join(CRLF) + CRLF, 'utf8');
    w.write({ 'WARC-Type': 'warcinfo', 'WARC-Date': WARC_DATE(new Date(clock)), 'WARC-Filename': rel, 'WARC-Record-ID': recordId(seed, n++), 'Content-Type': 'application/warc-fields' }, info);
    const goal = Math.max(1, Math.round(htmlBytes * warcShare));
    let payloadBytes = 0;
    for (let i = 0; payloadBytes < goal || w.records.response < 3; i++) {
      const gbk = i % gbkEvery === 3;
      const charset = gbk ? 'gbk' : 'utf-8';
      const html = htmlPage(r, fx, icons, logUniform(r, minKb * 1024, maxKb * 1024), charset);
      const body = gbk ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8');
      const siteIndex = r.int(0, V.SITE_HOSTS.length - 1);
      const host = `www.${V.SITE_HOSTS[siteIndex]}.example`;
      const path = `/${r.pick(V.MENU)[1]}/${2019 + r.int(0, 6)}/${pad(r.int(1, 12), 2)}${pad(r.int(1, 28), 2)}/${i + 1}${r.int(100, 999)}.html`;
      const uri = `https://${host}${path}`;
      clock += r.int(200, 5000);
      const when = new Date(clock);
      const responseId = recordId(seed, n++);
      if (r.chance(0.6)) {
        const request = Buffer.from([
          `GET ${path} HTTP/1.1`,
          `Host: ${host}`,
          'User-Agent: Mozilla/5.0 (compatible; adscan-bench-crawler/1.0)',
          'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
          'Accept-Language: zh-CN,zh;q=0.9,en;q=0.6',
          'Connection: close',
        ].join(CRLF) + CRLF + CRLF, 'latin1');
        w.write({ 'WARC-Type': 'request', 'WARC-Target-URI': uri, 'WARC-Date': WARC_DATE(when), 'WARC-Record-ID': recordId(seed, n++), 'WARC-Concurrent-To': responseId, 'Content-Type': 'application/http; msgtype=request', 'WARC-Block-Digest': `sha1:${sha1Base32(request)}` }, request);
      }
      const httpHead = Buffer.from([
        'HTTP/1.1 200 OK',
        'Server: nginx',
        `Date: ${HTTP_DATE(when)}`,
        `Content-Type: text/html; charset=${charset}`,
        `Content-Length: ${body.length}`,
        `Last-Modified: ${HTTP_DATE(new Date(clock - r.int(1, 400) * 86_400_000))}`,
        'Connection: close',
        'X-Powered-By: PHP/7.4.33',
      ].join(CRLF) + CRLF + CRLF, 'latin1');
      const block = Buffer.concat([httpHead, body]);
      w.write({
        'WARC-Type': 'response',
        'WARC-Target-URI': uri,
        'WARC-Date': WARC_DATE(when),
        'WARC-Record-ID': responseId,
        'WARC-IP-Address': `192.0.2.${1 + siteIndex}`,
        'Content-Type': 'application/http; msgtype=response',
        'WARC-Payload-Digest': `sha1:${sha1Base32(body)}`,
        'WARC-Block-Digest': `sha1:${sha1Base32(block)}`,
      }, block);
      payloadBytes += body.length;
    }
    w.close();
    out.warc = { rel, path: join(dir, rel), bytes: w.bytes, payloadBytes, records: w.records };
  }

  out.bytes = out.html.bytes + out.text.bytes + out.warc.bytes;
  out.documents = out.html.files.length + out.text.files.length + out.warc.records.response;
  out.digest = hash.digest('hex').slice(0, 16);
  return out;
}

// ---- standalone -------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { out: { type: 'string' }, mb: { type: 'string', default: '4' }, seed: { type: 'string', default: '1' } } });
  if (!values.out) {
    process.stderr.write('usage: node scripts/bench/corpus.mjs --out DIR [--mb 4] [--seed 1]\n');
    process.exit(2);
  }
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const t0 = performance.now();
  const c = buildCorpus({ repoRoot, dir: resolve(values.out), htmlBytes: Math.round(Number(values.mb) * MiB), seed: Number(values.seed), onProgress: (m) => process.stderr.write(`corpus: ${m}\n`) });
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`corpus ${c.dir}: digest ${c.digest}, ${c.documents} documents, ${(c.bytes / MiB).toFixed(2)} MiB in ${seconds.toFixed(1)} s\n`);
  process.stdout.write(`  html ${c.html.files.length} pages (${c.html.gbk} GBK), ${(c.html.bytes / MiB).toFixed(2)} MiB; text ${c.text.files.length} files, ${(c.text.bytes / MiB).toFixed(2)} MiB; WARC ${c.warc.records.response} responses, ${(c.warc.bytes / MiB).toFixed(2)} MiB gzipped (${(c.warc.payloadBytes / MiB).toFixed(2)} MiB of pages)\n`);
  try {
    const { measureVisibleShare } = await import('./visible-share.mjs');
    const v = await measureVisibleShare({ repoRoot, dir: c.dir, files: c.html.files });
    process.stdout.write(`  visible text ${(v.share * 100).toFixed(1)}% of the HTML's bytes (pages ${(v.pageMin * 100).toFixed(1)}–${(v.pageMax * 100).toFixed(1)}%, median ${(v.pageMedian * 100).toFixed(1)}%; ${v.pages} pages sampled)\n`);
  } catch (err) {
    process.stdout.write(`  visible text share not measured: ${err.message}\n`);
  }
}
