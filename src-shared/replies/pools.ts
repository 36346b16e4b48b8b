import { DATA_POOLS, VOICE_POOLS, type DataPool, type VoicePool } from './schema';
import type { KindSource } from './types';

/** An amount with its kind (of data, of minutes): what the overview, the alerts and 小e add up. */
export interface KindFigure<K extends string> {
  /** Null: not stated, the reply's words name no kind. */
  pool: K | null;
  value: number;
  package: string | null;
  /** Where its kind was read from (FigureRecord.kindFrom); absent (a row stored before it was kept): not known, so not plainly stated. */
  kindFrom?: KindSource | null;
  /** A word the rules do not know named its kind (FigureRecord.kindUnknown): never the customer's amount. */
  kindUnknown?: boolean;
  /** With kindUnknown: the words that name it (FigureRecord.kindWords). */
  kindWords?: string;
  /** The card or member it is said of, not the customer (FigureRecord.holder, labelling rule 13). */
  holder?: string;
  /** It may be a pool said before it again (FigureRecord.restates, labelling rule 14). */
  restates?: boolean;
}

/**
 * Whether a kind is plainly stated: the kind word stands in the amount's own words, is said of it in so many
 * words, or stands in the amount before it in its clause group, of which it is a bare label of another field. A kind inferred (from a package's name, a heading, the amount before, a narrowing qualifier) may be wrong
 * (real r16-107: `省内包时段流量已使用928.96MB，剩余95.04MB` is no plain 省内), so such an amount is never added to another.
 */
export const kindStated = (from: KindSource | null | undefined): boolean => from === 'own' || from === 'said' || from === 'clause';

export interface KindAmount<K extends string> {
  /** Null: not stated, the reply's words name no kind (a total over kinds, or a reply that never says). */
  pool: K | null;
  value: number;
  /** The packages added up (as written), in reply order. */
  packages: (string | null)[];
  /** Which of the given figures were added up (their indexes). */
  members: number[];
  /**
   * Its kind was inferred, not plainly stated (see kindStated): it is one figure on its own, never added to another
   * and never merged into the customer's amount; shown by its kind's name as inferred (推测为省内). False when `pool` is null.
   */
  inferred: boolean;
  /**
   * Of a kind a word the rules do not know named (`追剧流量剩余10GB`, see KindFigure.kindUnknown): not stated, yet no
   * customer's amount (an extra of some kind, as WLAN is); shown by `words`.
   */
  unknown?: true;
  /** With `unknown`: the words that name it, as the reply writes them (folded). */
  words?: string;
  /** A member's or second card's share (labelling rule 13), named so: never the customer's, never added; shown apart. */
  holder?: string;
  /**
   * One pool said twice, perhaps (labelling rule 14): the smaller of the kind's plain amount and an amount that may say it
   * again. Never added, never the customer's; said beside the kind's amount.
   */
  restated?: true;
}

/** A data amount (value in MB) with its kind. */
export type PoolFigure = KindFigure<DataPool>;

export interface PoolAmount extends KindAmount<DataPool> {
  /** MB (the value). */
  mb: number;
}

/** Minutes left of one kind (the package's own, off-peak, group…). */
export type MinutesAmount = KindAmount<VoicePool>;

/**
 * Amounts per kind, strongest use first (in `order`). Amounts of one plainly stated kind are added up; amounts
 * of different kinds never are; an amount whose kind was inferred (see kindStated) is kept on its own, after its
 * kind's sum; and amounts of no stated kind are each kept on their own (two unnamed amounts may well be a total
 * and one of its parts).
 */
export function byKind<K extends string>(figures: readonly KindFigure<K>[], order: readonly K[]): KindAmount<K>[] {
  const stated = new Map<K, KindAmount<K>>();
  const again = new Map<K, KindAmount<K>[]>();
  const inferred = new Map<K, KindAmount<K>[]>();
  const unnamed: KindAmount<K>[] = [];
  const members: KindAmount<K>[] = [];
  figures.forEach((f, i) => {
    const alone: KindAmount<K> = { pool: f.pool, value: f.value, packages: [f.package], members: [i], inferred: f.pool !== null && !kindStated(f.kindFrom) };
    if (f.pool === null && f.kindUnknown) Object.assign(alone, { unknown: true }, f.kindWords ? { words: f.kindWords } : {});
    // Rule 13: a member's share is shown apart, by its member, whatever its kind.
    if (f.holder !== undefined) members.push({ ...alone, holder: f.holder });
    else if (f.pool === null) unnamed.push(alone);
    else if (!kindStated(f.kindFrom)) inferred.set(f.pool, [...(inferred.get(f.pool) ?? []), alone]);
    else if (f.restates && stated.has(f.pool)) again.set(f.pool, [...(again.get(f.pool) ?? []), { ...alone, restated: true }]);
    else {
      const sum = stated.get(f.pool) ?? { pool: f.pool, value: 0, packages: [], members: [], inferred: false };
      sum.value += f.value;
      sum.packages.push(f.package);
      sum.members.push(i);
      stated.set(f.pool, sum);
    }
  });
  // Rule 14: of a kind's amount and one that may say it again, the larger is the kind's amount and the other is said beside it.
  for (const [pool, said] of again) {
    const largest = said.reduce((a, b) => (b.value > a.value ? b : a));
    const sum = stated.get(pool)!;
    if (largest.value <= sum.value) continue;
    delete largest.restated;
    stated.set(pool, largest);
    again.set(pool, [{ ...sum, restated: true }, ...said.filter((a) => a !== largest)]);
  }
  return [...order.flatMap((p) => [...(stated.has(p) ? [stated.get(p)!] : []), ...(again.get(p) ?? []), ...(inferred.get(p) ?? [])]), ...unnamed, ...members];
}

/** Data left per kind (general, provincial… as in DATA_POOLS): see byKind. */
export const dataByPool = (figures: readonly PoolFigure[]): PoolAmount[] => byKind(figures, DATA_POOLS).map((a) => ({ ...a, mb: a.value }));

/** Minutes left per kind (the package's own, off-peak, group… as in VOICE_POOLS): see byKind. */
export const minutesByPool = (figures: readonly KindFigure<VoicePool>[]): MinutesAmount[] => byKind(figures, VOICE_POOLS);

/**
 * What the customer has left to use anywhere: the general kind (general data, the package's own
 * minutes): the sum of the amounts plainly stated general, else the one amount inferred general when it is
 * the only one (nothing is merged into it; two inferred ones give no one figure). A reply whose text states
 * no kind and gives one amount left (`null`, not stated: "您本月剩余流量1.2GB") speaks of the customer's one
 * allowance and gives that, beside `aside` kinds (WLAN is no mobile data) or amounts of a kind a word the rules do not
 * know named (`追剧流量`, never the customer's: round 22) or not; otherwise there is no one
 * figure to tell (each kind is shown on its own, by name, and a not-stated total over stated kinds is never
 * added to them).
 */
export function customerLeft<A extends KindAmount<string>>(amounts: readonly A[], aside: readonly string[] = []): A | undefined {
  // Rule 13 and 14: a member's share and an amount that may say the kind's again are never the customer's.
  amounts = amounts.filter((a) => a.holder === undefined && !a.restated);
  const general = amounts.filter((a) => a.pool === 'general');
  if (general.length) return general.find((a) => !a.inferred) ?? (general.length === 1 ? general[0] : undefined);
  // "您的追剧流量剩余10GB": an amount of a kind the rules do not know is set aside, as WLAN is.
  const own = amounts.filter((a) => !a.unknown && (a.pool === null || !aside.includes(a.pool)));
  const unstated = own.filter((a) => a.pool === null);
  if (unstated.length !== 1) return undefined;
  return own.length === 1 || ownPackage(unstated[0]!, own) ? unstated[0] : undefined;
}

/** The customer's data left: the general pools, never with WLAN or another kind (see customerLeft). */
export const customerDataLeft = <A extends KindAmount<string>>(amounts: readonly A[]): A | undefined => customerLeft(amounts, ['wlan']);

/**
 * A not-stated amount of a package of its own, beside stated amounts each of another named package
 * ("13元套餐": 剩余流量5.85M beside "流量汇…省内流量专属包": 6.17M): that package's own, not a total over
 * the others, so the customer's (a low-data alert must see it).
 */
function ownPackage(amount: KindAmount<string>, own: readonly KindAmount<string>[]): boolean {
  const name = amount.packages.length === 1 ? amount.packages[0] : null;
  if (!name) return false;
  return own.every((a) => a === amount || (a.packages.length > 0 && a.packages.every((p) => p !== null && p !== name)));
}

/** Data kinds that are never the customer's own allowance: WLAN is no mobile data, the others are extras beside it. */
const EXTRA_DATA_KINDS: readonly string[] = ['wlan', 'app', 'carryover', 'offpeak'];

/**
 * Whether data amounts with no one amount for the customer may still be about the customer's allowance
 * (本地 only, a family's shared pool, amounts of no stated kind), and so supersede an older figure. A
 * reply of extras only (WLAN 剩余1.65GB, a 定向 app pack, carry-over about to lapse) says nothing of it.
 */
export const toldOfCustomerData = (amounts: readonly KindAmount<string>[]): boolean =>
  amounts.some((a) => a.holder === undefined && ((a.pool === null && !a.unknown) || (a.pool !== null && !EXTRA_DATA_KINDS.includes(a.pool))));
