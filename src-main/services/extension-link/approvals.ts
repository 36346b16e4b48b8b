import type { ApprovalView } from '../../../src-shared/api/contract';
import { HallError } from '../../../src-shared/errors';
import { Emitter } from '../modem/emitter';

/** How long a prompt waits for the user before it counts as declined. */
export const APPROVAL_TIMEOUT_MS = 120_000;

/**
 * How many questions may wait at once. A session (one native-host connection) asks for pairing at
 * most once at a time, and a few sends; all sessions together no more than fit on the user's
 * screen. Anything past that is refused at once: a flood of prompts is how a user gets tricked
 * into approving the wrong one.
 */
export const PENDING_LIMITS: Record<ApprovalView['kind'], { perAsker: number; total: number }> = {
  pair: { perAsker: 1, total: 4 },
  send: { perAsker: 3, total: 12 },
};

type Outcome = 'approved' | 'declined' | 'expired';

/** Who asked: one connected session. Its questions are withdrawn with it, and only its own. */
export type Asker = object;

interface Pending {
  asker: Asker;
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

  /**
   * Throws `approval.too-many` at once (not a rejected promise: nothing is shown, nothing waits) when
   * the asker, or everyone together, already has the most questions of this kind waiting.
   */
  ask(question: Omit<ApprovalView, 'id' | 'createdAt' | 'expiresAt'>, asker: Asker): Promise<Outcome> {
    const limit = PENDING_LIMITS[question.kind];
    const sameKind = [...this.pending.values()].filter((p) => p.view.kind === question.kind);
    if (sameKind.length >= limit.total || sameKind.filter((p) => p.asker === asker).length >= limit.perAsker) {
      throw tooMany(question.kind);
    }
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
      this.pending.set(id, { asker, view, settle, timer });
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

  /**
   * Drops the questions of an asker that went away: nobody is left to hear the answer. Only its
   * own: another session of the same extension (another browser profile or window) keeps its prompts.
   */
  withdraw(asker: Asker): void {
    for (const p of [...this.pending.values()]) if (p.asker === asker) p.settle('expired');
  }
}

function tooMany(kind: ApprovalView['kind']): HallError {
  return kind === 'pair'
    ? new HallError('approval.too-many', {
        zh: '已有配对请求在等待桌面应用确认，请先在应用中处理它。',
        en: 'A pairing request is already waiting in the desktop app; answer it there first.',
      })
    : new HallError('approval.too-many', {
        zh: '已有多条发送请求在等待桌面应用确认，请先在应用中处理它们。',
        en: 'Several send requests are already waiting in the desktop app; answer them there first.',
      });
}
