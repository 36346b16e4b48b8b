/**
 * Listeners by event name at a transport's receiving end, where event data arrives untyped.
 * A listener that throws is reported and skipped: it must neither starve the others nor break
 * the connection that delivered the event.
 */
export class EventListeners {
  private readonly byEvent = new Map<string, Set<(data: unknown) => void>>();

  add(event: string, listener: (data: unknown) => void): () => void {
    const set = this.byEvent.get(event) ?? new Set();
    this.byEvent.set(event, set.add(listener));
    return () => {
      set.delete(listener);
    };
  }

  emit(event: string, data: unknown): void {
    for (const listener of this.byEvent.get(event) ?? []) {
      try {
        listener(data);
      } catch (error) {
        console.error(error);
      }
    }
  }
}
