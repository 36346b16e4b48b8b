import { argInt, argString, type AtCommand } from './at-command';
import type { CommandTable, Handler, ModemContext } from './context';
import { CMS, cms, ok, type Response } from './result-codes';
import type { Mem } from './settings';
import { listLines, readLines } from './sms-text';
import { STATUS_NAMES, type MessageStatus } from './storage';

/** SMS commands refuse to run until the SIM is unlocked. */
export function withSim(handler: Handler): Handler {
  return (cmd, m) => {
    const err = m.sim.smsError();
    return err === null ? handler(cmd, m) : cms(err);
  };
}

const memList = (mems: readonly Mem[]) => `(${mems.map((s) => `"${s}"`).join(',')})`;

function usage(m: ModemContext, mem: Mem): string {
  return `${m.storage.used(mem)},${m.storage.capacity(mem)}`;
}

function cpmsSet(cmd: AtCommand, m: ModemContext): Response {
  const wanted = cmd.args.map((a) => a.text.toUpperCase());
  // Each position takes only what AT+CPMS=? offers for it (Cinterion reads only from ME or MT).
  const offered = m.quirks.cpmsOffered;
  if (wanted.length === 0 || wanted.length > 3 || !wanted.every((w, i): w is Mem => (offered[i] as string[]).includes(w))) {
    return cms(CMS.operationNotAllowed);
  }
  const cpms = m.settings.cpms;
  wanted.forEach((mem, i) => (cpms[i] = mem));
  // A new receiving memory may have room for messages the network is holding.
  m.inbound.memoryAvailable();
  return ok(`+CPMS: ${cpms.map((mem) => usage(m, mem)).join(',')}`);
}

/** Which <stat> values a CMGL filter selects (4 / "ALL": every one). */
function listFilter(cmd: AtCommand, m: ModemContext): MessageStatus[] | null {
  const all: MessageStatus[] = [0, 1, 2, 3];
  if (m.settings.cmgf === 0) {
    const stat = cmd.args.length === 0 ? 0 : argInt(cmd, 0);
    if (stat === undefined || !Number.isInteger(stat) || stat < 0 || stat > 4) return null;
    return stat === 4 ? all : [stat as MessageStatus];
  }
  const name = cmd.args.length === 0 ? 'REC UNREAD' : argString(cmd, 0)?.toUpperCase();
  if (name === 'ALL') return all;
  const stat = STATUS_NAMES.indexOf(name as (typeof STATUS_NAMES)[number]);
  return stat < 0 ? null : [stat as MessageStatus];
}

/** Reading a received unread message marks it read, as every modem does. */
function markRead(message: { status: MessageStatus }): void {
  if (message.status === 0) message.status = 1;
}

function cmgl(cmd: AtCommand, m: ModemContext): Response {
  const filter = listFilter(cmd, m);
  if (!filter) return cms(m.settings.cmgf === 0 ? CMS.invalidPduParameter : CMS.invalidTextParameter);
  const entries = m.storage.list(m.settings.cpms[0]).filter((e) => filter.includes(e.message.status));
  const lines = withRacingUrc(entries.flatMap((e) => listLines(e, m.settings)), m);
  entries.forEach((e) => markRead(e.message));
  return ok(...lines);
}

function cmgr(cmd: AtCommand, m: ModemContext): Response {
  const mem = m.settings.cpms[0];
  const index = argInt(cmd, 0);
  if (index === undefined || !m.storage.isValidIndex(mem, index)) return cms(CMS.invalidMemoryIndex);
  const message = m.storage.get(mem, index);
  // Huawei answers a valid but empty slot with a bare OK.
  if (!message) return ok();
  const lines = withRacingUrc(readLines(message, m.settings), m);
  markRead(message);
  return ok(...lines);
}

/**
 * A device's unsolicited line that raced the answer and landed between the first header and its PDU
 * (once per power-on, see Quirks.listingUrc).
 */
function withRacingUrc(lines: string[], m: ModemContext): string[] {
  if (lines.length < 2 || m.settings.cmgf !== 0) return lines;
  const urc = m.takeListingUrc();
  return urc === null ? lines : [lines[0]!, urc, ...lines.slice(1)];
}

/** <delflag> 1..4: which statuses a bulk delete removes. */
const BULK_DELETE: Record<number, MessageStatus[]> = { 1: [1], 2: [1, 3], 3: [1, 2, 3], 4: [0, 1, 2, 3] };

function cmgd(cmd: AtCommand, m: ModemContext): Response {
  const mem = m.settings.cpms[0];
  const index = argInt(cmd, 0);
  const flag = argInt(cmd, 1) ?? 0;
  if (flag === 0) {
    if (index === undefined || !m.storage.isValidIndex(mem, index)) return cms(CMS.invalidMemoryIndex);
    m.storage.delete(mem, index);
  } else {
    const statuses = BULK_DELETE[flag];
    if (!statuses) return cms(CMS.operationNotAllowed);
    for (const e of m.storage.list(mem)) if (statuses.includes(e.message.status)) m.storage.delete(mem, e.index);
  }
  m.inbound.memoryAvailable();
  return ok();
}

export const smsStorageCommands: CommandTable = {
  '+CPMS': {
    read: withSim((_, m) => ok(`+CPMS: ${m.settings.cpms.map((mem) => `"${mem}",${usage(m, mem)}`).join(',')}`)),
    set: withSim(cpmsSet),
    test: (_, m) => ok(`+CPMS: ${m.quirks.cpmsOffered.map(memList).join(',')}`),
  },
  '+CMGL': {
    exec: withSim(cmgl),
    set: withSim(cmgl),
    test: (_, m) =>
      ok(m.settings.cmgf === 0 ? '+CMGL: (0-4)' : `+CMGL: (${[...STATUS_NAMES, 'ALL'].map((n) => `"${n}"`).join(',')})`),
  },
  '+CMGR': { set: withSim(cmgr), test: () => ok() },
  '+CMGD': {
    set: withSim(cmgd),
    test: withSim((_, m) => {
      const used = m.storage.list(m.settings.cpms[0]).map((e) => e.index);
      return ok(`+CMGD: (${used.join(',')}),(0-4)`);
    }),
  },
};
