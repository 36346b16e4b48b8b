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
