// Deterministic benchmark corpus for `npm run bench`: realistic Chinese ad documents
// (plain text and HTML, a few GBK-encoded pages) assembled from the bundled fixtures,
// reshuffled and padded with neutral boilerplate. Same seed and size → same bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { mulberry32 } from '../lib/random.mjs';

/** Seeded picking and shuffling for the corpus. */
export function rng(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const shuffle = (arr) => {
    const out = [...arr];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, pick, shuffle };
}

// Neutral boilerplate of the kind that surrounds real ad copy: navigation, notices,
// opening hours, directions, general health-education sentences, legal footers.
const FILLER_SENTENCES = [
  '本站部分图片来源于网络，如有侵权请联系删除。',
  '门诊时间：周一至周五 8:00-12:00，13:30-17:30；周六上午正常门诊，周日及法定节假日休息。',
  '乘车路线：乘坐地铁2号线至文三路站，从C出口出站后向东步行约300米即到。',
  '公交线路：可乘坐15路、28路、K151路在健康路口站下车。',
  '停车信息：院内设有地下停车场，就诊患者凭挂号单可享两小时免费停车。',
  '请就诊患者携带身份证、医保卡及既往检查资料，以便医生了解病情。',
  '预约挂号可通过官方微信公众号、电话或现场窗口办理，请按预约时间提前15分钟到达。',
  '根据疫情防控相关要求，进入院区请配合体温检测并规范佩戴口罩。',
  '合理膳食、适量运动、戒烟限酒、心理平衡是健康生活方式的四大基石。',
  '成年人每天应保证7至8小时睡眠，长期熬夜会影响免疫功能。',
  '高血压患者应遵医嘱规律服药，定期监测血压，不可自行停药或更改剂量。',
  '出现持续胸痛、呼吸困难等症状时，请立即拨打120急救电话或前往就近医院急诊。',
  '儿童接种疫苗前后请注意观察，如有异常反应请及时咨询接种门诊医生。',
  '每日食盐摄入量建议不超过5克，减少腌制食品和加工肉制品的摄入。',
  '本文仅供健康科普参考，不能替代医生的面诊意见，具体诊疗请遵医嘱。',
  '我们重视您的个人信息保护，详情请阅读《隐私政策》和《用户服务协议》。',
  '网站内容更新时间：2025年3月18日，编辑：健康频道编辑部。',
  '如您对我们的服务有任何意见或建议，欢迎拨打服务监督电话或发送电子邮件。',
  '医院始建于1958年，是一所集医疗、教学、科研、预防为一体的综合性医疗机构。',
  '医院现有职工一千余人，开放床位八百张，设有临床科室三十余个。',
  '医院先后被评为市级文明单位、平安医院和改善医疗服务示范医院。',
  '秋冬季节气温变化大，老年人应注意保暖，适当进行户外活动。',
  '用药前请仔细阅读说明书，如有疑问请咨询医师或药师。',
  '春季是过敏性疾病的高发季节，过敏体质人群外出时可佩戴口罩，减少花粉接触。',
  '均衡饮食应包括谷薯类、蔬菜水果、畜禽鱼蛋奶和大豆坚果类食物。',
  '长时间使用电子产品时，建议每隔40分钟远眺放松眼睛。',
  '慢性病患者应建立健康档案，定期复查相关指标。',
  '本公众号所发布内容版权归原作者所有，转载请注明出处。',
  '地址：浙江省杭州市西湖区文三路000号（近教工路口）。',
  '客服工作时间：工作日9:00-18:00，节假日期间在线客服延迟回复，敬请谅解。',
];

const NAV_ITEMS = ['首页', '医院概况', '科室导航', '专家介绍', '就医指南', '健康科普', '新闻动态', '党建工作', '招聘信息', '联系我们', '预约挂号', '来院路线', '医保政策', '检查预约', '院务公开'];
const TITLES = ['健康资讯', '门诊信息', '医院新闻', '专科介绍', '养生保健', '科普专栏', '专家讲堂', '产品介绍', '活动公告', '院务公开'];

const STYLE_BLOCK = `<style type="text/css">
  body { margin: 0; font-family: "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; color: #333; }
  .wrap { width: 1200px; margin: 0 auto; } .nav li { float: left; padding: 0 18px; line-height: 48px; }
  .article p { text-indent: 2em; line-height: 1.8; margin: 12px 0; } .footer { background: #f5f5f5; padding: 24px 0; }
  .red { color: #e60012; } .hidden { display: none; } .banner img { width: 100%; }
</style>`;

const SCRIPT_BLOCK = `<script type="text/javascript">
  var _hmt = _hmt || [];
  (function () {
    var hm = document.createElement("script");
    hm.src = "https://example.invalid/hm.js?" + Math.random().toString(36).slice(2);
    var s = document.getElementsByTagName("script")[0];
    s.parentNode.insertBefore(hm, s);
  })();
  window.dataLayer = window.dataLayer || [];
  function gtag() { dataLayer.push(arguments); }
  gtag("js", new Date());
</script>`;

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Reads the fixtures once and cuts them into reusable pieces. */
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

  // HTML: whole <body> contents (balanced), plus single-line leaf elements.
  const bodies = [];
  const leaves = [];
  const listItems = [];
  for (const page of pages) {
    const body = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(page);
    if (body) bodies.push(body[1].replace(/<script[^>]*src=[^>]*><\/script>\s*/gi, '').trim());
    for (const raw of page.split('\n')) {
      const line = raw.trim();
      const m = /^<(p|h1|h2|h3|dt|dd|li|div)\b[^>]*>.*<\/(\w+)>$/i.exec(line);
      if (m && m[1].toLowerCase() === m[2].toLowerCase()) {
        if (m[1].toLowerCase() === 'li') listItems.push(line);
        else if (/^d[td]$/i.test(m[1])) leaves.push(`<p>${line.replace(/<\/?d[td][^>]*>/gi, '')}</p>`);
        else leaves.push(line);
      } else if (/^<img\b[^>]*>$/i.test(line)) {
        leaves.push(line);
      }
    }
  }
  return { texts, textLines, titles, pages, bodies, leaves, listItems };
}

function fillerParagraph(r) {
  const n = r.int(1, 4);
  let s = '';
  for (let i = 0; i < n; i++) s += r.pick(FILLER_SENTENCES);
  return s;
}

function textRun(r, fx) {
  const lines = r.pick(fx.textLines);
  const start = r.int(0, lines.length - 1);
  return lines.slice(start, start + r.int(1, 4)).join('\n');
}

/** One plain-text document of at least `target` UTF-8 bytes. */
function textDocument(r, fx, target) {
  const parts = [r.pick(fx.titles)];
  let size = Buffer.byteLength(parts[0]);
  while (size < target) {
    const roll = r.next();
    let p;
    if (roll < 0.2) p = r.pick(fx.texts); // a whole ad, intact
    else if (roll < 0.55) p = textRun(r, fx); // a reshuffled fragment
    else if (roll < 0.6) p = `${'—'.repeat(r.int(8, 20))}`; // separator rule
    else p = fillerParagraph(r);
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

function htmlChunk(r, fx) {
  const roll = r.next();
  if (roll < 0.12) return `<div class="module">\n${r.pick(fx.bodies)}\n</div>`;
  if (roll < 0.4) return r.pick(fx.leaves);
  if (roll < 0.5 && fx.listItems.length) {
    const items = Array.from({ length: r.int(2, 5) }, () => r.pick(fx.listItems));
    return `<ul class="list">\n${items.join('\n')}\n</ul>`;
  }
  if (roll < 0.62) return `<p>${escapeHtml(textRun(r, fx)).replace(/\n/g, '<br>\n')}</p>`;
  if (roll < 0.66) return `<!-- ${r.pick(FILLER_SENTENCES)} -->`;
  if (roll < 0.69) return SCRIPT_BLOCK;
  if (roll < 0.73) {
    const rows = Array.from({ length: r.int(3, 7) }, (_, i) => `<tr><td>${['周一', '周二', '周三', '周四', '周五', '周六', '周日'][i]}</td><td>8:00-12:00</td><td>13:30-17:30</td></tr>`);
    return `<table class="schedule">\n<tr><th>日期</th><th>上午</th><th>下午</th></tr>\n${rows.join('\n')}\n</table>`;
  }
  return `<p>${fillerParagraph(r)}</p>`;
}

/** One HTML page of at least `target` UTF-8 bytes (before any GBK encoding). */
function htmlDocument(r, fx, target, charset) {
  const title = `${r.pick(TITLES)} - ${escapeHtml(r.pick(fx.titles))}`;
  const nav = r.shuffle(NAV_ITEMS).slice(0, r.int(5, 10)).map((t, i) => `<li><a href="/c${i}/">${t}</a></li>`).join('\n');
  const meta = charset === 'utf-8'
    ? '<meta charset="utf-8">'
    : `<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />`;
  const head = `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n${meta}\n<title>${title}</title>\n<meta name="description" content="${escapeHtml(fillerParagraph(r))}">\n${STYLE_BLOCK}\n${SCRIPT_BLOCK}\n</head>\n<body>\n<div class="header wrap"><ul class="nav">\n${nav}\n</ul></div>\n<div class="main wrap article">\n`;
  const tail = `\n</div>\n<div class="footer"><p>${r.pick(FILLER_SENTENCES)}</p><p>Copyright &copy; 2025 版权所有 浙ICP备2500${r.int(1000, 9999)}号-1</p></div>\n</body>\n</html>\n`;
  const chunks = [];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  while (size < target) {
    const c = htmlChunk(r, fx);
    chunks.push(c);
    size += Buffer.byteLength(c) + 1;
  }
  return head + chunks.join('\n') + tail;
}

/**
 * Writes the corpus into `dir` (spread over a few sub-directories) and returns what was
 * written. Sizes are log-uniform between minKb and maxKb, so most documents are small and
 * a few are large, like a crawl of ad pages.
 */
export function buildCorpus({ repoRoot, dir, totalBytes, seed = 1, minKb = 2, maxKb = 200, gbkShare = 0.05 }) {
  const r = rng(seed);
  const fx = loadFixtures(repoRoot);
  const hash = createHash('sha256');
  const files = [];
  let bytes = 0;
  let i = 0;
  let htmlCount = 0;
  while (bytes < totalBytes) {
    let target = Math.round(1024 * minKb * Math.pow(maxKb / minKb, r.next()));
    target = Math.max(minKb * 1024, Math.min(target, maxKb * 1024 - 4096));
    const isHtml = r.next() < 0.5;
    // Every 1/gbkShare-th page is GBK-encoded, so even a small corpus gets a few.
    const gbk = isHtml && htmlCount++ % Math.round(1 / gbkShare) === 3;
    let data;
    let name;
    if (!isHtml) {
      data = Buffer.from(textDocument(r, fx, target), 'utf8');
      name = `ad-${String(i).padStart(5, '0')}.txt`;
    } else if (gbk) {
      // GBK takes 2 bytes per Han character where UTF-8 takes 3: aim higher to land in range.
      data = iconv.encode(htmlDocument(r, fx, Math.round(target * 1.25), r.pick(['gbk', 'gb2312'])), 'gbk');
      name = `page-${String(i).padStart(5, '0')}.gbk.html`;
    } else {
      data = Buffer.from(htmlDocument(r, fx, target, 'utf-8'), 'utf8');
      name = `page-${String(i).padStart(5, '0')}.html`;
    }
    const sub = `batch-${String(i % 8)}`;
    mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, sub, name), data);
    hash.update(`${sub}/${name}\0`).update(data);
    files.push({ rel: `${sub}/${name}`, bytes: data.length, kind: gbk ? 'gbk-html' : isHtml ? 'html' : 'txt' });
    bytes += data.length;
    i++;
  }
  return { files, bytes, digest: hash.digest('hex').slice(0, 16) };
}
