import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, readTables, serve, type Served } from './ui-kit';

/**
 * After a full session that sends a password change and an ID-number instruction through the UI,
 * no copy of either secret may be anywhere at rest: not in the browser profile on disk (IndexedDB,
 * caches, session state, logs), not in the app's data folder (journal, settings), in ASCII or UTF-16.
 */

const OLD_PASSWORD = '975310';
const NEW_PASSWORD = '864202';
const ID_NUMBER = '11010519491231002X';
/** Typed whole into the composer, as in the attack of issue 14: variants the form never sees. */
const TYPED = [
  { text: 'mmxg 718293 402615', kept: 'mmxg ****** ******', secrets: ['718293', '402615'] },
  { text: '请帮我改密码 MMXG#357108#692841', kept: '请帮我改密码 MMXG#******#******', secrets: ['357108', '692841'] },
  { text: 'MMHF 510107199206302858', kept: 'MMHF ******', secrets: ['510107199206302858'] },
];
const SECRETS = [OLD_PASSWORD, NEW_PASSWORD, ID_NUMBER, ...TYPED.flatMap((t) => t.secrets)];

let server: Served;
let profile: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await buildApp();
  server = await serve();
  profile = await mkdtemp(join(tmpdir(), 'hall10086-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await server?.stop();
  await rm(profile, { recursive: true, force: true });
});

async function sendWithSecrets(hash: string, fields: Record<string, string>, masked: string): Promise<void> {
  await page.goto(`${server.url.split('#')[0]}${hash}`);
  for (const [name, value] of Object.entries(fields)) await page.fill(`#instruction-param-${name}`, value);
  await page.click('.sms button.primary');
  await page.waitForSelector('dialog[open]');
  await page.click('dialog[open] button.danger');
  await page.waitForFunction((m) => [...document.querySelectorAll('.bubble-line.out .bubble-text')].some((e) => e.textContent === m), masked, { timeout: 45_000 });
}

/** Typed in the composer and sent with its Send button: the instruction's confirmation comes first. */
async function typeAndSend(text: string, kept: string): Promise<void> {
  await page.goto(`${server.url.split('#')[0]}#/thread`);
  await page.waitForSelector('.composer-line input:not([disabled])');
  await page.fill('.composer-line input', text);
  await page.click('.composer-line button.primary');
  await page.waitForSelector('dialog[open]');
  expect(await page.textContent('dialog[open]')).toContain(kept);
  expect(await page.textContent('dialog[open]')).not.toContain(text);
  await page.click('dialog[open] button.danger');
  await page.waitForFunction((m) => [...document.querySelectorAll('.bubble-line.out .bubble-text')].some((e) => e.textContent === m), kept, { timeout: 45_000 });
}

interface Row {
  direction: 'in' | 'out';
  peer: string;
  state: string;
  at: number;
  complete: boolean;
}

/**
 * How many sends have their answer stored: each send takes the first whole reply from its peer stored after it that no
 * earlier send took (10086 answers each instruction with one SMS, in order). A message that came before a send, or
 * from anyone else (the demo SIM's own, a stranger's), answers none.
 */
function answeredSends(rows: Row[]): number {
  const byTime = [...rows].sort((a, b) => a.at - b.at);
  const taken = new Set<Row>();
  return byTime
    .filter((m) => m.direction === 'out')
    .filter((send) => {
      const answer = byTime.find((m) => m.direction === 'in' && m.complete && m.peer === send.peer && m.at > send.at && !taken.has(m));
      if (answer) taken.add(answer);
      return answer !== undefined;
    }).length;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

// First: the at-rest test below closes the browser to read its profile on disk.
describe('no secret in clear on screen while it is typed (fixes17)', () => {
  it('MMXG#123456#654321 typed key by key into the composer: each password is covered as soon as it is recognised, the text kept, the note says so', async () => {
    await page.goto(await server.link());
    await page.goto(`${server.url.split('#')[0]}#/thread`);
    const line = page.locator('.composer-line input:not([disabled])');
    await line.waitFor();
    await line.click();
    const covered = () => page.$$eval('.composer-mask .composer-secret', (els) => els.map((e) => e.textContent));
    await page.keyboard.type('MMXG#123456');
    await expect.poll(covered).toEqual(['123456']);
    await page.keyboard.type('#654321');
    await expect.poll(covered).toEqual(['123456', '654321']);
    // Nothing is lost: the line holds what was typed, and the cover shows the same characters in place.
    expect(await line.inputValue()).toBe('MMXG#123456#654321');
    expect(await page.textContent('.composer-mask')).toBe('MMXG#123456#654321');
    // The line's own text is not drawn, nor the secrets' characters in the cover: only their bars.
    const style = await page.evaluate(() => {
      const input = document.querySelector('.composer-line input')!;
      const secret = document.querySelector('.composer-mask .composer-secret')!;
      const caret = getComputedStyle(input).caretColor;
      return { text: getComputedStyle(input).color, caret, secret: getComputedStyle(secret).color, bar: getComputedStyle(secret).backgroundColor };
    });
    expect(style.text).toBe('rgba(0, 0, 0, 0)');
    expect(style.secret).toBe('rgba(0, 0, 0, 0)');
    expect(style.caret).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.bar).not.toBe('rgba(0, 0, 0, 0)');
    // A screen reader is told, through the line's description.
    expect(await page.textContent('#composer-note')).toContain('这一行含有密码或证件号码，屏幕上已遮住。');
    // The caret still edits: a backspace takes the last digit, and the password is still covered.
    await page.keyboard.press('Backspace');
    expect(await line.inputValue()).toBe('MMXG#123456#65432');
    await expect.poll(covered).toEqual(['123456', '65432']);
    // Text without a secret is drawn by the line itself again.
    await line.fill('CXYE');
    await expect.poll(() => page.locator('.composer-mask').count()).toBe(0);
  });
});

describe('no secret at rest', () => {
  it('after sending MMXG and MMHF, from their forms and typed whole in any form, neither the browser profile nor the app data folder holds them', async () => {
    await page.goto(await server.link());
    await page.waitForSelector('#catalog-search');
    await sendWithSecrets('#/instruction/MMXG', { oldPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD, newPasswordAgain: NEW_PASSWORD }, 'MMXG#******#******');
    await sendWithSecrets('#/instruction/MMHF', { idNumber: ID_NUMBER }, 'MMHF#******');
    for (const { text, kept } of TYPED) await typeAndSend(text, kept);
    // The demo network did get the real text: the secret left over the air and nowhere else. Each send's delivery
    // report and 10086's answer are the last the core journals and the page stores of it (a fixed wait missed them
    // under load): once every send has its end and an answer in the page's log, whatever they would write is on disk.
    const ends = async () => {
      const rows = (await readTables(page, ['messages'])).messages as unknown as Row[];
      const sent = rows.filter((m) => m.direction === 'out');
      return { sent: sent.length, ended: sent.filter((m) => m.state === 'delivered' || m.state === 'failed').length, answered: answeredSends(rows) };
    };
    const sends = 2 + TYPED.length;
    await expect.poll(ends, { timeout: 60_000 }).toEqual({ sent: sends, ended: sends, answered: sends });
    await context.close();

    const files = [...(await filesUnder(profile)), ...(await filesUnder(server.dataDir))];
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file).catch(() => null);
      if (!bytes) continue;
      for (const secret of SECRETS) {
        // With the bytes around it: a leak seen once in a full run (session 22) left nothing else to find its writer by.
        const at = bytes.indexOf(Buffer.from(secret, 'latin1'));
        if (at >= 0) found.push(`${secret} in ${file}: ${bytes.subarray(Math.max(0, at - 160), at + 80).toString('utf8')}`);
        else if (bytes.includes(Buffer.from(secret, 'utf16le'))) found.push(`${secret} in ${file} (UTF-16)`);
      }
    }
    expect(found).toEqual([]);
  }, 180_000);
});

