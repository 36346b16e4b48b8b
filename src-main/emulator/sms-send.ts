import { chooseEncoding, decodePdu, encodeSubmit, type Encoding, type SubmitPart } from '../../src-shared/pdu';
import { relativeMinutes } from '../../src-shared/pdu/validity';
import { argInt, argString, type AtCommand } from './at-command';
import { fromTe, hexToUcs2 } from './charset';
import type { CommandTable, ModemContext, Reply } from './context';
import { CMS, cms, ok, type Response } from './result-codes';
import type { Csmp } from './settings';
import { withSim } from './sms-storage';
import { tpduLength } from './sms-text';

/** TS 23.040: an SMS-SUBMIT TPDU is 7 to 164 octets. */
const MIN_TPDU = 7;
const MAX_TPDU = 164;
const FO_SRR = 0x20;
const FO_VPF_MASK = 0x18;
const FO_VPF_RELATIVE = 0x10;

/** The network takes the message: +CMGS: <mr> once the SMSC has accepted it. */
function send(part: SubmitPart, pdu: string, mode: 'pdu' | 'text', m: ModemContext): Response {
  if (!m.network.registered) return cms(CMS.noNetworkService);
  const sent = m.center.accept(part, pdu, mode);
  return { ...(m.faults.takeNoRef() ? ok() : ok(`+CMGS: ${sent.messageRef}`)), delayMs: m.sendDelayMs };
}

/** AT+CMGS=<length> then the hex PDU: the length must count the TPDU exactly, SMSC field excluded. */
function cmgsPdu(cmd: AtCommand, m: ModemContext): Reply {
  const length = argInt(cmd, 0);
  if (length === undefined || !(length >= MIN_TPDU && length <= MAX_TPDU)) return cms(CMS.invalidPduParameter);
  return {
    onPayload: (payload) => {
      const hex = payload.replace(/\s+/g, '').toUpperCase();
      if (!/^([0-9A-F]{2})+$/.test(hex) || tpduLength(hex) !== length) return cms(CMS.invalidPduParameter);
      let part;
      try {
        part = decodePdu(hex);
      } catch {
        return cms(CMS.invalidPduParameter);
      }
      return part.type === 'submit' ? send(part, hex, 'pdu', m) : cms(CMS.invalidPduParameter);
    },
  };
}

function textEncoding(dcs: number, text: string): Encoding {
  const alphabet = (dcs >> 2) & 0x3;
  if (alphabet === 2) return 'ucs2';
  if (alphabet === 1) return '8bit';
  return chooseEncoding(text) === 'gsm7' ? 'gsm7' : 'ucs2';
}

function validityMinutes(csmp: Csmp): number | null {
  return (csmp.fo & FO_VPF_MASK) === FO_VPF_RELATIVE ? relativeMinutes(csmp.vp) : null;
}

/** AT+CMGS="<da>" then the text (CR starts a new line); the modem builds the PDU from AT+CSMP. */
function cmgsText(cmd: AtCommand, m: ModemContext): Reply {
  const typed = cmd.args[0]?.quoted ? argString(cmd, 0) : undefined;
  const to = typed === undefined ? null : fromTe(typed, m.settings.cscs);
  if (to === null || !/^\+?\d{1,20}$/.test(to)) return cms(CMS.invalidTextParameter);
  return {
    onPayload: (payload) => {
      const { cscs, csmp } = m.settings;
      const text = cscs === 'UCS2' ? hexToUcs2(payload.replace(/\s+/g, '')) : payload.replace(/\r/g, '\n');
      if (text === null) return cms(CMS.invalidTextParameter);
      const parts = encodeSubmit({
        to,
        text,
        smsc: m.sim.smsc,
        encoding: textEncoding(csmp.dcs, text),
        statusReport: (csmp.fo & FO_SRR) !== 0,
        validityMinutes: validityMinutes(csmp),
      });
      // Text mode sends exactly one SMS per AT+CMGS; splitting is the host's business.
      if (parts.length !== 1) return cms(CMS.invalidTextParameter);
      const part = decodePdu(parts[0]!.hex);
      return part.type === 'submit' ? send(part, parts[0]!.hex, 'text', m) : cms(CMS.unknown);
    },
  };
}

/** Commands that take a body after "> "; a failure injected into them shows only after Ctrl-Z. */
export const PAYLOAD_COMMANDS: readonly string[] = ['+CMGS'];

export const smsSendCommands: CommandTable = {
  '+CMGS': {
    set: withSim((cmd, m) => (m.settings.cmgf === 0 ? cmgsPdu(cmd, m) : cmgsText(cmd, m))),
    test: () => ok(),
  },
};
