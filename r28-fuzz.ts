import { understandReply, describeFigures } from './src-shared/replies';
const words = ['副卡','主卡','138****1234','13812341234','您','和','与','共享','剩余','已用','已使用','国内通用流量','流量','1GB','500MB','2.5G','语音','100分钟','其中','合计','共剩余','明细','（','）','(',')','1、','2、','（1）','①','，','；','。','\n','【副卡13800001111】','号码','客户','余额','35.20元','套餐','包','：',':','主副卡','您共享主号（135****0000）','本机','定向','闲时','%','80%','上月结转','详情','如下','具体','总计','+','分别'];
let seed = 7;
const rnd = (n: number) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n; };
let errors = 0;
const t0 = Date.now();
for (let i = 0; i < 200000 && Date.now() - t0 < 150000; i++) {
  const text = Array.from({ length: 3 + rnd(25) }, () => words[rnd(words.length)]).join('');
  try {
    const u = understandReply({ text, receivedAt: Date.UTC(2026, 10, 25), from: '10086' });
    if (u.kind === 'figures') { describeFigures(u, 'zh-Hans'); describeFigures(u, 'en'); }
  } catch (e) {
    if (errors++ < 5) console.log(JSON.stringify(text), (e as Error).stack?.split('\n').slice(0, 4).join(' | '));
  }
}
console.log('errors', errors);
