// Ad-hoc interleaved A/B (not committed): the bench's measurement, several builds opened in turn.
import type { CDPSession } from 'playwright-core';
import { loadExtension, type LoadedExtension } from './src-extension/load-in-chromium';
function markPaintedWhenShown(selector: string, mark: string): void {
  new MutationObserver((_, observer) => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => performance.mark(mark)));
  }).observe(document, { childList: true, subtree: true });
}
const Q = '#/search/%E6%B5%81%E9%87%8F';
const CASES: Record<string, { hash: string; shown: string; typed?: string; cold: boolean }> = {
  addrAwake: { hash: Q, shown: '#results li', cold: false },
  addrAsleep: { hash: Q, shown: '#results li', cold: true },
  box: { hash: '', shown: '#search', cold: false },
  typedAsleep: { hash: '', shown: '#search', typed: '流量', cold: true },
};
async function openOnce(ext: LoadedExtension, cdp: CDPSession, c: (typeof CASES)[string]) {
  if (c.cold) await cdp.send('ServiceWorker.stopAllWorkers');
  else await cdp.send('ServiceWorker.startWorker', { scopeURL: ext.base });
  const page = await ext.context.newPage();
  await page.addInitScript(`(${markPaintedWhenShown})(${JSON.stringify(c.shown)}, "p")`);
  if (c.typed) await page.addInitScript(`(${markPaintedWhenShown})('#results li', "r")`);
  await page.goto(`${ext.base}popup.html${c.hash}`);
  const painted = (m: string) => page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, m).then((h) => h.jsonValue() as Promise<number>);
  let at = await painted('p');
  if (c.typed) { await page.fill('#search', c.typed); at = await painted('r'); }
  await page.close();
  return at;
}
const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const only = process.argv.find((a) => a.startsWith('--cases='))?.slice(8).split(',') ?? Object.keys(CASES);
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 9);
const exts = [];
for (const d of dirs) exts.push(await loadExtension(d));
const cdps = [];
for (const e of exts) { const c = await e.context.newCDPSession(await e.context.newPage()); await c.send('ServiceWorker.enable'); cdps.push(c); }
const { execSync } = await import('node:child_process');
const load = () => execSync('cat /proc/loadavg').toString().split(' ')[0];
console.log('load at start', load(), new Date().toISOString());
for (const name of only) {
  const c = CASES[name]!;
  const s: number[][] = dirs.map(() => []);
  for (let k = 0; k < exts.length; k++) await openOnce(exts[k]!, cdps[k]!, c);
  for (let i = 0; i < runs; i++) for (let k = 0; k < exts.length; k++) s[k]!.push(await openOnce(exts[k]!, cdps[k]!, c));
  const med = (v: number[]) => { const x = [...v].sort((a, b) => a - b); return x[Math.floor(x.length / 2)]!.toFixed(1); };
  console.log(name.padEnd(12), dirs.map((d, k) => `${d.split('/').pop()}: ${med(s[k]!)}`).join('  '), ' load', load());
}
for (const e of exts) await e.close();
