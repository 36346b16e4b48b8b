import { HallError } from '../../../src-shared/errors';

/** Error codes the journal raises; callers match on these, never on text. */
export type JournalErrorCode =
  | 'journal.locked'
  | 'journal.disk-full'
  | 'journal.write-failed'
  | 'journal.open-failed'
  | 'journal.closed'
  | 'journal.invalid-record';

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

function errnoCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

export function lockedError(lockPath: string, holderPid: number | null): HallError {
  const who = holderPid === null ? '' : `（进程 ${holderPid}）`;
  const whoEn = holderPid === null ? '' : ` (process ${holderPid})`;
  return new HallError(
    'journal.locked',
    {
      zh: `另一个 Hall10086 正在运行${who}，它正在使用短信日志。`,
      en: `Another Hall10086 is already running${whoEn} and is using the message journal.`,
    },
    {
      action: holderPid === null ? {
        zh: `请先关闭另一个 Hall10086 再打开。如果确定没有其他 Hall10086 在运行，请删除 ${lockPath}。`,
        en: `Close the other Hall10086 first. If you are sure no other Hall10086 is running, delete ${lockPath}.`,
      } : lockHeldAction(lockPath, holderPid),
      details: { lockPath, holderPid },
    },
  );
}

/**
 * The lock's process is alive: deleting the lock is right only if that number now belongs to another
 * program, and said so, since two writers on one journal can lose messages.
 */
function lockHeldAction(lockPath: string, pid: number): { zh: string; en: string } {
  return {
    zh: `请先关闭它（进程 ${pid}）。只有当进程 ${pid} 不是 Hall10086 时（电脑重启后这个编号给了别的程序），才删除 ${lockPath}：Hall10086 还在运行时删掉它，两个程序会同时写一份日志，可能丢短信。`,
    en: `Close it first (process ${pid}). Delete ${lockPath} only if process ${pid} is not Hall10086 (its number went to another program after a restart): deleting it while Hall10086 runs lets two programs write one journal, which can lose messages.`,
  };
}

/**
 * A failed append or rewrite. The caller learns the message is NOT stored, so it must leave it on
 * the SIM card; the texts say so because that is what keeps the user calm.
 */
export function writeError(e: unknown, dir: string): HallError {
  if (e instanceof HallError) return e;
  const errno = errnoCode(e);
  const options = { details: { errno, dir }, cause: e };
  if (DISK_FULL_CODES.has(errno)) {
    return new HallError(
      'journal.disk-full',
      {
        zh: '磁盘已满，短信日志无法写入。尚未保存的短信仍保留在 SIM 卡上，不会丢失。',
        en: 'The disk is full, so the message journal cannot be written. Messages not yet saved stay on the SIM card and are not lost.',
      },
      {
        ...options,
        action: {
          zh: `请清理磁盘空间（数据目录：${dir}），Hall10086 会再次保存。`,
          en: `Free some disk space (data folder: ${dir}); Hall10086 will save them again.`,
        },
      },
    );
  }
  return new HallError(
    'journal.write-failed',
    {
      zh: `短信日志写入失败（${errno}）。尚未保存的短信仍保留在 SIM 卡上，不会丢失。`,
      en: `Writing the message journal failed (${errno}). Messages not yet saved stay on the SIM card and are not lost.`,
    },
    {
      ...options,
      action: {
        zh: `请检查数据目录是否可写、磁盘是否正常：${dir}，然后重新启动 Hall10086。`,
        en: `Check that the data folder is writable and the disk is healthy: ${dir}, then restart Hall10086.`,
      },
    },
  );
}

export function openError(e: unknown, dir: string): HallError {
  if (e instanceof HallError) return e;
  const errno = errnoCode(e);
  if (DISK_FULL_CODES.has(errno)) return writeError(e, dir);
  return new HallError(
    'journal.open-failed',
    { zh: `无法打开短信日志（${errno}）。`, en: `The message journal could not be opened (${errno}).` },
    {
      action: {
        zh: `请检查数据目录是否存在且可读写：${dir}`,
        en: `Check that the data folder exists and is readable and writable: ${dir}`,
      },
      details: { errno, dir },
      cause: e,
    },
  );
}

export function closedError(): HallError {
  return new HallError('journal.closed', {
    zh: '内部错误：短信日志已关闭，无法再写入。',
    en: 'Internal error: the message journal is closed and cannot be written.',
  });
}

/** A programming error: the record is not written. Only the field name is reported, never its value. */
export function invalidRecordError(field: string): HallError {
  return new HallError(
    'journal.invalid-record',
    {
      zh: `内部错误：记录格式不正确（字段 ${field}），未写入短信日志。`,
      en: `Internal error: the record is malformed (field ${field}) and was not journaled.`,
    },
    { details: { field } },
  );
}
