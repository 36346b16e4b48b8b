interface Entry {
  bytes: Uint8Array;
  onDurable: () => void;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Runs file operations one at a time, and lets every append that arrives while one is in flight
 * share the next write + fsync (group commit): a burst of 1,000 appends costs one fsync, not 1,000.
 */
export class GroupCommit {
  private tail: Promise<unknown> = Promise.resolve();
  /** The batch waiting for its turn; new appends join it until it starts. */
  private waiting: Entry[] | null = null;

  constructor(
    /** Writes the batch durably (write + fsync), or throws leaving the file as it was. */
    private readonly writeDurably: (chunks: Uint8Array[]) => Promise<void>,
    /** Runs after each durable batch has been applied (e.g. to decide on a compaction). */
    private readonly afterCommit: () => void,
  ) {}

  /**
   * Resolves once `bytes` are on the disk; `onDurable` runs just before, in file order, so
   * in-memory state never claims something the disk does not hold.
   */
  append(bytes: Uint8Array, onDurable: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = { bytes, onDurable, resolve, reject };
      if (this.waiting) {
        this.waiting.push(entry);
        return;
      }
      const batch = [entry];
      this.waiting = batch;
      void this.exclusive(() => this.commit(batch));
    });
  }

  /** Runs `op` after every operation queued before it, and before any queued after it. */
  exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = this.tail.then(op);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async commit(batch: Entry[]): Promise<void> {
    if (this.waiting === batch) this.waiting = null;
    try {
      await this.writeDurably(batch.map((e) => e.bytes));
    } catch (e) {
      for (const entry of batch) entry.reject(e);
      return;
    }
    for (const entry of batch) entry.onDurable();
    for (const entry of batch) entry.resolve();
    this.afterCommit();
  }
}
