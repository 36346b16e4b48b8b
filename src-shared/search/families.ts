import type { Instruction } from '../catalog/schema';

/** What a query may ask of a service: turn it on or off, change its setting, or say whether it is on. */
export type FamilyRole = 'enable' | 'disable' | 'change' | 'status';

/** A query instruction named as related by at least this many on/off instructions is the catalog's general "what is on" (已开通功能). */
const GENERAL_STATUS_MIN = 3;

/**
 * A service's instructions as one family, read from the catalog's own links: turning it on and off
 * (`opposite`: KTCL ↔ QXCL), asking whether it is on (a query related to both: CXHJDD), changing its
 * setting (a change related both ways: BGYETX), and a query related both ways that reads its amount
 * (CXYEG for data). The catalog describes a service in whichever member's words it happened to
 * (三个人一起通话 in KTSFTH's, "data" in CXYEG's, a song callers hear in KTCL's): when a query asks a
 * service for an action, the member doing it is offered what another member matched. A service
 * with no status query of its own is asked about by the catalog's general one: the query most
 * on/off instructions name as related (已开通功能). Built on first need; a catalog without these
 * links (a grown catalog's packages) has no families.
 */
export class Families {
  /** By entry: its family's member for each role (-1: none). */
  private readonly members = new Map<number, Record<FamilyRole, number>>();
  /** Entries that read an amount, not a state (CXYEG): they do not answer "is it on". */
  private readonly amounts = new Set<number>();
  /** The catalog's general status query (已开通功能), or -1. */
  readonly generalStatus: number;
  /**
   * The list of what the line subscribes to (开通业务查询): the query the general status query names as
   * related and that names it back, or -1. A package or paid service no instruction names is cancelled
   * from that list's reply (docs/replies.md), so it answers a request to cancel one.
   */
  readonly subscriptions: number;

  constructor(entries: readonly Instruction[]) {
    const byId = new Map<string, number>();
    entries.forEach((e, i) => {
      if (e.opposite !== undefined || e.related !== undefined) byId.set(e.id.toUpperCase(), i);
    });
    const related = (i: number) => (entries[i]!.related ?? []).map((id) => byId.get(id.toUpperCase())).filter((j): j is number => j !== undefined);
    const mutual = (i: number, j: number) => related(i).includes(j) && related(j).includes(i);
    const named = new Map<number, number>();
    for (const [, i] of byId) {
      const e = entries[i]!;
      if (e.action !== 'enable' && e.action !== 'disable') continue;
      for (const j of related(i)) if (entries[j]!.action === 'query') named.set(j, (named.get(j) ?? 0) + 1);
    }
    const [general, count] = [...named].reduce<[number, number]>((best, n) => (n[1] > best[1] ? n : best), [-1, 0]);
    const generalStatus = (this.generalStatus = count >= GENERAL_STATUS_MIN && [...named.values()].filter((n) => n === count).length === 1 ? general : -1);
    this.subscriptions = generalStatus < 0 ? -1 : (related(generalStatus).find((j) => j !== generalStatus && entries[j]!.action === 'query' && mutual(j, generalStatus)) ?? -1);
    for (const [, on] of byId) {
      const e = entries[on]!;
      if (e.action !== 'enable' || e.opposite === undefined) continue;
      const off = byId.get(e.opposite.toUpperCase());
      if (off === undefined || entries[off]!.action !== 'disable') continue;
      const near = [...new Set([...related(on), ...related(off)])];
      const status = near.find((j) => entries[j]!.action === 'query' && related(j).includes(on) && related(j).includes(off)) ?? -1;
      const change = near.find((j) => entries[j]!.action === 'change' && (mutual(j, on) || mutual(j, off))) ?? -1;
      const amounts = near.filter((j) => j !== status && entries[j]!.action === 'query' && (mutual(j, on) || mutual(j, off)));
      const roles = { enable: on, disable: off, change, status: status >= 0 ? status : generalStatus };
      for (const m of [on, off, status, change, ...amounts]) if (m >= 0 && !this.members.has(m)) this.members.set(m, roles);
      for (const a of amounts) this.amounts.add(a);
    }
  }

  /** The member of an entry's family that plays a role (-1 when it has no family, or none plays it). */
  member(entry: number, role: FamilyRole): number {
    return this.members.get(entry)?.[role] ?? -1;
  }

  /** Whether an entry reads a service's amount (CXYEG), so a question whether the service is on is not its. */
  readsAmount(entry: number): boolean {
    return this.amounts.has(entry);
  }
}
