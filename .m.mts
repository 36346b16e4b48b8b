import { loadExtension } from './src-extension/load-in-chromium';
const ext = await loadExtension(process.argv[2]!);
const blank = await ext.context.newPage();
const cdp = await ext.context.newCDPSession(blank);
await cdp.send('ServiceWorker.enable');
const hash = process.argv[3] ?? '';
const typed = process.argv[4];
for (let i = 0; i < 6; i++) {
  await cdp.send('ServiceWorker.stopAllWorkers');
  const page = await ext.context.newPage();
  await page.addInitScript(() => new MutationObserver((_, o) => { if (document.querySelector('#results li')) { o.disconnect(); requestAnimationFrame(() => setTimeout(() => performance.mark('PAINTED'))); } }).observe(document, { childList: true, subtree: true }));
  await page.addInitScript(() => new MutationObserver((_, o) => { if (document.querySelector('#search')) { o.disconnect(); requestAnimationFrame(() => setTimeout(() => performance.mark('BOX'))); } }).observe(document, { childList: true, subtree: true }));
  await page.goto(`${ext.base}popup.html${hash}`);
  if (typed) { await page.waitForFunction(() => performance.getEntriesByName('BOX')[0]); await page.fill('#search', typed); }
  await page.waitForFunction(() => performance.getEntriesByName('PAINTED')[0]);
  await page.waitForTimeout(100);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`).join(' | '));
  if (i) console.log(marks);
  await page.close();
}
await ext.close();
