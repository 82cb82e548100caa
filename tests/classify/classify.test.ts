import { describe, expect, it } from 'vitest';
import { classify, compileClassifier, findNumbers } from '../../src/classify/index.js';
import { loadRuleFiles } from '../../src/rules/load.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The real classification data from rules/classify, so these tests guard the shipped weights.
const dir = new URL('../../rules/classify/', import.meta.url).pathname;
const data = loadRuleFiles(
  readdirSync(dir).map((f) => ({ path: f, text: readFileSync(join(dir, f), 'utf8') })),
  { requirePack: false },
);
const c = compileClassifier(data.classify);
const run = (text: string) => {
  const t = text.normalize('NFKC');
  return classify([{ name: 'body', text: t }], [findNumbers(t)], c);
};

describe('classify: context', () => {
  it('recognises a government work plan quoting forbidden phrases', () => {
    const r = run(
      '关于开展虚假违法医疗广告专项整治工作的实施方案。各区市场监管局要严厉打击含有“保证治愈”等内容的违法广告，依法查处，责令停止发布。请认真贯彻执行。',
    );
    expect(r.context).toBe('regulatory');
    expect(r.contextScores.nonAd).toBeGreaterThanOrEqual(8);
  });

  it('recognises penalty news', () => {
    const r = run('市场监管局日前通报，某医院在官网发布含有“保证治愈”“治愈率98%”等内容的违法医疗广告，经查属实，当事人被处以罚款5万元。');
    expect(['news', 'regulatory']).toContain(r.context);
  });

  it('recognises an ad, including a soft ad in news form', () => {
    expect(run('本院专治牛皮癣，保证治愈，预约热线：400-800-1234').context).toBe('ad');
    expect(run('本报讯（记者 李明）近日，记者从市肛肠医院获悉，该院引进新技术。咨询电话：0571-12345678。').context).toBe('ad');
  });

  it('does not count selling phrases quoted inside a prohibition as selling', () => {
    const r = run('医疗广告不得含有保证治愈或者隐含保证治愈的内容，不得利用患者的名义作证明。');
    expect(r.context).not.toBe('ad');
    expect(r.contextScores.ad).toBe(0);
    expect(r.evidence.some((e) => e.supports === 'ad:promo')).toBe(false);
  });

  it('takes unmistakable product copy without contact details for an ad', () => {
    const r = run('百草牌灵芝胶囊（保健食品）能治疗高血压、糖尿病，坚持服用可以停掉降压药。');
    expect(r.adTypes).toEqual(['health-food']);
    expect(r.context).toBe('ad');
  });

  // A package insert prints 本品, its maker's address and phone and its 国药准字; only
  // something more commercial (a price, an order prompt) makes the page an ad.
  const INSERT = [
    '阿莫西林胶囊说明书',
    '【成份】本品主要成份为阿莫西林。',
    '【性状】本品为胶囊剂，内容物为白色粉末。',
    '【规格】0.25g',
    '【贮藏】遮光，密封保存。',
    '【批准文号】国药准字H44021351',
    '【生产企业】企业名称：华南制药有限公司 地址：广州市黄埔区开发大道88号 电话：020-82345678',
  ].join('\n');
  it('does not take a package insert for an ad', () => {
    const r = run(INSERT);
    expect(r.context).not.toBe('ad');
    expect(r.selling).toBe(false);
  });
  it('takes a package insert with a price and an order prompt for an ad', () => {
    const r = run(`${INSERT}\n会员价：¥19.8 立即下单，次日送达`);
    expect(r.context).toBe('ad');
    expect(r.selling).toBe(true);
  });
  it('needs two sections of an insert, not one heading, to explain contact details away', () => {
    const r = run('【规格】60粒/瓶 本品由康源公司出品，咨询电话：0571-86001234');
    expect(r.context).toBe('ad');
  });

  it('lets public-service news explain its 免费 and 我院, but not an offer with a selling claim', () => {
    const news = '我院党员志愿服务队走进社区开展义诊，为居民免费测量血压。这是践行公立医院公益性、加强医德医风建设的举措。地址：人民路1号';
    expect(run(news).context).not.toBe('ad');
    expect(run(`${news}。特惠体检套餐，名额有限，立即预约！`).context).toBe('ad');
  });

  it('does not let one conference word explain away a sales meeting for the elderly', () => {
    const r = run('关爱中老年健康公益大讲堂 协办单位：康寿源生物科技有限公司 知名专家专题报告 免费测血压 康寿源牌深海鱼油软胶囊 保健食品 报名电话：010-62345678');
    expect(r.context).toBe('ad');
    expect(r.selling).toBe(true);
  });

  it('lets an official notice explain its free service, phone and address, but not an offer that sells', () => {
    const notice =
      '关于开展老年人免费健康体检工作的通知 区卫生健康局 为做好基本公共卫生服务，决定开展65岁及以上老年人免费健康体检。现将有关事项通知如下：体检免费，请携带身份证。咨询电话：0830-2345678 地址：江阳区大北街12号 特此通知。';
    expect(run(notice).context).not.toBe('ad');
    expect(run(`${notice} 本院体检套餐特惠价199元，名额有限，立即抢购！`).context).toBe('ad');
  });

  // Non-ad genres that print their own prices, phones and addresses: explained when nothing
  // else on the page sells, an ad again once a selling claim and an order prompt appear.
  it.each([
    ['a tender', '县人民医院彩色超声诊断仪采购项目招标公告 采购人：县人民医院 地址：人民路8号 预算金额：980000.00元 投标人须在开标时间前递交投标文件 联系电话：0571-86001234'],
    ['a crowdfunding page', '为白血病患儿筹款 目标金额：300000 元 已筹：126400 元 医生说移植后恢复良好，恳请爱心人士转发扩散 善款将用于移植费用 联系电话：13800001234'],
    ['a museum page', '中医药文化博物馆 开放时间：9:00-17:00，周一闭馆 门票：免费 常设展陈列历代馆藏文物与展品 讲解服务20元 咨询电话：0571-86001234'],
    ['a recall notice', '康源制药关于阿莫西林胶囊的主动召回公告 本公司决定主动召回涉及批号的产品，召回等级为三级召回，各经销商立即停止销售 国药准字H20013301 联系电话：0571-86001234'],
    ['an admissions brochure', '医科大学2026年本科招生简章 临床医学专业 学制五年 学费：6500元/年 住宿费：1200元/年 考生可登录网站查询录取结果 招生办电话：0571-86001234'],
    ['a visiting guide', '住院部探视时间：15:00-19:00 探视人员须佩戴陪护证 门禁刷卡进入 停车场收费标准：首小时5元 咨询电话：0571-86001234'],
  ])('takes %s for no ad, until it sells', (_genre, text) => {
    expect(run(text).context).not.toBe('ad');
    expect(run(`${text} 祖传秘方，疗效显著，名额有限，立即抢购！`).context).toBe('ad');
  });

  it('counts an institution named with its phone as a brand, not a sentence about calling a public body', () => {
    const brands = (text: string) => run(text).evidence.filter((e) => e.supports === 'ad:brand').map((e) => e.indicator);
    expect(brands('仁和医院电话：0571-86001234')).toEqual(['仁和医院电话']);
    expect(brands('后来我打了疾控中心电话问，人家说根本没有这个活动')).toEqual([]);
  });

  it('leaves a neutral sentence unknown', () => {
    expect(run('冬季流感高发，市民应勤洗手、常通风。').context).toBe('unknown');
  });
});

describe('classify: ad types', () => {
  it.each([
    ['东方男科医院 治愈率高达98.6%，地址：解放路188号。', ['medical']],
    ['美颜医疗美容门诊 双眼皮、玻尿酸限时特价', ['medical', 'medical-beauty']],
    ['复方板蓝根颗粒 功能主治：清热解毒。OTC', ['drug']],
    ['百草牌灵芝胶囊（保健食品）能增强免疫力', ['health-food']],
    ['安测牌电子血压计，医疗器械，家庭必备', ['device']],
    ['某某全营养配方食品，特殊医学用途配方食品', ['special-medical-food']],
  ])('%s → %j', (text, types) => {
    expect(run(text).adTypes).toEqual(types);
  });

  it('uses registration numbers as hard evidence', () => {
    const r = run('康源牌维C咀嚼片 国食健注G20190123');
    expect(r.adTypes).toEqual(['health-food']);
    expect(r.confidence).toBe('high');
    expect(r.evidence[0]).toMatchObject({ supports: 'health-food', indicator: '国食健注G20190123' });
  });

  it('keeps a drug ad a drug ad when it shows a medical certificate number', () => {
    expect(run('护肝宁片 保护肝脏。药品 (浙)医广【2023】第03-15-0021号').adTypes).toEqual(['drug']);
  });

  it('prefers weak content evidence to the regime of a review number shown', () => {
    const r = run('保肝护肝，用药安全，服用方便。(浙)医广【2023】第03-15-0021号');
    expect(r.adTypes).toEqual(['drug']);
    expect(r.confidence).toBe('low');
  });

  it('takes a product named with a dosage form for a drug', () => {
    const r = run('护肝宁片 保护肝脏，中老年人的好帮手。(浙)医广【2023】第03-15-0021号');
    expect(r.adTypes).toEqual(['drug']);
    expect(r.confidence).toBe('medium');
  });

  it('trusts the type fully when an approval number of that regime is shown', () => {
    expect(run('清肺感冒灵颗粒，家中常备。浙药广审(文)第240101-00012号').confidence).toBe('high');
  });

  it('does not make a product ad a medical ad because it names diseases and patients', () => {
    const r = run('九芝堂牌颈腰康胶囊 专治颈椎病、腰椎间盘突出！服用一周疼痛减轻。全国10万患者的选择。订购热线：400-800-1234');
    expect(r.adTypes).toEqual(['health-food']);
  });

  it('does not count a hospital named as an endorser as the advertiser', () => {
    const r = run('康宁牌护心片 北京协和医院专家推荐，服用方便');
    expect(r.adTypes).not.toContain('medical');
  });

  it('falls back on the numbers when the content says nothing', () => {
    expect(run('(浙)医广【2023】第03-15-0021号').adTypes).toEqual(['medical']);
  });

  it('does not take a 配方 food named with 牌 for a health food too', () => {
    // The name three times (title, image, body) as a product page shows it.
    const r = run('安瑞牌全营养配方粉｜产品信息 安瑞牌全营养配方粉 注册证号：国食注字TY20230017 规格：400g/罐 安瑞牌全营养配方粉 食用方法：取55g粉加入200ml温水 客服：400-800-4519');
    expect(r.adTypes).toEqual(['special-medical-food']);
    expect(run('汤臣康牌钙片 保健食品 食用方法：每日1片 订购热线：400-800-1234').adTypes).toEqual(['health-food']);
  });

  it('takes a product sold "without prescription" for a drug', () => {
    // The product's own name says nothing; waving the prescription says it is a drug.
    expect(run('smglt一周一针，医美医生同款，不用处方，评论区扣1私你 #司美格鲁肽').adTypes[0]).toBe('drug');
  });

  it('keeps a clinic named 医疗美容诊所 a medical-beauty ad though its name scores it higher as medical', () => {
    const r = run('杭州悦颜医疗美容诊所 专家团队 主任医师 热玛吉 医美抗衰 杭州悦颜医疗美容诊所 治疗 立即预约 400-800-3318 杭州悦颜医疗美容诊所');
    expect(r.adTypes).toEqual(['medical', 'medical-beauty']);
    // One mention of 整形 among a general hospital's departments does not.
    expect(run('仁和医院 内科 外科 整形科 儿科 预约挂号 0571-86001234 仁和医院专家团队').adTypes).toEqual(['medical']);
  });

  it('does not type ordinary goods by one weak word when no number of any regime is shown', () => {
    expect(run('磁疗床垫 睡出好腰，辅助治疗腰椎间盘问题 限时特价¥3980 立即抢购 订购热线：400-800-1234').adTypes).toEqual(['other']);
  });

  it('calls an ad of no health type "other"', () => {
    const r = run('晨光咖啡新品上市，拿铁买一送一，立即下单！');
    expect(r.context).toBe('ad');
    expect(r.adTypes).toEqual(['other']);
  });

  it('lets --ad-type override detection', () => {
    const t = '护肝宁片';
    const r = classify([{ name: 'body', text: t }], [[]], c, ['health-food']);
    expect(r.adTypes).toEqual(['health-food']);
    expect(r.overridden).toBe(true);
  });
});
