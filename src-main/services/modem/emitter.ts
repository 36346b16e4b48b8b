/** A small typed event emitter: listeners that throw are isolated from each other and from the emitter. */
export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(data: never) => void>>();

  on<E extends keyof Events>(event: E, listener: (data: Events[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (data: never) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (data: never) => void);
  }

  emit<E extends keyof Events>(event: E, data: Events[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as (d: Events[E]) => void)(data);
      } catch (e) {
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }
}
