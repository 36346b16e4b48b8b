import { HallError, toHallError } from '../../src-shared/errors';

/**
 * A command that needs the message journal while the app (or browser mode, or another command)
 * holds it: said as what the user at this terminal can do instead. The journal's own wording is
 * for a second app window; here the useful ways are the app itself, closing the holder, or a data
 * folder of the command's own for a modem the app does not use.
 */
export function journalHeldByAnother(e: unknown): unknown {
  const held = heldBy(e);
  if (!held) return e;
  const { pid, error } = held;
  return new HallError(
    'journal.locked',
    {
      zh: `Hall10086 正在运行（进程 ${pid}：应用、浏览器模式或另一条 hall10086 命令），短信日志由它独占，这条命令现在不能收发短信。`,
      en: `Hall10086 is running (process ${pid}: the app, browser mode or another hall10086 command) and keeps the message journal to itself, so this command cannot send or receive messages now.`,
    },
    {
      action: {
        zh: `在应用里做：“对话”（Alt+2）发送和看回复，“设备”（Alt+3）看调制解调器状态；或者先关掉进程 ${pid}（它的窗口，或它终端里的 Ctrl-C）再运行这条命令。要在应用旁边用另一台调制解调器，加 --data-dir 另一个文件夹（短信记在那里，不显示在应用里）。search、show、compose 照常可用。`,
        en: `Do it in the app: Messages (Alt+2) to send and read the reply, Modem (Alt+3) for the modem's status; or close process ${pid} first (its window, or Ctrl-C in its terminal) and run this again. For another modem next to the app, add --data-dir ANOTHER_FOLDER (its messages are kept there and do not show in the app). search, show and compose work meanwhile.`,
      },
      details: error.details,
    },
  );
}

/**
 * `serve` (or `npm start`) a second time on one data folder: the app the user wants is already
 * there, so the way back into it comes first, and only then how to restart it.
 */
export function appAlreadyRunning(e: unknown): unknown {
  const held = heldBy(e);
  if (!held) return e;
  const { pid, error } = held;
  return new HallError(
    'journal.locked',
    {
      zh: `Hall10086 已经在运行（进程 ${pid}），用的是同一个数据文件夹。`,
      en: `Hall10086 is already running (process ${pid}) on this data folder.`,
    },
    {
      action: {
        zh: `到它的终端里按回车获取新链接，或在它已打开的标签页里点“新标签页”。要重新启动，先在那个终端按 Ctrl-C 关掉它。`,
        en: `Press Enter in its terminal for a new link, or use “New tab” in a tab of it that is open. To start it again, stop it first with Ctrl-C in that terminal.`,
      },
      details: error.details,
    },
  );
}

function heldBy(e: unknown): { pid: number; error: HallError } | null {
  const error = toHallError(e);
  const pid = error.details?.['holderPid'];
  return error.code === 'journal.locked' && typeof pid === 'number' ? { pid, error } : null;
}
