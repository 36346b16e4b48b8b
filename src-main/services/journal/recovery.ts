import { basename } from 'node:path';
import type { Bilingual } from '../../../src-shared/errors';

/** What `Journal.open` found and repaired; `message` is null when there was nothing to say. */
export interface RecoveryReport {
  /** Bytes of a record cut short by a crash, removed from the end of the log. */
  truncatedBytes: number;
  /** Bytes at the end that were no record cut short but damage (kept in `corruptCopy`). */
  damagedTailBytes: number;
  /** Damaged lines skipped; the original file was kept as `corruptCopy`. */
  corruptLines: number;
  /** Records read back intact. */
  recovered: number;
  /** Path of the preserved original when damaged lines were found, else null. */
  corruptCopy: string | null;
  /** Instructions that were `sending` when the app stopped, now `failed-retryable`. */
  interruptedSends: string[];
  message: Bilingual | null;
}

export function recoveryReport(found: Omit<RecoveryReport, 'message'>): RecoveryReport {
  const zh: string[] = [];
  const en: string[] = [];
  if (found.truncatedBytes > 0) {
    zh.push(`截掉了上次意外退出时未写完的 ${found.truncatedBytes} 字节`);
    en.push(`cut off ${found.truncatedBytes} bytes left half-written by an unexpected exit`);
  }
  if (found.damagedTailBytes > 0) {
    zh.push(`文件末尾的 ${found.damagedTailBytes} 字节已损坏（不是意外退出留下的半条记录），已移出日志`);
    en.push(`moved out ${found.damagedTailBytes} damaged bytes at the end of the file (not a record left half-written by an unexpected exit)`);
  }
  if (found.corruptLines > 0) {
    zh.push(`跳过了 ${found.corruptLines} 条损坏的记录，其余记录（包括已完成的历史）都保留了`);
    en.push(`skipped ${found.corruptLines} damaged record(s) and kept every other one, finished history included`);
  }
  if (found.corruptCopy !== null) {
    const copy = basename(found.corruptCopy);
    zh.push(`原文件已另存为 ${copy}`);
    en.push(`the original file was kept as ${copy}`);
  }
  if (found.interruptedSends.length > 0) {
    const n = found.interruptedSends.length;
    zh.push(`${n} 条指令在发送途中被中断，可能已经发出，已标记为“可能未发送”，不会自动重发，请确认后再决定是否重发`);
    en.push(
      `${n} instruction(s) were interrupted while being sent and may have gone out; they are marked "may not have been sent" and will not be re-sent automatically — check before sending again`,
    );
  }
  if (zh.length === 0) return { ...found, message: null };
  return {
    ...found,
    message: {
      zh: `短信日志已恢复，读回 ${found.recovered} 条记录：${zh.join('；')}。`,
      en: `The message journal was recovered, ${found.recovered} record(s) read back: ${en.join('; ')}.`,
    },
  };
}
