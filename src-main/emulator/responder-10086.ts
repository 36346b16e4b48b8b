import type { SubmitPart } from '../../src-shared/pdu';
import { Holdback } from './holdback';
import type { SentMessage, SmsCenter } from './sms-center';
import type { Subscriber10086 } from './subscriber-10086';

export const SERVICE_NUMBER = '10086';

/** 10086 dialled nationally or with China's country code. */
function isServiceNumber(number: string): boolean {
  return number.replace(/^\+?86/, '') === SERVICE_NUMBER;
}

/**
 * The 10086 SMS business hall on the network side: waits for every part of what the user sent
 * to 10086, lets the subscriber account answer, and sends the answers back after a think time.
 */
export class Responder10086 {
  private partial = new Map<string, SubmitPart[]>();
  /** Answers kept back while a test holds them (the 'hold' fault): each leaves its think time after release. */
  readonly answerHold = new Holdback<() => void>();

  constructor(
    private readonly center: SmsCenter,
    private readonly subscriber: Subscriber10086,
    private readonly clock: () => Date,
    private readonly replyDelayMs: number,
  ) {
    center.onSubmitted((m) => this.onSubmitted(m));
  }

  private onSubmitted(sent: SentMessage): void {
    if (!isServiceNumber(sent.part.number)) return;
    const text = this.assemble(sent.part);
    if (text === null) return;
    const replies = this.subscriber.answer(text, this.clock());
    const answer = () => replies.forEach((reply, i) => this.center.deliver(SERVICE_NUMBER, reply, { delayMs: this.replyDelayMs * (i + 1) }));
    if (!this.answerHold.keep(answer)) answer();
  }

  /** Sends the oldest `count` held answers (all by default) on their way now. */
  release(count?: number): void {
    for (const answer of this.answerHold.release(count)) answer();
  }

  /** The whole text once every part of a long SMS is in; null while parts are missing. */
  private assemble(part: SubmitPart): string | null {
    const concat = part.concat;
    if (!concat || concat.total === 1) return part.text;
    const key = `${part.number}/${concat.ref}/${concat.total}`;
    const parts = [...(this.partial.get(key) ?? []).filter((p) => p.concat!.part !== concat.part), part];
    if (parts.length < concat.total) {
      this.partial.set(key, parts);
      return null;
    }
    this.partial.delete(key);
    return parts
      .sort((a, b) => a.concat!.part - b.concat!.part)
      .map((p) => p.text)
      .join('');
  }
}
