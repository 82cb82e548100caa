// Review, approval and registration number formats (catalogue §3), as lenient detectors:
// they deliberately also catch damaged numbers (no serial, no media tag, odd layout) so
// that validation can report them as malformed instead of as missing. All run on
// NFKC-normalised text, where （）［］： are already ASCII but 【】〔〕〖〗 are not.

const OPEN = '[(\\[【〔〖]';
const CLOSE = '[)\\]】〕〗]';
const DASH = '[-‐‑‒–—―−]';

/** 《医疗广告审查证明》文号: (京)医广【2016】第07-01-0355号, 鲁中医广字【2013】第0902-001-3711号 … */
export const MEDICAL_CERTIFICATE = new RegExp(
  `(?<issuer>(?:${OPEN}\\s*[^\\s()\\[\\]【】〔〕〖〗]{1,4}\\s*${CLOSE}\\s*){1,2}|[\\u4e00-\\u9fff](?=\\s*中?医广))?` +
    `\\s*(?<tcm>中)?医广字?\\s*${OPEN}?\\s*(?<year>(?:19|20)\\d{2})\\s*${CLOSE}?` +
    `\\s*(?:${OPEN}\\s*(?<media>[\\u4e00-\\u9fff]{1,4})\\s*${CLOSE}\\s*)?` +
    `(?<di>第)?\\s*:?\\s*(?<serial>[0-9A-Za-z]{1,12}(?:\\s*${DASH}\\s*[0-9A-Za-z]{1,12}){0,3})?\\s*(?<hao>号)?`,
  'gu',
);

/** 广告批准文号 of drugs, devices, health foods and FSMPs: 豫械广审(文)第261112-17214号 … */
export const PRODUCT_AD_APPROVAL = new RegExp(
  `(?<prov>[\\u4e00-\\u9fff])?[ \\t]*(?<kind>(?<![兽农])药|医械|械|食健|食特|特医)广审` +
    `\\s*(?:${OPEN}\\s*(?<media>[\\u4e00-\\u9fff]{1,2})\\s*${CLOSE}\\s*)?(?<di>第)?\\s*:?\\s*` +
    `(?:(?<exp>\\d{6})\\s*${DASH}\\s*(?<seq>\\d{5})(?!\\d)|(?<old>\\d{10})(?!\\d)|(?<other>[0-9A-Za-z]{1,12}(?:${DASH}[0-9A-Za-z]{1,12}){0,2}))?` +
    `\\s*(?<hao>号)?`,
  'gu',
);

// Product registration numbers identify the ad type (catalogue §3.3); they are not ad approvals.
export const DRUG_REGISTRATION = /国药准字\s*(?<cls>[HZSJBTF])(?<sub>[JC])?\s*(?<num>\d{8})(?!\d)|(?:进口药品注册证|医药产品注册证)(?:号)?\s*:?\s*B?[HZS]C?\s*\d{8}(?!\d)/gu;
export const DEVICE_REGISTRATION = /(?<issuer>[\u4e00-\u9fff])械注(?<o>准|进|许)\s*(?<year>\d{4})(?<cls>\d)(?<code>\d{2})(?<seq>\d{4})(?!\d)|[\u4e00-\u9fff]{1,3}械备\s*\d{8,9}(?!\d)号?|[\u4e00-\u9fff]{1,2}?\(?食?\)?药监械\s*\(\s*[准进许]\s*\)\s*字\s*\d{4}\s*第\s*\d{7}\s*号/gu;
export const HEALTH_FOOD_REGISTRATION = /卫进?食健字\s*[(\[【〔]?\s*\d{4}\s*[)\]】〕]?\s*第\s*\d{3,4}\s*号|国食健[字注]\s*[GJ]\s*\d{8}(?!\d)|食健备\s*[GJ]\s*\d{12}(?!\d)/gu;
export const FSMP_REGISTRATION = /国食注字\s*TY\s*\d{8}(?!\d)/gu;
export const INFANT_FORMULA_REGISTRATION = /国食注字\s*YP\s*\d{8}(?!\d)/gu;

/**
 * Look-alikes that are not review numbers (catalogue §3.4): government document numbers,
 * website filings, online drug-information licences, other regimes' ad numbers. They are
 * masked before content rules so that, e.g., 〔2021〕273号 never reads as a claim.
 */
export const LOOK_ALIKES = new RegExp(
  [
    '[\\u4e00-\\u9fff]{2,14}〔\\d{4}〕\\d+号',
    '[\\u4e00-\\u9fff]ICP备\\s*\\d+号(?:-\\d+)?',
    '[\\u4e00-\\u9fff]?公网安备\\s*\\d+号',
    `\\([\\u4e00-\\u9fff]\\)\\s*${DASH}?\\s*(?:经营性|非经营性)\\s*${DASH}\\s*\\d{4}\\s*${DASH}\\s*\\d{4}`,
    '[\\u4e00-\\u9fff]卫(?:\\(中医\\))?网审字?\\s*[(\\[【]?\\d{4}[)\\]】]?\\s*第?\\d+号',
    `[\\u4e00-\\u9fff]?(?:兽药|农药)广审\\s*(?:\\([\\u4e00-\\u9fff]\\))?\\s*第?\\s*[0-9${'-'}]+号?`,
  ].join('|'),
  'gu',
);
