// Word lists for the benchmark's page generator (scripts/bench/corpus.mjs): the neutral
// Chinese text, site names, menus, class names and CSS declarations that real CMS pages of
// hospital, pharmacy and health-portal sites wrap around their ad copy. All invented.

/** Neutral sentences: notices, directions, health education, legal lines. */
export const NEUTRAL_SENTENCES = [
  '本站部分图片来源于网络，如有侵权请联系删除。',
  '门诊时间：周一至周五 8:00-12:00，13:30-17:30；周六上午正常门诊，周日及法定节假日休息。',
  '乘车路线：乘坐地铁2号线至文三路站，从C出口出站后向东步行约300米即到。',
  '公交线路：可乘坐15路、28路、K151路在健康路口站下车。',
  '停车信息：院内设有地下停车场，就诊患者凭挂号单可享两小时免费停车。',
  '请就诊患者携带身份证、医保卡及既往检查资料，以便医生了解病情。',
  '预约挂号可通过官方微信公众号、电话或现场窗口办理，请按预约时间提前15分钟到达。',
  '进入院区请配合工作人员引导，有发热症状的患者请先到发热门诊就诊。',
  '合理膳食、适量运动、戒烟限酒、心理平衡是健康生活方式的四大基石。',
  '成年人每天应保证7至8小时睡眠，长期熬夜会影响免疫功能。',
  '高血压患者应遵医嘱规律服药，定期监测血压，不可自行停药或更改剂量。',
  '出现持续胸痛、呼吸困难等症状时，请立即拨打120急救电话或前往就近医院急诊。',
  '儿童接种疫苗前后请注意观察，如有异常反应请及时咨询接种门诊医生。',
  '每日食盐摄入量建议不超过5克，减少腌制食品和加工肉制品的摄入。',
  '本文仅供健康科普参考，不能替代医生的面诊意见，具体诊疗请遵医嘱。',
  '我们重视您的个人信息保护，详情请阅读《隐私政策》和《用户服务协议》。',
  '如您对我们的服务有任何意见或建议，欢迎拨打服务监督电话或发送电子邮件。',
  '医院始建于1958年，是一所集医疗、教学、科研、预防为一体的综合性医疗机构。',
  '医院现有职工一千余人，开放床位八百张，设有临床科室三十余个。',
  '秋冬季节气温变化大，老年人应注意保暖，适当进行户外活动。',
  '用药前请仔细阅读说明书，如有疑问请咨询医师或药师。',
  '春季是过敏性疾病的高发季节，过敏体质人群外出时可佩戴口罩，减少花粉接触。',
  '均衡饮食应包括谷薯类、蔬菜水果、畜禽鱼蛋奶和大豆坚果类食物。',
  '长时间使用电子产品时，建议每隔40分钟远眺放松眼睛。',
  '慢性病患者应建立健康档案，定期复查相关指标。',
  '地址：浙江省杭州市西湖区文三路000号（近教工路口）。',
  '客服工作时间：工作日9:00-18:00，节假日期间在线客服延迟回复，敬请谅解。',
  '糖尿病患者应控制主食总量，粗细搭配，餐后适当散步有助于平稳血糖。',
  '幽门螺杆菌可通过共用餐具传播，提倡使用公筷公勺、分餐进食。',
  '胃镜检查前一天晚餐宜清淡，检查当日需空腹，具体要求请听从医护人员安排。',
  '体检报告中的异常指标不一定代表患病，应由专科医生结合症状综合判断。',
  '孕期应按时进行产前检查，补充叶酸要在医生指导下进行。',
  '青少年近视防控要做到户外活动每天两小时以上，读写姿势要端正。',
  '老年人跌倒是常见的意外伤害，居家环境应保持地面干燥、照明充足。',
  '抗生素应在医生指导下使用，不可自行购买服用，也不要随意停药。',
  '运动前应充分热身，运动后做好拉伸，循序渐进地增加运动量。',
  '口腔健康是全身健康的一部分，建议每半年进行一次口腔检查。',
  '皮肤出现不明原因的瘙痒、红斑时，请到正规医疗机构皮肤科就诊。',
  '冬季是心脑血管疾病高发期，有基础疾病的人群要注意防寒保暖。',
  '健康体重的成年人体质指数应在18.5至23.9之间。',
  '戒烟任何时候都不晚，戒烟后心血管疾病风险会逐步下降。',
  '医保患者就诊时请主动出示医保电子凭证，按规定享受报销待遇。',
  '住院患者请遵守病房管理规定，探视时间为每日15:00-20:00。',
  '本院实行首诊负责制，急危重症患者享有优先诊疗的权利。',
  '检查结果可通过自助机打印，也可在医院公众号“报告查询”栏目查看。',
  '保持良好的手卫生是预防呼吸道和肠道传染病最简单有效的措施。',
  '夏季气温高，食物容易变质，剩饭剩菜应冷藏并彻底加热后食用。',
  '中暑时应迅速将患者转移到阴凉通风处，补充含盐饮料，严重者立即送医。',
  '心理健康同样重要，长期情绪低落、失眠时可寻求心理门诊帮助。',
  '献血是无偿的公益行为，健康成年人每次献血后身体可在短期内恢复。',
];

/** Titles of neutral health articles, for sidebars, related lists and non-ad pages. */
export const ARTICLE_TITLES = [
  '春季过敏高发，这些防护要点请收好',
  '高血压患者日常饮食需要注意什么',
  '体检报告里的“箭头”该怎么看',
  '孩子反复咳嗽，家长要警惕哪些问题',
  '糖尿病患者如何科学安排一日三餐',
  '长期失眠怎么办？专家给出五点建议',
  '秋冬季节如何预防心脑血管疾病',
  '胃镜检查前后需要注意哪些事项',
  '近视防控：从每天两小时户外活动做起',
  '老年人跌倒风险评估与居家防护',
  '科学补钙的几个常见误区',
  '幽门螺杆菌感染者一定要治疗吗',
  '皮肤瘙痒反复发作，可能与这些因素有关',
  '孕期营养补充指南',
  '颈椎病的预防与日常锻炼方法',
  '儿童疫苗接种常见问题解答',
  '正确洗手的六个步骤',
  '夏季饮食卫生要点',
  '如何识别中风的早期信号',
  '关节疼痛就是关节炎吗',
  '口腔溃疡反复发作怎么办',
  '甲状腺结节体检发现后怎么办',
  '健康减重：控制饮食还是增加运动',
  '冬季皮肤干燥的护理方法',
  '慢性胃炎患者的饮食调理',
  '骨质疏松的早期筛查与预防',
  '医保门诊报销政策问答',
  '我院开展“世界卫生日”义诊活动',
  '我院新门诊楼正式投入使用',
  '关于调整节假日门诊安排的通知',
  '便民服务：检查报告线上查询指南',
  '护理团队开展急救技能培训',
  '我院专家赴社区开展健康讲座',
  '家庭药箱应该常备哪些药品',
  '抗生素使用的五个误区',
  '眼睛干涩是怎么回事',
  '痛风患者能吃豆制品吗',
  '哮喘儿童的家庭护理要点',
  '如何科学看待保健食品',
  '中医养生：顺应四时起居有常',
];

export const SITE_NAMES = [
  '康华皮肤病医院', '仁和胃肠医院', '百姓健康大药房', '瑞康健康网', '同仁堂中医门诊部',
  '悦美医疗美容门诊部', '博爱妇产医院', '明目眼科医院', '安康骨科医院', '健康之家药房网',
  '华东某某男科医院', '惠民口腔医院', '长寿养生网', '家庭医生在线频道', '协和某某专科门诊部',
];

export const SITE_HOSTS = [
  'kanghua-pfb', 'renhe-wc', 'baixing-yf', 'ruikang-jk', 'tongren-zy', 'yuemei-yl', 'boai-fc',
  'mingmu-yk', 'ankang-gk', 'jkzj-yf', 'huadong-nk', 'huimin-kq', 'changshou-ys', 'jtys-pd', 'xiehe-zk',
];

/** Top-level menu entries with their dropdown items and URL stems. */
export const MENU = [
  ['医院概况', 'yygk', ['医院简介', '院长致辞', '医院荣誉', '医院环境', '大事记', '组织机构']],
  ['专家团队', 'zjtd', ['专家介绍', '名医坐诊', '学术成果', '护理团队']],
  ['特色科室', 'tsks', ['皮肤科', '消化内科', '中医科', '妇科', '男科', '眼科', '口腔科', '骨科', '康复医学科']],
  ['健康资讯', 'jkzx', ['疾病百科', '用药指南', '养生保健', '饮食营养', '科普视频']],
  ['就医指南', 'jyzn', ['预约挂号', '来院路线', '医保政策', '住院须知', '检查须知', '常见问题']],
  ['新闻动态', 'xwdt', ['医院新闻', '媒体报道', '公益活动', '通知公告']],
  ['药品商城', 'ypsc', ['感冒用药', '肠胃用药', '慢病用药', '保健食品', '医疗器械', '母婴用品']],
  ['院务公开', 'ywgk', ['收费标准', '药品价格', '信息公开']],
  ['党建工作', 'djgz', ['党建动态', '廉政建设']],
  ['联系我们', 'lxwm', ['在线咨询', '意见反馈', '招聘信息']],
];

export const PRODUCTS = [
  '复方感冒灵颗粒 10g*9袋', '维生素C咀嚼片 100片', '钙尔奇碳酸钙D3片 60片', '电子体温计 1支',
  '医用外科口罩 50只/盒', '布洛芬缓释胶囊 24粒', '蒙脱石散 10袋', '家用血压计 臂式',
  '医用棉签 100支', '碘伏消毒液 100ml', '维生素B族片 100片', '鱼油软胶囊 100粒',
  '护眼贴 10片', '氨糖软骨素钙片 90片', '益生菌粉 30袋', '血糖试纸 50片',
];

export const DOCTOR_NAMES = ['王建华', '李文静', '张国强', '刘敏', '陈志远', '杨丽', '赵明', '黄海燕', '周晓东', '吴静', '徐卫国', '孙红梅'];
export const DOCTOR_TITLES = ['主任医师', '副主任医师', '主治医师', '教授', '科室主任'];
export const DEPARTMENTS = ['皮肤科', '消化内科', '中医科', '妇科', '男科', '眼科', '口腔科', '骨科', '儿科', '心血管内科'];
export const COMMENT_USERS = ['健康小卫士', '用户138****2201', '杭州网友', '爱跑步的老李', '小雨', '用户159****7788', '匿名用户', '晴天'];
export const COMMENT_TEXTS = [
  '挂号流程很方便，导诊护士很热情。', '文章写得很清楚，收藏了。', '请问周末有门诊吗？',
  '停车位有点紧张，建议早点到。', '科普内容很实用，转给家里老人看看。', '医保可以直接结算吗？',
  '环境干净整洁，候诊区有充电的地方。', '感谢分享，学到了。',
];
export const FRIEND_LINKS = ['国家卫生健康委员会', '国家药品监督管理局', '中国疾病预防控制中心', '省卫生健康委', '市医疗保障局', '中国医师协会', '健康中国', '12320卫生热线'];
export const ICP_PROVINCES = ['浙', '沪', '京', '粤', '苏', '鲁', '川', '鄂'];

/** Class names a CMS template uses: selectors for the inline CSS and class attributes. */
export const CLASS_NAMES = [
  'wrap', 'container', 'topbar', 'header', 'logo', 'search-box', 'search-input', 'search-btn',
  'hotline', 'nav', 'nav-list', 'nav-item', 'sub-nav', 'dropdown', 'breadcrumb', 'main',
  'content-left', 'article', 'article-title', 'article-meta', 'article-body', 'article-tags',
  'prev-next', 'related', 'related-list', 'sidebar', 'widget', 'widget-title', 'thumb-list',
  'thumb-item', 'thumb', 'info', 'item-title', 'date', 'expert-card', 'avatar', 'btn',
  'btn-primary', 'float-consult', 'footer', 'footer-links', 'friend-links', 'copyright', 'icp',
  'clearfix', 'fl', 'fr', 'hide', 'icon', 'icon-phone', 'icon-share', 'icon-eye', 'pagination',
  'tag', 'hot', 'new', 'swiper', 'swiper-slide', 'banner', 'mask', 'tab', 'tab-hd', 'tab-bd',
  'on', 'active', 'more', 'text-ellipsis', 'line-clamp-2', 'pc-only', 'm-only', 'goods-list',
  'goods-item', 'goods-name', 'price', 'yen', 'buy', 'comment-list', 'comment-item', 'user',
  'content', 'share-bar', 'figure', 'caption', 'notice-bar', 'qr-code', 'back-top',
];

/** CSS declarations with `#` standing for a number the generator fills in. */
export const CSS_DECLARATIONS = [
  'margin:0 auto', 'margin:#px 0', 'padding:#px #px', 'padding:0 #px', 'font-size:#px',
  'color:#333', 'color:#666', 'color:#999', 'color:#1a73e8', 'color:#e60012', 'line-height:1.8',
  'line-height:#px', 'display:block', 'display:inline-block', 'display:flex', 'display:none',
  'float:left', 'float:right', 'width:#px', 'width:100%', 'height:#px', 'max-width:1200px',
  'background:#f5f5f5', 'background:#fff', 'background:#0b6cc4 url(/static/images/nav-bg.png) repeat-x left top',
  'border:1px solid #e5e5e5', 'border-bottom:1px solid #eee', 'border-top:#px solid #0b6cc4',
  'overflow:hidden', 'text-overflow:ellipsis', 'white-space:nowrap', 'position:relative',
  'position:absolute', 'position:fixed', 'top:#px', 'left:0', 'right:#px', 'bottom:#px',
  'z-index:#', 'transition:all .3s ease', 'border-radius:#px', 'box-shadow:0 2px 8px rgba(0,0,0,.08)',
  'cursor:pointer', 'text-align:center', 'text-indent:2em', 'font-weight:bold', 'font-weight:normal',
  'justify-content:space-between', 'align-items:center', 'flex:1', 'list-style:none',
  'text-decoration:none', 'opacity:.85', 'vertical-align:middle', 'letter-spacing:1px',
  '-webkit-line-clamp:2', '-webkit-box-orient:vertical', 'object-fit:cover', 'clear:both',
];

export const CSS_PSEUDO = ['', '', '', ':hover', ' a', ' li', ' img', ' span', ' p', ' h3', '::after', ' .icon', ' a:hover'];
