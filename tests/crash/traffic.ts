import type { Rng } from '../../src-main/emulator/rng';
import { splitText } from '../../src-shared/pdu';

/**
 * A message the network delivers during a crash run. Every text is unique except a twin's, which
 * repeats its original's sender, text and second: each must be kept as many times as it was sent.
 */
export interface TestMessage {
  from: string;
  text: string;
  /** SMS parts it arrives in. */
  parts: number;
  /** The service-centre time, set for a twin and its original (one second for both); else the emulator's clock. */
  timestamp?: Date;
}

const SENDER = '1065812345';
const FILLER = '尊敬的客户您好本月账单已出请及时缴费以免影响使用感谢您对中国移动的支持与信任祝您生活愉快';

/** Service-centre times of twins: one second per message number, so only a twin shares one. */
const TWIN_EPOCH = Date.UTC(2026, 10, 25, 0, 0, 0);

/**
 * Singles and two- or three-part messages (UCS-2), mixed by the seed; long ones arrive shuffled.
 * With `twinShare`, that share of the singles is followed by an identical twin (same sender, text
 * and second). Long ones get none: the SMS centre gives every long message its own reference, so
 * identical long messages are told apart by it.
 */
export function makeMessages(rng: Rng, count: number, first = 0, twinShare = 0): TestMessage[] {
  return Array.from({ length: count }, (_, i): TestMessage[] => {
    const n = first + i;
    const length = rng.pick([20, 20, 120, 180]);
    const head = `【第${n}条】`;
    const text = head + FILLER.repeat(4).slice(0, length - head.length);
    const message = { from: SENDER, text, parts: splitText(text).parts.length };
    if (message.parts > 1 || rng.next() >= twinShare) return [message];
    const timestamp = new Date(TWIN_EPOCH + n * 1000);
    return [
      { ...message, timestamp },
      { ...message, timestamp },
    ];
  }).flat();
}

/** Distinct instructions to 10086 (bill queries for successive months), so each is counted at the SMS centre. */
export function makeInstructions(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const months = 2026 * 12 + 9 - i;
    return `ZD${Math.floor(months / 12)}${String((months % 12) + 1).padStart(2, '0')}`;
  });
}
