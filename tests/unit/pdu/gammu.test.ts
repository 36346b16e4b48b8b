import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chooseEncoding,
  decodePdu,
  encodeDeliver,
  encodeDeliverParts,
  encodeStatusReport,
  encodeSubmit,
  reassemble,
  type DecodedPart,
  type DeliverPart,
  type Encoding,
  type SubmitPart,
} from '../../../src-shared/pdu';
import { findPythonWithGammu, runGammu, type EncodeRequest, type GammuReply, type GammuView } from '../../fixtures/gammu-bridge';

const CODING: Record<Encoding, string> = {
  gsm7: 'Default_No_Compression',
  ucs2: 'Unicode_No_Compression',
  '8bit': '8bit',
};

/** What gammu should report for a part we decoded: the fields both codecs expose. */
function expectedView(part: DecodedPart): Partial<GammuView> {
  const common = { number: part.number, smsc: part.smsc ?? '' };
  switch (part.type) {
    case 'deliver':
      return { ...common, type: 'Deliver', ...content(part), dateTime: part.timestamp.slice(0, 19) };
    case 'submit':
      return { ...common, type: 'Submit', ...content(part), messageReference: part.messageRef };
    case 'status-report':
      return {
        ...common,
        type: 'Status_Report',
        dateTime: part.timestamp.slice(0, 19),
        smscDateTime: part.dischargeTime?.slice(0, 19),
        deliveryStatus: part.status,
        messageReference: part.messageRef,
      };
  }
}

function content(part: DeliverPart | SubmitPart): Partial<GammuView> {
  return { text: part.text, coding: CODING[part.encoding], concat: part.concat };
}

function pick(view: GammuView, like: Partial<GammuView>): Partial<GammuView> {
  return Object.fromEntries(Object.keys(like).map((k) => [k, view[k as keyof GammuView]]));
}

// ---- generated corpus (fixed seed: the same PDUs every run) ----

const SEED = 20261125;
const chars = (s: string) => fc.constantFrom(...Array.from(s));
const codePoints = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
const GSM_CHARS =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?#%&()*+-/<=>\'"\n\r' +
  '@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà' +
  '^{}[]~|\\€\f';
const gsmText = fc.string({ unit: chars(GSM_CHARS), maxLength: 400, size: 'max' });
const chineseText = fc.string({
  unit: fc.oneof(codePoints(0x4e00, 0x9fa5), chars('，。！？：；0123456789 ABCGPRS')),
  maxLength: 300,
  size: 'max',
});
const emojiText = fc.string({
  unit: fc.oneof(chars('你好余额流量'), codePoints(0x1f600, 0x1f64f)),
  maxLength: 120,
  size: 'max',
});
const anyText = fc.oneof(gsmText, chineseText, emojiText).filter((t) => t.length > 0);
const latin1Text = fc.string({ unit: codePoints(0, 255), maxLength: 140, size: 'max' });
const mobile = fc.integer({ min: 0, max: 99_999_999 }).map((n) => `+86138${String(n).padStart(8, '0')}`);
const number = fc.oneof(mobile, fc.constantFrom('10086', '1008611', '106575', '10658'));
const alphanumeric = fc.constantFrom('ChinaMobile', 'CMCC', 'Bank 95588', 'Hall10086');
const smsc = fc.constantFrom('+8613800100500', '+8613800210500', '+8613800755500');
const refBits = fc.constantFrom<8 | 16>(8, 16);
/** 2000-2089 wall clock with a zone of -12:00..+14:00 in quarter hours. */
const timestamp = fc
  .tuple(fc.integer({ min: Date.UTC(2000, 0, 2), max: Date.UTC(2089, 11, 30) }), fc.integer({ min: -48, max: 56 }))
  .map(([ms, quarters]) => ({ at: new Date(Math.floor(ms / 1000) * 1000), quarters }));

function sample<T>(arb: fc.Arbitrary<T>, numRuns: number, offset: number): T[] {
  return fc.sample(arb, { seed: SEED + offset, numRuns });
}

function ourCorpus(): string[] {
  const submits = sample(
    fc.record({
      to: number,
      text: anyText,
      smsc: fc.option(smsc, { nil: null }),
      statusReport: fc.boolean(),
      messageRef: fc.integer({ min: 0, max: 255 }),
      refBits,
    }),
    70,
    1,
  ).flatMap((r) => encodeSubmit({ ...r, concatRef: r.messageRef, validityMinutes: 1440 }));
  const delivers = sample(
    fc.record({ from: fc.oneof(number, alphanumeric), text: anyText, smsc, ts: timestamp, ref: fc.nat(0xffff), refBits }),
    70,
    2,
  ).flatMap((r) =>
    encodeDeliverParts({
      from: r.from,
      text: r.text,
      smsc: r.smsc,
      timestamp: r.ts.at,
      tzQuarterHours: r.ts.quarters,
      concatRef: r.refBits === 16 ? r.ref : r.ref & 0xff,
      refBits: r.refBits,
    }),
  );
  const eightBit = sample(fc.record({ text: latin1Text, ts: timestamp }), 20, 3).map((r) =>
    encodeDeliver({ from: '10086', text: r.text, encoding: '8bit', timestamp: r.ts.at, tzQuarterHours: r.ts.quarters }),
  );
  const reports = sample(
    fc.record({
      recipient: number,
      messageRef: fc.nat(255),
      sc: timestamp,
      discharge: timestamp,
      status: fc.constantFrom(0x00, 0x01, 0x20, 0x30, 0x41, 0x46, 0x60, 0x65),
      smsc: fc.option(smsc, { nil: null }),
    }),
    60,
    4,
  ).map((r) =>
    encodeStatusReport({
      ...r,
      scTimestamp: r.sc.at,
      dischargeTime: r.discharge.at,
      tzQuarterHours: r.sc.quarters,
    }),
  );
  return [...submits, ...delivers, ...eightBit, ...reports].map((p) => p.hex);
}

function gammuRequests(): EncodeRequest[] {
  return sample(
    fc.record({
      layout: fc.constantFrom<'Submit' | 'Deliver'>('Submit', 'Deliver'),
      number,
      text: anyText,
      smsc,
      concat16: fc.boolean(),
      ts: timestamp,
    }),
    60,
    5,
  ).map((r) => ({
    layout: r.layout,
    number: r.number,
    smsc: r.smsc,
    text: r.text,
    unicode: chooseEncoding(r.text) === 'ucs2',
    concat16: r.concat16,
    datetime: r.ts.at.toISOString().slice(0, 19),
  }));
}

describe('cross-check with python3-gammu', () => {
  let ours: string[];
  let requests: EncodeRequest[];
  let reply: GammuReply;

  beforeAll(() => {
    const python = findPythonWithGammu();
    ours = ourCorpus();
    requests = gammuRequests();
    reply = runGammu(python, { decode: ours.map((hex) => ({ hex })), encode: requests });
  });

  it('covers a few hundred PDUs of every kind', () => {
    const kinds = ours.map((hex) => {
      const part = decodePdu(hex);
      if (part.type === 'status-report') return part.type;
      return `${part.type}/${part.encoding}/${part.concat ? 'multi' : 'single'}`;
    });
    expect(ours.length).toBeGreaterThanOrEqual(300);
    expect(new Set(kinds)).toEqual(
      new Set([
        ...['submit/gsm7', 'submit/ucs2', 'deliver/gsm7', 'deliver/ucs2'].flatMap((k) => [`${k}/single`, `${k}/multi`]),
        'deliver/8bit/single',
        'status-report',
      ]),
    );
  });

  it('gammu decodes our PDUs to the same number, text, coding, concatenation and times', () => {
    const mismatches = ours.flatMap((hex, i): unknown[] => {
      const view = reply.decoded[i]!;
      if ('error' in view) return [{ hex, gammuError: view.error }];
      const want = expectedView(decodePdu(hex));
      const got = pick(view, want);
      return isDeepStrictEqual(got, want) ? [] : [{ hex, want, got }];
    });
    expect(mismatches).toEqual([]);
  });

  it('we decode gammu-encoded PDUs to what gammu meant, and reassemble its multipart messages', () => {
    const mismatches = requests.flatMap((request, i): unknown[] => {
      const parts = reply.encoded[i]!;
      if ('error' in parts) return [{ request, gammuError: parts.error }];
      const decoded = parts.map((p) => decodePdu(p.hex));
      const problems = parts.flatMap((p, k) => {
        // gammu leaves TP-MR at 0 and its view does not carry it; the rest must agree.
        const { messageReference, ...want } = expectedView(decoded[k]!);
        const got = pick(p.view, want);
        const refOk = messageReference === undefined || messageReference === 0;
        return refOk && isDeepStrictEqual(got, want) ? [] : [{ hex: p.hex, want, got, messageReference }];
      });
      const whole =
        request.layout === 'Deliver'
          ? reassemble(decoded as DeliverPart[]).map((m) => m.text)
          : [decoded.map((d) => (d.type === 'submit' ? d.text : '')).join('')];
      return whole.length === 1 && whole[0] === request.text && problems.length === 0 ? [] : [{ request, whole, problems }];
    });
    expect(mismatches).toEqual([]);
  });

  it('we decode gammu-encoded messages of every class, flash (class 0) included, GSM 7-bit extension table and UCS2', () => {
    const texts = ['Flash: code 1234 {ok} [x] ~|^ € \\', '闪信：您的验证码是 1234，5分钟内有效。'];
    const classed: EncodeRequest[] = texts.flatMap((text) =>
      ([0, 1, 2, 3] as const).map((messageClass) => ({
        layout: 'Deliver' as const,
        number: '+8613912345678',
        smsc: '+8613800100500',
        text,
        unicode: chooseEncoding(text) === 'ucs2',
        concat16: false,
        datetime: '2026-12-05T09:30:15',
        messageClass,
      })),
    );
    const encoded = runGammu(findPythonWithGammu(), { decode: [], encode: classed }).encoded;
    const read = encoded.map((parts) => ('error' in parts ? parts : parts.map((p) => (decodePdu(p.hex) as DeliverPart).text).join('')));
    expect(read).toEqual(classed.map((r) => r.text));
  });
});

