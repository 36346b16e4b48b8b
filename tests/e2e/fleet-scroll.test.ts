import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { seedFleet } from '../integration/fleet/seed-fleet';
import { coreSuite } from './core-suite';

const SIMS = 2000;

/** Every drawn row of the fleet table: its place in the list, its height, and its top below the table's header. */
const drawnRows = (page: Page) =>
  page.evaluate(() => {
    const scroller = document.querySelector('.fleet-scroller')!;
    const table = scroller.querySelector('table')!.getBoundingClientRect();
    // The header is sticky: the rows are placed from the table's top, under the header's height.
    const head = scroller.querySelector('thead')!.getBoundingClientRect().height;
    return [...scroller.querySelectorAll<HTMLTableRowElement>('tbody tr[aria-rowindex]')].map((tr) => {
      const r = tr.getBoundingClientRect();
      return { index: Number(tr.getAttribute('aria-rowindex')) - 2, height: r.height, top: r.top - table.top - head };
    });
  });

/**
 * Waits until the virtualiser has answered the scroll: the first and the last row in view at the scroller's
 * position are drawn. Then for two more frames, so the layout after the drawing (and any scroll anchoring or
 * measuring it starts) is done before positions are read.
 */
const settle = async (page: Page) => {
  await page.waitForFunction(
    (sims) => {
      const scroller = document.querySelector('.fleet-scroller')!;
      const drawn = [...scroller.querySelectorAll<HTMLTableRowElement>('tbody tr[aria-rowindex]')];
      if (drawn.length === 0) return false;
      const height = drawn[0]!.getBoundingClientRect().height;
      const head = scroller.querySelector('thead')!.getBoundingClientRect().height;
      const indices = new Set(drawn.map((tr) => Number(tr.getAttribute('aria-rowindex')) - 2));
      const first = Math.floor(scroller.scrollTop / height);
      const last = Math.min(sims - 1, Math.floor((scroller.scrollTop + scroller.clientHeight - head - 1) / height));
      return indices.has(first) && indices.has(last);
    },
    SIMS,
    { polling: 'raf', timeout: 30_000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
};

/** A fleet of 2,000 SIMs, one in five with a long name and many under the low-balance threshold: rows whose badges would wrap. */
describe('a fleet of 2,000 SIMs on the Overview', () => {
  let page: Page;
  coreSuite(
    {
      dirPrefix: 'hall-fleet-scroll-e2e-',
      core: async (dataDir) => {
        const core = await HallCore.create({ dataDir });
        const ids = seedFleet(core.fleet.board, SIMS);
        for (let n = 0; n < ids.length; n += 5) await core.fleet.setLabel({ simId: ids[n]!, name: `营业厅前台${n}号机（周末借给李四用）`, owner: '王芳', phone: '' });
        return core;
      },
      context: { viewport: { width: 1024, height: 700 } },
      prepare: (context) => context.addInitScript(() => localStorage.setItem('hall10086.alertThresholds', JSON.stringify({ balanceYuan: 60, dataMb: null }))),
    },
    (suite) => {
      ({ page } = suite);
    },
  );

  it.each(['zh-Hans', 'en'])('scrolls by exact offsets: every row one height, each where its place says, the position never moved by a row drawn (%s)', async (lang) => {
    await page.evaluate((l) => localStorage.setItem('hall10086.lang', l), lang);
    await page.reload();
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.waitForSelector('.overview-table tbody tr[aria-rowindex]');
    await page.waitForFunction((n) => document.querySelector('.fleet-count')?.textContent?.includes(String(n)), SIMS);
    // Long names with their "low" badge are among the rows: the rows that used to grow.
    expect(await page.locator('.overview-table tbody tr[aria-rowindex] .badge-risk').count()).toBeGreaterThan(0);
    const first = await drawnRows(page);
    const height = first[0]!.height;
    const scroller = page.locator('.fleet-scroller');
    const { max, head } = await scroller.evaluate((el) => ({ max: el.scrollHeight - el.clientHeight, head: el.querySelector('thead')!.getBoundingClientRect().height }));
    // The whole list's height is known before any row is drawn: 2,000 rows of one height under the header.
    expect(Math.abs(max + (await scroller.evaluate((el) => el.clientHeight)) - (head + SIMS * height))).toBeLessThan(2);
    for (const target of [height * 10.4, height * 777, height * 1500.5, max, height * 333.3, 0, height * 1999]) {
      const to = Math.min(Math.round(target), max);
      await scroller.evaluate((el, y) => (el.scrollTop = y), to);
      await settle(page);
      const rows = await drawnRows(page);
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) {
        expect(row.height, `row ${row.index} at ${to}`).toBeCloseTo(height, 0);
        expect(Math.abs(row.top - row.index * height), `row ${row.index}'s top at ${to}: ${row.top}`).toBeLessThan(1.5);
      }
      // Drawing the rows in view moved nothing: the reader stays where the scroll put them.
      await settle(page);
      expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - to), `scrolled to ${to}`).toBeLessThan(1);
    }
  });
});
