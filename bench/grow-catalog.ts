import type { Instruction } from '../src-shared/catalog/schema';

/**
 * Grows the real catalog to the size of the 10086 assistant's business knowledge base (12,000
 * entries) with plausible distractors: province- and price-specific packages whose names share
 * words with the real instructions (流量, 彩铃, 提醒, 查询…). Deterministic for a given seed.
 */
const PRODUCTS: [zh: string, hant: string, en: string, code: string][] = [
  ['流量加油包', '流量加油包', 'data top-up pack', 'LLJYB'],
  ['夜间流量包', '夜間流量包', 'night data pack', 'YJLL'],
  ['定向流量包', '定向流量包', 'app data pack', 'DXLL'],
  ['视频彩铃', '視頻彩鈴', 'video ringback tone', 'SPCL'],
  ['国际漫游', '國際漫遊', 'international roaming', 'GJMY'],
  ['亲情号码', '親情號碼', 'family numbers', 'QQHM'],
  ['家庭宽带', '家庭寬帶', 'home broadband', 'JTKD'],
  ['和彩云', '和彩雲', 'cloud storage', 'HCY'],
  ['139邮箱', '139郵箱', '139 mail', 'YX139'],
  ['手机报', '手機報', 'mobile newspaper', 'SJB'],
  ['天气预报', '天氣預報', 'weather forecast', 'TQYB'],
  ['来电助手', '來電助手', 'call assistant', 'LDZS'],
  ['呼叫转移', '呼叫轉移', 'call forwarding', 'HJZY'],
  ['短信包', '簡訊包', 'SMS bundle', 'DXB'],
  ['语音包', '語音包', 'voice bundle', 'YYB'],
  ['咪咕视频', '咪咕視頻', 'Migu video', 'MGSP'],
  ['咪咕音乐', '咪咕音樂', 'Migu music', 'MGYY'],
  ['5G套餐', '5G套餐', '5G plan', 'TC5G'],
  ['副卡', '副卡', 'secondary SIM', 'FK'],
  ['积分兑换', '積分兌換', 'points redemption', 'JFDH'],
  ['话费红包', '話費紅包', 'credit voucher', 'HFHB'],
  ['流量提醒', '流量提醒', 'data usage reminder', 'LLTX'],
  ['漏话提醒', '漏話提醒', 'missed call alert', 'LHTX'],
  ['翻译助手', '翻譯助手', 'translation assistant', 'FYZS'],
  ['安全管家', '安全管家', 'security manager', 'AQGJ'],
  ['游戏包', '遊戲包', 'games pack', 'YXB'],
  ['阅读包', '閱讀包', 'reading pack', 'YDB'],
  ['宽带提速', '寬帶提速', 'broadband speed-up', 'KDTS'],
  ['流量日包', '流量日包', 'daily data pass', 'LLRB'],
  ['集团短号', '集團短號', 'group short number', 'JTDH'],
];
const ACTIONS: [zh: string, hant: string, en: string, prefix: string, kind: Instruction['action']][] = [
  ['开通', '開通', 'Enable', 'KT', 'enable'],
  ['取消', '取消', 'Cancel', 'QX', 'disable'],
  ['查询', '查詢', 'Check', 'CX', 'query'],
];
const PROVINCES: [zh: string, hant: string, en: string, code: string][] = [
  ['北京', '北京', 'Beijing', 'BJ'], ['上海', '上海', 'Shanghai', 'SH'], ['广东', '廣東', 'Guangdong', 'GD'],
  ['江苏', '江蘇', 'Jiangsu', 'JS'], ['浙江', '浙江', 'Zhejiang', 'ZJ'], ['河南', '河南', 'Henan', 'HA'],
  ['湖北', '湖北', 'Hubei', 'HB'], ['四川', '四川', 'Sichuan', 'SC'], ['山东', '山東', 'Shandong', 'SD'],
  ['福建', '福建', 'Fujian', 'FJ'], ['湖南', '湖南', 'Hunan', 'HN'], ['安徽', '安徽', 'Anhui', 'AH'],
  ['河北', '河北', 'Hebei', 'HE'], ['陕西', '陝西', 'Shaanxi', 'SN'], ['辽宁', '遼寧', 'Liaoning', 'LN'],
];
const PRICES = [5, 10, 15, 20, 30, 50, 80, 100, 128, 158];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function growCatalog(real: readonly Instruction[], size: number, seed = 10086): Instruction[] {
  const random = rng(seed);
  const out: Instruction[] = [...real];
  const ids = new Set(real.map((e) => e.id.toUpperCase()));
  const combos: [number, number, number, number][] = [];
  for (let p = 0; p < PRODUCTS.length; p++)
    for (let a = 0; a < ACTIONS.length; a++)
      for (let v = 0; v < PROVINCES.length; v++) for (let c = 0; c < PRICES.length; c++) combos.push([p, a, v, c]);
  // Shuffle so that a smaller size still draws from every product.
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [combos[i], combos[j]] = [combos[j]!, combos[i]!];
  }
  for (const [p, a, v, c] of combos) {
    if (out.length >= size) break;
    const [pz, ph, pe, pc] = PRODUCTS[p]!;
    const [az, ah, ae, ac, kind] = ACTIONS[a]!;
    const [vz, vh, ve, vc] = PROVINCES[v]!;
    const price = PRICES[c]!;
    const id = `${ac}${pc}${vc}${price}`;
    if (ids.has(id)) continue;
    ids.add(id);
    out.push({
      id,
      template: id,
      to: '10086',
      params: [],
      name: { 'zh-Hans': `${az}${vz}${pz}${price}元`, 'zh-Hant': `${ah}${vh}${ph}${price}元`, en: `${ae} ${pe} ${price} yuan (${ve})` },
      summary: {
        'zh-Hans': `${vz}移动${pz}${price}元档，${az}。`,
        'zh-Hant': `${vh}移動${ph}${price}元檔，${ah}。`,
        en: `${ae} the ${price}-yuan ${pe} in ${ve}.`,
      },
      category: 'services',
      action: kind,
      caveats: [],
      risk: { confirm: false },
      synonyms: {
        'zh-Hans': [`${az}${pz}`, `${vz}${pz}`, `${pz}${price}元`],
        'zh-Hant': [`${ah}${ph}`, `${vh}${ph}`],
        en: [`${ae.toLowerCase()} ${pe}`, `${pe} ${price}`],
      },
      examples: { 'zh-Hans': [`我想${az}${pz}`], 'zh-Hant': [], en: [] },
      seed: '',
    });
  }
  return out;
}
