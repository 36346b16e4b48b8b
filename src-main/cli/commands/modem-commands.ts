import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { IncomingRecord, ModemStatus, OutgoingRecord } from '../../../src-shared/api/contract';
import { assembleRecords, type AssembledRecordMessage } from '../../../src-shared/assemble';
import { toHallError, type Bilingual } from '../../../src-shared/errors';
import { INTERRUPTED_QUEUE_ERROR, INTERRUPTED_SEND_ERROR } from '../../../src-shared/journal-records';
import { explainSendFailure, WAITING_NETWORK_NOTE } from '../../../src-shared/send-failure';
import { DEMO_PATH } from '../../emulator/binding';
import { INSTANT_TIMING, REALISTIC_TIMING } from '../../emulator/options';
import { defaultDataDir, HallCore, listPorts } from '../../core';
import { NETWORK_WAIT_MS } from '../../services/modem/session';
import { hiLinkDevices, modemManagerRunning, trap } from '../../services/modem/traps';
import { intOption, usageError, type ParsedArgs } from '../args';
import { journalHeldByAnother } from '../journal-held';
import { say, type CliContext, type Command } from '../context';
import { displayWidth, table } from '../format';
import { readParamsFromStdin, warnSecretsInArgv } from '../secret-input';
import { reportStartupNotices } from '../startup-notices';
import { dataDirOf, userCatalog } from '../user-catalog';
import { messageBody } from '../terminal-text';

const MODEM_OPTIONS = { booleans: ['emulator', 'json'], values: ['port', 'data-dir'] } as const;

/** The demo modem on the command line answers quickly but still out of order, as a real 10086 does. */
const CLI_DEMO_TIMING = { ...INSTANT_TIMING, replyDelayMs: 300, partGapMs: 80, statusReportMs: 200, latencyMs: REALISTIC_TIMING.latencyMs };

/** Opens the core on the chosen modem, runs `work`, and always closes (and cleans a demo's temporary data). */
async function withModem<T>(args: ParsedArgs, ctx: CliContext, work: (core: HallCore, modemId: string) => Promise<T>): Promise<T> {
  const emulator = args.options.has('emulator');
  const port = args.options.get('port');
  if (emulator === (port !== undefined)) {
    throw usageError(
      '请用 --port 串口（或 usb:厂商:产品[:序列号]）或 --emulator（内置演示调制解调器）二选一。',
      'Choose one of --port PATH (or usb:VENDOR:PRODUCT[:SERIAL]) or --emulator (the built-in demo modem).',
    );
  }
  // The demo SIM lives only as long as this command: so does its journal, unless a folder is given.
  const scratch = emulator && !args.options.has('data-dir') ? await mkdtemp(join(tmpdir(), 'hall10086-demo-')) : null;
  const core = await HallCore.create({
    dataDir: args.options.get('data-dir') ?? scratch ?? defaultDataDir(),
    ...(emulator ? { emulatorOptions: CLI_DEMO_TIMING } : {}),
  }).catch((e: unknown) => {
    throw journalHeldByAnother(e);
  });
  try {
    reportStartupNotices(ctx, core);
    const status = await core.connect(emulator ? DEMO_PATH : port!);
    return await work(core, status.modemId);
  } finally {
    await core.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

export const portsCommand: Command = {
  name: 'ports',
  usage: 'ports [--json]',
  summary: { zh: '列出串口，标出像调制解调器的', en: 'List serial ports, marking those that look like modems' },
  spec: { booleans: ['json'] },
  async run(args, ctx) {
    const ports = await listPorts();
    const traps = [...((await modemManagerRunning()) ? [trap('modemmanager')] : []), ...((await hiLinkDevices()).length ? [trap('hilink')] : [])];
    if (args.options.has('json')) {
      ctx.out(JSON.stringify({ ports, traps }));
      return;
    }
    const l = (zh: string, en: string) => say(ctx, { zh, en });
    const kind = (p: (typeof ports)[number]) => (p.demo ? l('演示调制解调器', 'demo modem') : p.likelyModem ? l('像调制解调器', 'looks like a modem') : '—');
    const header = [l('串口', 'Port'), l('是什么', 'What it is'), l('厂商', 'Maker'), l('USB 厂商:产品', 'USB vendor:product')];
    const rows = ports.map((p) => [p.path, kind(p), p.manufacturer ?? '—', [p.vendorId, p.productId].filter(Boolean).join(':') || '—']);
    if (rows.length) ctx.out(table([header, header.map((h) => '-'.repeat(displayWidth(h))), ...rows]));
    else ctx.out(l('没有找到串口。插上调制解调器后等 10–20 秒再试。', 'No serial ports found. Plug the modem in, wait 10–20 seconds and try again.'));
    ctx.out(l('用 --port 串口 给 send、inbox、modem status 指定其中一个。', 'Give one of them to send, inbox or modem status with --port PATH.'));
    for (const t of traps) ctx.out(`! ${say(ctx, t)} ${say(ctx, t.action)}`);
  },
};

export const modemCommand: Command = {
  name: 'modem',
  usage: 'modem status [--port P | --emulator] [--json]',
  summary: { zh: '调制解调器状态：SIM、网络、信号、短信中心', en: 'Modem status: SIM, network, signal, SMS centre' },
  spec: MODEM_OPTIONS,
  async run(args, ctx) {
    if (args.positionals[0] !== 'status' || args.positionals.length > 1) throw usageError('用法：modem status [--port 串口 | --emulator]', 'Usage: modem status [--port PATH | --emulator]');
    const status = await withModem(args, ctx, async (core, id) => core.session(id).snapshot());
    ctx.out(args.options.has('json') ? JSON.stringify(status) : describeStatus(status, ctx));
  },
};

export const sendCommand: Command = {
  name: 'send',
  usage: 'send TEXT|ID [--PARAM v|-] [--to 10086] [--port P | --emulator] [--wait-reply [--timeout S]] [--yes] [--resend] [--json]',
  summary: {
    zh: '发送指令短信，可等待 10086 的回复；--yes 确认有风险的指令，--resend 确认再发一次 10 分钟内可能已经发出的同一条',
    en: 'Send an instruction SMS, optionally waiting for the reply; --yes confirms a risky instruction, --resend confirms sending again the same one that may have gone out in the last 10 minutes',
  },
  spec: { booleans: [...MODEM_OPTIONS.booleans, 'wait-reply', 'yes', 'resend'], values: [...MODEM_OPTIONS.values, 'to', 'timeout'], open: true },
  async run(args, ctx) {
    const what = args.positionals.join(' ').trim();
    if (!what) throw usageError('请给出要发送的指令，例如：send YE --emulator', 'Give the instruction to send, e.g.: send YE --emulator');
    // "-" stands for a parameter's value read from standard input: as the text itself it was sent as an SMS "-".
    if (what === '-') {
      throw usageError(
        'send 不从标准输入读取要发送的内容：请直接给出指令或文字；“-” 只用于参数的值，例如 send CXYEH --password -',
        'send does not read what to send from standard input: give the instruction or text itself; "-" is only for a parameter\'s value, e.g. send CXYEH --password -',
      );
    }
    const known = new Set<string>([...MODEM_OPTIONS.booleans, ...MODEM_OPTIONS.values, 'wait-reply', 'yes', 'resend', 'to', 'timeout']);
    const given = Object.fromEntries([...args.options].filter(([k]) => !known.has(k)));
    const timeoutS = intOption(args, 'timeout', 60, 1, 3600);
    const to = args.options.get('to');
    const catalog = await userCatalog(dataDirOf(args), ctx);
    warnSecretsInArgv(ctx, catalog, what, given, catalog.get(what));
    const params = await readParamsFromStdin(given, catalog.get(what), ctx);
    const byId = catalog.get(what) !== undefined && (Object.keys(params).length > 0 || catalog.get(what)!.params.length === 0);
    // Checked before the modem is touched, so a typo costs nothing.
    if (byId) catalog.compose(what, params);
    else if (Object.keys(params).length) catalog.require(what);
    else catalog.composeTyped(what);

    const result = await withModem(args, ctx, async (core, modemId) => {
      const replies: IncomingRecord[] = [];
      const states: OutgoingRecord[] = [];
      core.on('incoming', (r) => replies.push(r));
      core.on('outgoing', (r) => states.push(r));
      const started = Date.now();
      const { commandId } = await core.call('send', {
        modemId,
        ...(byId ? { id: what, params } : { text: what }),
        ...(to ? { to } : {}),
        confirmed: args.options.has('yes'),
        // --resend, and only it, is the yes to sending again what may have gone out (send.maybe-sent): it goes as that
        // one's retry. --yes is the yes to the instruction's risk, as before mend55 (mend62).
        ...(args.options.has('resend') ? { resend: true as const } : {}),
      });
      let finalState = await until(() => finalOf(states, commandId), timeoutS * 1000);
      // Leaving while it waits for the network would close the core and drop it unsent; the session gives up on its
      // own within its bound (send.no-network), so the command waits for that and says why.
      if (!finalState && states.filter((s) => s.id === commandId).at(-1)?.error === WAITING_NETWORK_NOTE) {
        ctx.err(say(ctx, explainSendFailure(WAITING_NETWORK_NOTE)));
        finalState = await until(() => finalOf(states, commandId), NETWORK_WAIT_MS + timeoutS * 1000);
      }
      let reply: AssembledRecordMessage | null = null;
      // A failed send has nothing to wait for.
      if (args.options.has('wait-reply') && finalState && !isFailure(finalState.state)) {
        const peer = to ?? catalog.recognize(what)?.instruction.to ?? '10086';
        reply = await until(() => completeReply(replies, peer, started), timeoutS * 1000);
        reply ??= assembleRecords(replies.filter((r) => samePeer(r.from, peer))).at(-1) ?? null;
      }
      const last = states.filter((s) => s.id === commandId).at(-1) ?? null;
      // Not final when the command stops: closing the core stops it, so it is reported as the next start will journal it.
      const state = finalState ?? (last ? { ...last, state: 'failed' as const, error: last.state === 'sending' ? INTERRUPTED_SEND_ERROR : INTERRUPTED_QUEUE_ERROR } : null);
      return { commandId, state, unfinished: finalState === null, reply };
    });
    if (args.options.has('json')) {
      ctx.out(JSON.stringify({ command: result.state?.text ?? null, id: result.commandId, state: result.state?.state ?? 'queued', error: result.state?.error ?? null, reply: result.reply }));
    } else if (isFailure(result.state?.state)) {
      const failure = explainSendFailure(result.state?.error ?? 'unknown', result.state?.state);
      const maybe = result.state?.state === 'failed-retryable' || result.state?.error === INTERRUPTED_SEND_ERROR;
      ctx.out(`${say(ctx, maybe ? { zh: '可能未发出', en: 'Maybe not sent' } : { zh: '发送失败', en: 'Failed' })}: ${result.state?.text ?? catalog.maskSecrets(what)}  [${result.state?.error ?? result.state?.state}]`);
      ctx.out(say(ctx, failure));
      ctx.out(say(ctx, { zh: `怎么办：${failure.action.zh}`, en: `What to do: ${failure.action.en}` }));
    } else {
      ctx.out(`${say(ctx, { zh: '已发送', en: 'Sent' })}: ${result.state?.text ?? catalog.maskSecrets(what)}  [${result.state?.state ?? 'queued'}${result.state?.error ? ' ' + result.state.error : ''}]`);
      if (result.reply) {
        const mark = result.reply.complete ? '' : ` (${say(ctx, { zh: '不完整，缺第', en: 'incomplete, missing part' })} ${result.reply.missing.join(',')})`;
        ctx.out(`${result.reply.from}${mark}:\n${messageBody(result.reply.text)}`);
      } else if (args.options.has('wait-reply')) {
        ctx.err(say(ctx, { zh: `在 ${timeoutS} 秒内没有收到回复。`, en: `No reply within ${timeoutS} s.` }));
        ctx.err(say(ctx, lateReplyAdvice(args)));
      }
    }
    if (isFailure(result.state?.state)) return 1;
    return args.options.has('wait-reply') && !result.reply ? 1 : 0;
  },
};

export const inboxCommand: Command = {
  name: 'inbox',
  usage: 'inbox [--port P | --emulator] [--json]',
  summary: { zh: '读取调制解调器里的短信（存入日志后再从 SIM 删除）', en: 'Read the messages on the modem (journaled before they leave the SIM)' },
  spec: MODEM_OPTIONS,
  async run(args, ctx) {
    const messages = await withModem(args, ctx, async (core, id) => {
      await core.session(id).drain();
      return assembleRecords(core.journal.pendingIncoming());
    });
    if (args.options.has('json')) {
      ctx.out(JSON.stringify(messages));
      return;
    }
    if (messages.length === 0) ctx.out(say(ctx, { zh: '没有短信。', en: 'No messages.' }));
    for (const m of messages) {
      const unsure = m.uncertain ? `  (${say(ctx, { zh: '可能拼错：同一秒有两条编号相同的长短信', en: 'may be joined wrong: two long messages with one number in the same second' })})` : '';
      ctx.out(`${m.from}  ${m.timestamp}${m.complete ? '' : `  (${say(ctx, { zh: '不完整', en: 'incomplete' })} ${m.total - m.missing.length}/${m.total})`}${unsure}\n${messageBody(m.text)}\n`);
    }
  },
};

export const atCommand: Command = {
  name: 'at',
  usage: 'at [--port P | --emulator]   (type AT commands; Ctrl-D ends)',
  summary: { zh: '交互式 AT 命令控制台（高级用户）', en: 'Interactive AT command console (power users)' },
  spec: { booleans: ['emulator'], values: ['port', 'data-dir'] },
  async run(args, ctx) {
    await withModem(args, ctx, async (core, id) => {
      const engine = core.session(id).console();
      const off = engine.onUrc((urc) => ctx.out(`(URC) ${JSON.stringify(urc)}`));
      const lines = createInterface({ input: process.stdin, terminal: process.stdin.isTTY === true, prompt: 'AT> ' });
      if (process.stdin.isTTY) lines.prompt();
      for await (const raw of lines) {
        const command = raw.trim();
        if (command) {
          try {
            const r = await engine.run(command, { timeoutMs: 30_000 });
            for (const line of r.lines) ctx.out(line);
            ctx.out(r.final.kind.toUpperCase());
          } catch (e) {
            const error = toHallError(e);
            ctx.out(say(ctx, { zh: error.describe('zh-Hans'), en: error.describe('en') }));
          }
        }
        if (process.stdin.isTTY) lines.prompt();
      }
      off();
    });
  },
};

/** A modem's state, its SIM's and its network's, in words (say() turns the Chinese Traditional for zh-Hant). */
const STATE_WORDS: Record<ModemStatus['state'], Bilingual> = {
  opening: { zh: '正在打开', en: 'opening' },
  probing: { zh: '正在检测', en: 'probing' },
  ready: { zh: '就绪', en: 'ready' },
  reconnecting: { zh: '正在重新连接', en: 'reconnecting' },
  closed: { zh: '已关闭', en: 'closed' },
  failed: { zh: '失败', en: 'failed' },
};
const SIM_WORDS: Record<ModemStatus['sim'], Bilingual> = {
  ready: { zh: '就绪', en: 'ready' },
  pin: { zh: '需要 PIN 码', en: 'needs its PIN' },
  puk: { zh: '已锁，需要 PUK 码', en: 'locked, needs the PUK' },
  absent: { zh: '没有插卡', en: 'absent' },
  unknown: { zh: '未知', en: 'unknown' },
};
const REGISTRATION_WORDS: Record<ModemStatus['registration'], Bilingual> = {
  home: { zh: '已注册（本地网络）', en: 'home' },
  roaming: { zh: '漫游', en: 'roaming' },
  searching: { zh: '正在搜索网络', en: 'searching' },
  denied: { zh: '网络拒绝注册', en: 'denied' },
  none: { zh: '未注册', en: 'not registered' },
  unknown: { zh: '未知', en: 'unknown' },
};

function describeStatus(s: ModemStatus, ctx: CliContext): string {
  const l = (zh: string, en: string) => say(ctx, { zh, en });
  const rows = [
    [l('串口', 'Port'), `${s.path}${s.demo ? l('（演示）', ' (demo)') : ''}`],
    [l('状态', 'State'), say(ctx, STATE_WORDS[s.state])],
    [l('型号', 'Model'), [s.identity.manufacturer, s.identity.model].filter(Boolean).join(' ')],
    ['IMEI', s.identity.imei ?? ''],
    ['SIM', `${say(ctx, SIM_WORDS[s.sim])}${s.identity.iccid ? ` (ICCID ${s.identity.iccid})` : ''}`],
    [l('网络', 'Network'), `${say(ctx, REGISTRATION_WORDS[s.registration])}${s.operator ? ` — ${s.operator}` : ''}`],
    [l('信号', 'Signal'), s.signal ? `${'▮'.repeat(s.signal.bars)}${'▯'.repeat(4 - s.signal.bars)} ${s.signal.dbm ?? '?'} dBm` : ''],
    [l('短信中心', 'SMS centre'), s.smsc ?? l('未设置', 'not set')],
    [l('存储', 'Storage'), s.storage ? `${s.storage.used}/${s.storage.total}` : ''],
  ];
  const traps = s.traps.map((t) => `! ${say(ctx, t)} ${say(ctx, t.action)}`);
  return [table(rows), ...traps].join('\n');
}

function isFailure(state: OutgoingRecord['state'] | undefined): boolean {
  return state === 'failed' || state === 'failed-retryable';
}

function finalOf(states: readonly OutgoingRecord[], id: string): OutgoingRecord | null {
  const last = states.filter((s) => s.id === id).at(-1);
  return last && ['sent', 'delivered', 'failed', 'failed-retryable'].includes(last.state) ? last : null;
}

const samePeer = (from: string, peer: string) => from.replace(/^\+86/, '') === peer.replace(/^\+86/, '');

/**
 * The instruction went out; 10086 may still answer, after this command has stopped listening. The
 * reply then waits on the SIM, so the way to it is named, and sending again (a second charge or a
 * second change for some instructions) is not the first advice.
 */
function lateReplyAdvice(args: ParsedArgs): { zh: string; en: string } {
  const where = args.options.has('emulator') ? '--emulator' : `--port ${args.options.get('port')}`;
  const folder = args.options.get('data-dir');
  const inbox = `hall10086 inbox ${where}${folder ? ` --data-dir ${folder}` : ''}`;
  return {
    zh: `10086 繁忙时可能几分钟后才回复，晚到的回复留在 SIM 卡上：稍后运行 ${inbox} 读取（或在应用里连接这个调制解调器）。十分钟后仍没有，请检查信号和 SIM 卡，或拨打 10086；先别急着再发一次。`,
    en: `10086 may answer minutes later when busy; a late reply waits on the SIM: run ${inbox} later to read it (or connect this modem in the app). If nothing comes within ten minutes, check the signal and the SIM, or call 10086, before sending it again.`,
  };
}

function completeReply(replies: readonly IncomingRecord[], peer: string, since: number): AssembledRecordMessage | null {
  return assembleRecords(replies.filter((r) => samePeer(r.from, peer) && r.receivedAt >= since)).find((m) => m.complete) ?? null;
}

/** Polls `check` until it gives a value or time runs out (then null). */
async function until<T>(check: () => T | null, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== null || Date.now() >= deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}
