/**
 * What the network keeps back while a test holds it (the 'hold' fault), oldest first: a test decides the
 * moment a status report or an answer reaches the modem by an event it waited for, not by a timer that a
 * loaded machine may outrun.
 */
export class Holdback<T> {
  private kept: T[] | null = null;

  /** From now on `keep` keeps everything back, until released. */
  hold(): void {
    this.kept ??= [];
  }

  /** True when `item` was kept back (a hold is on); false: it goes on its way. */
  keep(item: T): boolean {
    if (!this.kept) return false;
    this.kept.push(item);
    return true;
  }

  /** The oldest `count` kept items (all by default), for their way now; holding goes on. */
  release(count = Infinity): T[] {
    return this.kept?.splice(0, count) ?? [];
  }
}
