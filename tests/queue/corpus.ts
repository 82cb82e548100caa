// A deterministic corpus of short ads and non-ads, written for the queue tests: enough
// variation (violations, clean copy, regulatory quotes, HTML) that a mix-up between
// documents would change the findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CLINICS = ['仁和医院', '康宁门诊部', '华美医疗美容诊所', '博爱皮肤病专科', '同济中医馆', '安康体检中心'];
const DISEASES = ['牛皮癣', '白癜风', '糖尿病', '高血压', '湿疹', '失眠'];
const CLAIMS = [
  '保证治愈，无效退款',
  '治愈率高达98%',
  '三天见效，一次根治',
  '祖传秘方，药到病除',
  '权威专家亲自坐诊，患者纷纷称赞',
  '采用国际先进技术，安全无副作用',
  '包治百病',
  '服务热情，环境整洁',
];
const PLAIN = [
  '今天天气晴朗，适合去公园散步。',
  '市场监管局提醒：医疗广告不得含有“保证治愈”“治愈率”等内容，违者将依法查处。',
  '本周社区开展健康讲座，主题是合理膳食与适量运动。',
  '图书馆周末开放时间调整为上午九点至下午五点。',
  '关于开展2026年虚假违法广告专项整治工作的通知：严禁宣传“包治百病”。',
];

export interface CorpusFile {
  rel: string;
  ad: boolean;
}

/** `count` documents under `dir`, about two thirds ads, a quarter of them HTML pages. */
export function writeCorpus(dir: string, count: number): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const sub = `part${i % 4}`;
    mkdirSync(join(dir, sub), { recursive: true });
    const ad = i % 3 !== 2;
    let text: string;
    if (ad) {
      const clinic = CLINICS[i % CLINICS.length]!;
      const disease = DISEASES[(i * 7) % DISEASES.length]!;
      const claim = CLAIMS[(i * 5) % CLAIMS.length]!;
      const extra = i % 4 === 0 ? `已有${100 + i}位患者康复。` : '';
      text = `${clinic}专治${disease}，${claim}。${extra}咨询电话：0571-88${String(100000 + i).slice(1)}。`;
    } else {
      text = `${PLAIN[i % PLAIN.length]}（第${i}期）`;
    }
    const html = i % 4 === 1;
    const rel = `${sub}/doc-${String(i).padStart(4, '0')}.${html ? 'html' : 'txt'}`;
    const body = html
      ? `<!doctype html><html><head><meta charset="utf-8"><title>${text.slice(0, 8)}</title></head><body><nav>首页 | 关于我们</nav><p>${text}</p></body></html>`
      : `${text}\n`;
    writeFileSync(join(dir, rel), body);
    files.push({ rel, ad });
  }
  return files;
}
