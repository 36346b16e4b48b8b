/**
 * Runs changes one at a time, in the order asked: each sees what the previous one wrote. A change
 * that fails fails its caller only; the next one still runs.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(change: () => Promise<T>): Promise<T> {
    const result = this.tail.then(change);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
