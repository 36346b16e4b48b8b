/**
 * Things people ask a phone company's assistant about that no SMS instruction does: other kinds
 * of balance and bill (公积金余额, 信用卡账单), other services (宽带, 国际漫游, 充值), the phone
 * itself (蓝牙耳机). A query naming one is never answered with confidence, however well its other
 * words (余额, 账单, 开通) match.
 */
const OUT_OF_SCOPE_ZH = [
  '股票', '股价', '行情', '基金', '理财', '公积金', '社保', '医保', '信用卡', '银行', '贷款', '保险', '彩票', '支付宝',
  '微信', '快递', '外卖', '天气', '电费', '水费', '燃气', '煤气', '交通卡', '公交卡', '宽带', '漫游', '携号转网', '转网',
  '充值', '缴费', '交费', '充钱', '蓝牙', '耳机', '路由器', '热点', '闹钟', '屏幕', '维修', '机票', '火车票', '门票',
  '营业厅', '电影', '地图', '导航', '会员', '补卡', '换卡', '销户', '过户', '实名', '发票', '合约机', '靓号', '选号',
  '套餐升级', '升级套餐', '换套餐', '改套餐', '办套餐', '5g套餐', '演唱会', '酒店', '外币', '汇率', '油价', 'esim',
];
const OUT_OF_SCOPE_EN = [
  'stock', 'share price', 'bank', 'credit card', 'debit card', 'loan', 'insurance', 'earbud', 'earphone', 'headphone',
  'bluetooth', 'router', 'wifi', 'weather', 'flight', 'ticket', 'hotel', 'hotspot', 'roaming', 'broadband', 'recharge',
  'top up', 'topup', 'esim', 'carrier', 'port my number', 'transfer my number', 'movie', 'taxi', 'pizza', 'electricity',
  'water bill', 'gas bill', 'exchange rate', 'upgrade my plan', 'change my plan', 'new plan', 'new sim', 'replacement sim',
];

/**
 * The out-of-scope words a folded reading of a query names, but for those `explained` says the
 * instruction's own texts hold (闹钟 is an alarm clock, but also the catalog's 话费闹钟).
 */
export function outOfScopeWords(folded: string, explained: (word: string) => boolean): string[] {
  const latin = ` ${folded.replace(/[^a-z0-9]+/g, ' ')} `;
  return [...OUT_OF_SCOPE_ZH.filter((w) => folded.includes(w)), ...OUT_OF_SCOPE_EN.filter((w) => latin.includes(` ${w}`))].filter((w) => !explained(w));
}
