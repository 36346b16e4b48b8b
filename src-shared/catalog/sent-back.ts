import { outgoingText } from './outgoing-text';
import type { InstructionCatalog } from './catalog';
import type { Instruction } from './schema';

/*
 * A reply's buttons (a menu's option, a service's cancel) send back a code the reply itself names. A reply under
 * 10086's number may be a fake base station's, and 10086's words say nothing a phone can check: what the catalog
 * knows a code to do is the one thing the app can rely on (review23).
 */

/** The instruction the catalog knows `text` as (KTCL: 开通彩铃), or null for a text it does not know (1, QXSJB). */
export function knownAs(catalog: InstructionCatalog, text: string): Instruction | null {
  return catalog.recognize(text.trim())?.instruction ?? null;
}

/**
 * Whether an option sending `text` changes the account by the catalog's word, whatever its label says: anything the
 * catalog knows but a look-up (`查余额请发KTCL` offers KTCL, which orders 彩铃).
 */
export function catalogSaysChanges(catalog: InstructionCatalog, text: string): boolean {
  const known = knownAs(catalog, text);
  return known !== null && known.action !== 'query';
}

/**
 * Whether `text` may be offered as the cancel of a listed service: a code the catalog does not know (QXSJB: the reply's
 * word is all there is), or one it knows as cancelling a service. Never one that orders or changes something (KTCL),
 * nor one that stops the whole line (TJ, 停机: the account's, not a service's).
 */
export function mayCancelWith(catalog: InstructionCatalog, text: string): boolean {
  const known = knownAs(catalog, text);
  return known === null || (known.action === 'disable' && known.category !== 'account');
}

/**
 * Whether a menu option may go on one click by what its code is: a bare number (it answers the menu it sits under),
 * or a code the catalog knows as a look-up (您发送的指令有误…查余额请发YE). A code the catalog does not know (QXSJB)
 * does what 10086 makes of it, and the label beside it is the reply's word only: asked about first (review25).
 */
export function oneClickCode(catalog: InstructionCatalog, code: string): boolean {
  if (/^\d{1,3}$/.test(asSent(code))) return true;
  return knownAs(catalog, code)?.action === 'query';
}

/**
 * What a text sent back may do to the account by an earlier message of the same number: the word of a request to
 * confirm (`回复1确认订购`: `confirms`), or a number that orders or cancels (a cancel list's `回复序号退订`, a menu's
 * `1.10元1GB流量包 回复序号办理`: `changes`). With when it came, and how long it said it stays open.
 */
export interface AskedAction {
  word: string;
  does: 'confirms' | 'changes';
  receivedAt: number;
  deadline: { until: number } | null;
}

/**
 * How long a request that names no deadline is taken as open. 10086's own requests say 24 hours when they say
 * (replies.json); a later one that says more is taken at its word.
 */
export const ACTION_OPEN_MS = 24 * 3600_000;

/**
 * The earlier messages' actions still open at `now` that sending `code` may do: 10086 reads a bare `1` against its
 * latest real message, and a menu under its number (a fake base station's, newest) does not tell what that is. So a
 * number that confirms, orders or cancels by an open message is never one click (review25). Words are compared as
 * they go out (nothing invisible) and as 10086 reads them: full-width and half-width alike, any letter case.
 */
export function actionsSentBack<T extends AskedAction>(code: string, asked: readonly T[], now: number): T[] {
  const sent = asSent(code);
  return asked.filter((a) => asSent(a.word) === sent && now <= (a.deadline?.until ?? a.receivedAt + ACTION_OPEN_MS));
}

function asSent(text: string): string {
  let out = text;
  try {
    out = outgoingText(text, 'service').text;
  } catch {
    // A blank-looking letter inside: refused when sent; compared as written.
  }
  return out.normalize('NFKC').toUpperCase();
}
