import type { ApprovalView } from '../../../src-shared/api/contract';
import { HallError } from '../../../src-shared/errors';
import { Emitter } from '../modem/emitter';

/** How long a prompt waits for the user before it counts as declined. */
export const APPROVAL_TIMEOUT_MS = 120_000;

type Outcome = 'approved' | 'declined' | 'expired';

interface Pending {
  view: ApprovalView;
  settle: (outcome: Outcome) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Questions for the app's user that something outside the app asked (pair this extension? send
 * this report?). Each waits for a decision in the app's window, never for one from the asker.
 */
export class Approvals extends Emitter<{ changed: ApprovalView[] }> {
  private readonly pending = new Map<string, Pending>();
  private next = 1;

  constructor(
    private readonly timeoutMs = APPROVAL_TIMEOUT_MS,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  list(): ApprovalView[] {
    return [...this.pending.values()].map((p) => p.view);
  }

  ask(question: Omit<ApprovalView, 'id' | 'createdAt' | 'expiresAt'>): Promise<Outcome> {
    const id = `a${this.next++}`;
    const createdAt = this.now();
    const view: ApprovalView = { ...question, id, createdAt, expiresAt: createdAt + this.timeoutMs };
    return new Promise<Outcome>((resolve) => {
      const settle = (outcome: Outcome) => {
        const p = this.pending.get(id);
        if (!p) return;
        clearTimeout(p.timer);
        this.pending.delete(id);
        this.emit('changed', this.list());
        resolve(outcome);
      };
      const timer = setTimeout(() => settle('expired'), this.timeoutMs);
      timer.unref?.();
      this.pending.set(id, { view, settle, timer });
      this.emit('changed', this.list());
    });
  }

  decide(id: string, approve: boolean): void {
    const p = this.pending.get(id);
    if (!p) {
      throw new HallError('approval.unknown', {
        zh: '这个请求已经处理过或已过期。',
        en: 'This request was already answered or has expired.',
      });
    }
    p.settle(approve ? 'approved' : 'declined');
  }

  /** Drops the questions of an asker that went away: nobody is left to hear the answer. */
  withdraw(extensionId: string): void {
    for (const p of [...this.pending.values()]) if (p.view.extensionId === extensionId) p.settle('expired');
  }
}
