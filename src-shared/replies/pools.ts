import { DATA_POOLS, type DataPool } from './schema';

/** A data amount with its kind: what the overview, the alerts and 小e add up. */
export interface PoolFigure {
  pool: DataPool | null;
  /** MB. */
  value: number;
  package: string | null;
}

export interface PoolAmount {
  /** Null: not stated, the reply's words name no kind (a total over kinds, or a reply that never says). */
  pool: DataPool | null;
  /** MB. */
  mb: number;
  /** The packages added up (as written), in reply order. */
  packages: (string | null)[];
  /** Which of the given figures were added up (their indexes). */
  members: number[];
}

/**
 * Data left per kind, strongest use first (general, provincial… as in DATA_POOLS). Amounts of one
 * named kind are added up; amounts of different kinds never are, and amounts of no stated kind are
 * each kept on their own (two unnamed amounts may well be a total and one of its parts).
 */
export function dataByPool(figures: readonly PoolFigure[]): PoolAmount[] {
  const named = new Map<DataPool, PoolAmount>();
  const unnamed: PoolAmount[] = [];
  figures.forEach((f, i) => {
    if (f.pool === null) {
      unnamed.push({ pool: null, mb: f.value, packages: [f.package], members: [i] });
      return;
    }
    const sum = named.get(f.pool) ?? { pool: f.pool, mb: 0, packages: [], members: [] };
    sum.mb += f.value;
    sum.packages.push(f.package);
    sum.members.push(i);
    named.set(f.pool, sum);
  });
  return [...DATA_POOLS.flatMap((p) => named.get(p) ?? []), ...unnamed];
}

/**
 * What the customer has left to use anywhere: the general pools. A reply whose text states no kind of
 * mobile data and gives one amount left (`null`, not stated: "您本月剩余流量1.2GB") speaks of the
 * customer's one pool and gives that, beside WLAN (no mobile data) or not; otherwise there is no one
 * figure to tell (each kind is shown on its own, by name, and a not-stated total over stated pools is
 * never added to them).
 */
export function customerDataLeft(amounts: readonly PoolAmount[]): PoolAmount | undefined {
  const general = amounts.find((a) => a.pool === 'general');
  if (general) return general;
  const mobile = amounts.filter((a) => a.pool !== 'wlan');
  const unstated = mobile.filter((a) => a.pool === null);
  if (unstated.length !== 1) return undefined;
  return mobile.length === 1 || ownPackage(unstated[0]!, mobile) ? unstated[0] : undefined;
}

/**
 * A not-stated amount of a package of its own, beside stated amounts each of another named package
 * ("13元套餐": 剩余流量5.85M beside "流量汇…省内流量专属包": 6.17M): that package's data, not a total over
 * the others, so the customer's data left (a low-data alert must see it).
 */
function ownPackage(amount: PoolAmount, mobile: readonly PoolAmount[]): boolean {
  const name = amount.packages.length === 1 ? amount.packages[0] : null;
  if (!name) return false;
  return mobile.every((a) => a === amount || (a.packages.length > 0 && a.packages.every((p) => p !== null && p !== name)));
}
