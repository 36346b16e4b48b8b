import type { Rng } from '../../src-main/emulator/rng';
import { splitText } from '../../src-shared/pdu';

/** A message the network delivers during a crash run; every text is unique, so each can be counted. */
export interface TestMessage {
  from: string;
  text: string;
  /** SMS parts it arrives in. */
  parts: number;
}

const SENDER = '1065812345';
const FILLER = '尊敬的客户您好本月账单已出请及时缴费以免影响使用感谢您对中国移动的支持与信任祝您生活愉快';

/** Singles and two- or three-part messages (UCS-2), mixed by the seed; long ones arrive shuffled. */
export function makeMessages(rng: Rng, count: number, first = 0): TestMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    const length = rng.pick([20, 20, 120, 180]);
    const head = `【第${n}条】`;
    const text = head + FILLER.repeat(4).slice(0, length - head.length);
    return { from: SENDER, text, parts: splitText(text).parts.length };
  });
}

/** Distinct instructions to 10086 (bill queries for successive months), so each is counted at the SMS centre. */
export function makeInstructions(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const months = 2026 * 12 + 9 - i;
    return `ZD${Math.floor(months / 12)}${String((months % 12) + 1).padStart(2, '0')}`;
  });
}
