// Province-level issuer abbreviations (catalogue §3.0): primary and observed alternates,
// with the GB/T 2260 code used inside 食健备 numbers.
export const MAINLAND_ISSUERS: Readonly<Record<string, { name: string; code: number | null }>> = {
  京: { name: '北京', code: 11 }, 津: { name: '天津', code: 12 }, 冀: { name: '河北', code: 13 },
  晋: { name: '山西', code: 14 }, 蒙: { name: '内蒙古', code: 15 }, 内: { name: '内蒙古', code: 15 },
  辽: { name: '辽宁', code: 21 }, 吉: { name: '吉林', code: 22 }, 黑: { name: '黑龙江', code: 23 },
  沪: { name: '上海', code: 31 }, 苏: { name: '江苏', code: 32 }, 浙: { name: '浙江', code: 33 },
  皖: { name: '安徽', code: 34 }, 闽: { name: '福建', code: 35 }, 赣: { name: '江西', code: 36 },
  鲁: { name: '山东', code: 37 }, 豫: { name: '河南', code: 41 }, 鄂: { name: '湖北', code: 42 },
  湘: { name: '湖南', code: 43 }, 粤: { name: '广东', code: 44 }, 桂: { name: '广西', code: 45 },
  琼: { name: '海南', code: 46 }, 渝: { name: '重庆', code: 50 }, 川: { name: '四川', code: 51 },
  蜀: { name: '四川', code: 51 }, 黔: { name: '贵州', code: 52 }, 贵: { name: '贵州', code: 52 },
  滇: { name: '云南', code: 53 }, 云: { name: '云南', code: 53 }, 藏: { name: '西藏', code: 54 },
  陕: { name: '陕西', code: 61 }, 秦: { name: '陕西', code: 61 }, 甘: { name: '甘肃', code: 62 },
  陇: { name: '甘肃', code: 62 }, 青: { name: '青海', code: 63 }, 宁: { name: '宁夏', code: 64 },
  新: { name: '新疆', code: 65 }, 兵: { name: '新疆生产建设兵团', code: null },
};

/** Hong Kong, Macao and Taiwan never issue mainland ad reviews. */
export const NON_MAINLAND: Readonly<Record<string, string>> = { 港: '香港', 澳: '澳门', 台: '台湾' };

export function isValidDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
