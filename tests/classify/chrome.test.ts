import { describe, expect, it } from 'vitest';
import { findChrome } from '../../src/classify/chrome.js';

const lines = (text: string) => findChrome([{ text }]).map((b) => text.slice(b.start, b.end));

describe('findChrome', () => {
  it('finds breadcrumbs, inline menus and footer lines', () => {
    const page = [
      '首页 | 医院简介 | 专家团队 | 健康科普 | 联系我们',
      '当前位置：首页 > 健康资讯 > 正文',
      '本院专治牛皮癣，保证治愈！',
      '版权所有 © 2025 某某医院  浙ICP备12345678号',
    ].join('\n');
    expect(lines(page)).toEqual([
      '首页 | 医院简介 | 专家团队 | 健康科普 | 联系我们',
      '当前位置：首页 > 健康资讯 > 正文',
      '版权所有 © 2025 某某医院  浙ICP备12345678号',
    ]);
  });

  it('finds a menu laid out one item per line, but not the slogan after it', () => {
    const page = ['某某医院', '首页', '医院概况', '专家团队', '健康科普', '联系我们', '胃病不再复发', '本院专治各类胃病'].join('\n');
    expect(lines(page)).toEqual(['首页', '医院概况', '专家团队', '健康科普', '联系我们']);
  });

  it('finds a menu whose links ran together after 首页', () => {
    expect(lines('首页门诊介绍就诊指南口腔健康资讯联系我们\n首页 限时抢购 热销排行 品牌馆 健康资讯')).toHaveLength(2);
    expect(lines('首页，本院专治牛皮癣')).toEqual([]);
  });

  it('leaves ad copy alone, however short its lines', () => {
    expect(lines('保证治愈\n无效退款\n专家坐诊，随到随治\n三天见效 | 一次根治')).toEqual([]);
  });

  it('reports spans of the field they were found in', () => {
    const blocks = findChrome([{ text: '标题' }, { text: '正文\n网站地图 | 友情链接' }]);
    expect(blocks).toEqual([{ field: 1, start: 3, end: 14 }]);
  });
});
