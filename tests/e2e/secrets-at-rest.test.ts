import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLine } from '../../src-main/services/journal/line-codec';
import { around, joinedSecrets, journalSecretHits, secretHits } from './secrets-in-bytes';
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
/** Every text that goes out, in clear, with its secrets in order: what a leak would write. */
const SENT = [
  { text: `MMXG#${OLD_PASSWORD}#${NEW_PASSWORD}`, secrets: [OLD_PASSWORD, NEW_PASSWORD] },
  { text: `MMHF#${ID_NUMBER}`, secrets: [ID_NUMBER] },
  ...TYPED,
];
/** Looked for too: secrets a writer glued together would stand inside a longer number, where a lone secret is not counted. */
const GLUED = [...joinedSecrets([OLD_PASSWORD, NEW_PASSWORD, NEW_PASSWORD]), ...TYPED.flatMap((t) => joinedSecrets(t.secrets))];

let server: Served;
let profile: string;
let context: BrowserContext;
let page: Page;
let isOpen = false;

/**
 * A server with a data folder of its own and a browser on a profile of its own. The at-rest test opens them afresh:
 * it closes the browser to read its profile, so a retry on the same ones could not start (session 22's CI run).
 */
async function open(): Promise<void> {
  isOpen = true;
  server = await serve();
  profile = await mkdtemp(join(tmpdir(), 'hall10086-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
}

async function close(): Promise<void> {
  if (!isOpen) return;
  isOpen = false;
  await context?.close().catch(() => undefined);
  await server?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
}

beforeAll(() => buildApp(), 120_000);

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

describe('no secret in clear on screen while it is typed (fixes17)', () => {
  beforeAll(open, 120_000);
  afterAll(close);

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

describe('the at-rest check', () => {
  it('finds every secret sent, in a journal line, in V8\'s serialized value (what IndexedDB stores) and in UTF-16; not six digits inside a time in ms, a CRC or an id', () => {
    for (const { text, secrets } of SENT) {
      const line = Buffer.from(encodeLine({ kind: 'out', id: 'x', simId: 's', to: '10086', text, state: 'sent', messageRefs: [1], error: null, at: 1796609753100 }));
      for (const bytes of [line, serialize({ text, to: '10086', shown: '短信' }), serialize([text, '短信']), Buffer.from(`"${text}"`, 'utf16le')]) {
        for (const secret of secrets) expect(secretHits(bytes, secret).filter((h) => !h.insideNumber), `${secret} in ${bytes.toString('latin1')}`).toHaveLength(1);
      }
    }
    // What session 22's CI run found, and others of the kind: none of them is a secret.
    for (const other of ['"at":1796609753100}', '"receivedAt":1796608975310,', 'c9753100 {"kind"', 'a4975310-09ff-4632-abd2-793c60b2ed43', '"13409753100123456"']) {
      expect(secretHits(Buffer.from(other), OLD_PASSWORD).map((h) => h.insideNumber)).toEqual([true]);
    }
    expect(secretHits(Buffer.from(`"${OLD_PASSWORD}${NEW_PASSWORD}"`), GLUED[0]!).map((h) => h.insideNumber)).toEqual([false]);
    // journal.log read as records (secrets24): a secret glued to hex letters or digits in a text is found, which the byte
    // rule takes for part of a number; the CI run's kind of time, a CRC and an id are no field's words.
    const journal = (text: string, at: number, id = 'x') =>
      Buffer.from(encodeLine({ kind: 'out', id, simId: 's', to: '10086', text, state: 'sent', messageRefs: [1], error: null, at }));
    const glued = journal(`MMXG#ab${OLD_PASSWORD}ff#x`, 1);
    expect(secretHits(glued, OLD_PASSWORD).map((h) => h.insideNumber)).toEqual([true]);
    expect(journalSecretHits(glued, OLD_PASSWORD)).toEqual([`text (out record): "MMXG#ab${OLD_PASSWORD}ff#x"`]);
    expect(journalSecretHits(journal('MMXG#******#******', 1796609753100, 'a4975310-09ff-4632-abd2-793c60b2ed43'), OLD_PASSWORD)).toEqual([]);
    expect(journalSecretHits(Buffer.concat([glued.subarray(0, 20)]), OLD_PASSWORD)).toBeNull();
  });
});

describe('no secret at rest', () => {
  afterAll(close);

  it('after sending MMXG and MMHF, from their forms and typed whole in any form, neither the browser profile nor the app data folder holds them', async () => {
    // Each try from nothing: a retry after a failed check gets a browser and a data folder of its own.
    await close();
    await open();
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
      for (const secret of [...SECRETS, ...GLUED]) {
        const asRecords = file.endsWith('journal.log') ? journalSecretHits(bytes, secret) : null;
        if (asRecords) {
          found.push(...asRecords.map((hit) => `${secret} in ${file}: ${hit}`));
          continue;
        }
        for (const hit of secretHits(bytes, secret)) {
          // With the bytes around it, so a failure names its writer; one inside another number is said, not failed.
          const said = `${secret} in ${file} (${hit.encoding}): ${around(bytes, hit, secret)}`;
          if (hit.insideNumber) console.log(`inside another number, not a leak: ${said}`);
          else found.push(said);
        }
      }
    }
    expect(found).toEqual([]);
  }, 180_000);
});

