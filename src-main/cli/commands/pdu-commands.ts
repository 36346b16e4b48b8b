import { assembleRecords } from '../../../src-shared/assemble';
import { HallError, type Bilingual } from '../../../src-shared/errors';
import { decodePdu, encodeSubmit, PduError, type DecodedPart } from '../../../src-shared/pdu';
import { usageError } from '../args';
import { say, type Command } from '../context';
import { messageBody } from '../terminal-text';

interface PartView {
  type: DecodedPart['type'];
  smsc: string | null;
  number: string;
  encoding: 'gsm7' | 'ucs2' | '8bit' | null;
  text: string;
  timestamp: string | null;
  concat: { ref: number; part: number; total: number } | null;
}

function view(p: DecodedPart): PartView {
  if (p.type === 'status-report') {
    return { type: p.type, smsc: p.smsc, number: p.number, encoding: null, text: '', timestamp: p.timestamp, concat: null };
  }
  return {
    type: p.type,
    smsc: p.smsc,
    number: p.number,
    encoding: p.encoding,
    text: p.text,
    timestamp: p.type === 'deliver' ? p.timestamp : null,
    concat: p.concat ? { ref: p.concat.ref, part: p.concat.part, total: p.concat.total } : null,
  };
}

const TYPED_PDU_ACTION: Bilingual = {
  zh: '请检查输入的十六进制：每个字节两位（0-9、A-F），即调制解调器在 +CMGL 或 +CMT 之后给出的那一行。',
  en: 'Check the hex given on the command line: two digits (0-9, A-F) per octet, the line a modem prints after +CMGL or +CMT.',
};

export const pduCommand: Command = {
  name: 'pdu',
  usage: 'pdu decode HEX... [--json] | pdu encode --to N --text T [--json]',
  summary: { zh: '解码或编码短信 PDU（长短信按任意顺序重组）', en: 'Decode or encode SMS PDUs (long messages reassembled in any order)' },
  spec: { booleans: ['json'], values: ['to', 'text'] },
  async run(args, ctx) {
    const [verb, ...rest] = args.positionals;
    if (verb === 'decode') {
      if (rest.length === 0) throw usageError('请给出要解码的 PDU（十六进制）。', 'Give the PDUs to decode (hex).');
      // Every PDU is checked before anything is printed: one bad PDU fails the whole call (exit 2).
      const parts = rest.map((hex, i) => {
        try {
          return decodePdu(hex.trim());
        } catch (e) {
          // The decoder's advice speaks of a PDU the modem sent (and the journal kept); this one was typed here.
          if (e instanceof PduError) throw new HallError(e.code, { zh: `#${i + 1}：${e.zh}`, en: `#${i + 1}: ${e.en}` }, { action: TYPED_PDU_ACTION, details: e.details });
          throw e;
        }
      });
      const views = parts.map(view);
      const delivered = parts.flatMap((p, i) =>
        p.type === 'deliver'
          ? [{ kind: 'in' as const, key: String(i), simId: '', from: p.number, text: p.text, encoding: p.encoding, timestamp: p.timestamp, receivedAt: 0, concat: views[i]!.concat }]
          : [],
      );
      const messages = assembleRecords(delivered).map((m) => ({ number: m.from, text: m.text, parts: m.keys.length, complete: m.complete }));
      if (args.options.has('json')) {
        ctx.out(JSON.stringify({ parts: views, messages }));
        return;
      }
      for (const v of views) {
        ctx.out(`${v.type}  ${v.number}  ${v.encoding ?? ''}  ${v.timestamp ?? ''}${v.concat ? `  [${v.concat.part}/${v.concat.total} ref ${v.concat.ref}]` : ''}\n${messageBody(v.text)}`);
      }
      for (const m of messages) ctx.out(`${say(ctx, { zh: '消息', en: 'Message' })} ${m.number}${m.complete ? '' : ' (incomplete)'}:\n${messageBody(m.text)}`);
      return;
    }
    if (verb === 'encode' && rest.length === 0) {
      const to = args.options.get('to');
      const text = args.options.get('text');
      if (!to || text === undefined) throw usageError('用法：pdu encode --to 号码 --text 内容', 'Usage: pdu encode --to NUMBER --text TEXT');
      if (!/^\+?\d{1,20}$/.test(to)) throw usageError('--to 应是电话号码。', '--to must be a phone number.');
      const pdus = encodeSubmit({ to, text });
      if (args.options.has('json')) ctx.out(JSON.stringify(pdus));
      else for (const p of pdus) ctx.out(`AT+CMGS=${p.tpduLength}  ${p.hex}`);
      return;
    }
    throw usageError('用法：pdu decode 十六进制… 或 pdu encode --to 号码 --text 内容', 'Usage: pdu decode HEX... or pdu encode --to N --text T');
  },
};
