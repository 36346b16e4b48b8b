import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import type { EmulatorOptions } from '../../src-main/emulator/options';
import type { ModemSession } from '../../src-main/services/modem/session';
import { decodePdu, type DecodedPart } from '../../src-shared/pdu';
import { findPythonWithGammu, runGammu, type GammuView } from '../fixtures/gammu-bridge';
import { ptyRig, until, type PtyRig } from './pty-rig';
import { FAST } from './session-kit';

/**
 * Answers to AT+CMGR from real phones and modems. gammu's are quoted byte for byte from its test suite
 * (tests/at-sms/README: "collected from randomly available sources on the Internet"), echo line and
 * bare LF line ends included; ModemManager's are the answer lines of its parser tests, framed here with
 * the command's echo, CR LF and OK as a modem with echo on sends them. Each is replayed by the emulator as the answer to AT+CMGR for its
 * slot after a +CMTI for that slot, over a real pty with serialport's native binding. The answers are as
 * odd as the devices made them: no <alpha> field (`+CMGR: 0,23`), no <stat> (`+CMGR: 24`, `+CMGR: ,,92`),
 * a fourth field (`+CMGR: 4,1,,151`), `""` for <alpha>, the PDU on the header's own line, a trailing
 * quote after the PDU, lower-case hex, a PDU line that is not hex.
 */
const ANSWERS: readonly { source: string; answer: string }[] = [
  {
    source: 'ModemManager src/tests/test-modem-helpers.c test_cmgr_response_generic',
    answer: "AT+CMGR=3\r\r\n+CMGR: 1,,147 07914306073011F00405812261F700003130916191314095C274D96D2FBBD3E437280CB2BEC961F3DB5D76818EF2F0381D9E83E06F39A8CC2E9FD372F77BEE0249CBE37A594E0E83E2F532085E2F93CB73D0B93CA7A7DFEEB01C447F93DF7310BD3E07CDCB727B7A9C7ECF41E432C8FC96B7C32079189E26874179D0F8DD7E93C3A0B21B246AA641D637396C7EBBCB22D0FD7E77B5D376B3AB3C07\r\n\r\nOK\r\n",
  },
  {
    source: 'ModemManager src/tests/test-modem-helpers.c test_cmgr_response_telit (Telit HE910)',
    answer: 'AT+CMGR=4\r\r\n+CMGR: 0,"",50\r\n07916163838428F9040B916121021021F700005190514164220A23C4B0BCFD5E8740C4B0BCFD5E83C26E3248196687C9A0301D440DBBC3677918\r\n\r\nOK\r\n',
  },
  { source: 'gammu tests/at-sms/03.dump', answer: "AT+CMGR=1\n+CMGR: 1,,25\n0791198948004544040C9119894882006200007050307040042206CF35689E9603\nOK\n" },
  { source: 'gammu tests/at-sms/04.dump', answer: "AT+CMGR=5\n+CMGR: 1,,156\n07914487200030230406D04F59040000601191806243009F4F990E947DD741EEF71D840EDBCBA0FCBB2E0751CB783A28E8CED3D3ED3268068381AA4B10BD8CA7CF412650AC2904BDCD2072981E06D1DFA0FABC0CA2A3D373509B8E7681A4E576B92D2ECB41F43788FE86B7EA7010280603BDE5A0F65B5E0689CBE6B7BC0C8ADD6232980D447F83CE653A28FFAECB416679B90C0AB3D9EF7BD83D2E83DC653C1DD4A6A301\"\r\nOK\n" },
  { source: 'gammu tests/at-sms/06.dump', answer: "AT+CMGR=106\n+CMGR: 1,,122\n07915892200613F4000781056317F000007070900145000077C6B71C947FD7E5A072785E06D1DF20B1FC7D9F9741E3B79B5E76D3416133BD2C07A1C36EF2BC4C078DD161F7B94C6681F2EF3AE89E66B341F2F2B89CB6974161D0BC2CB7A7C765D0BC4CA7A7DD67D0FCFD76BB40D3741BCECE83E6617B19149E83C86573B8CEA6BB00\nOK\n" },
  { source: 'gammu tests/at-sms/07.dump', answer: "AT+CMGR=0\n+CMGR: 0,23\n0791534850020200040C9153486507895500006090608164138004D4F29C0E\nOK\n" },
  { source: 'gammu tests/at-sms/10.dump', answer: "AT+CMGR=0\n+CMGR: 0,23\n07912374151616F6040B912374786468F30000201003024550400B54C29E2E1F8300A0800B\nOK\n" },
  { source: 'gammu tests/at-sms/22.dump', answer: "AT+CMGR=1\n+CMGR: 1,,78\n0791246020099990400C91247042972767000070107031107440A005000301020182E8B71A040FDBD96516881E5E83DA65907D5C968741EEF49AFC06B9CBEFB53C4C66B34061771AE42EEBDDE1799AED4EB34161D0BA0E7F93D3F63A483D2FB74161771AE42ED7E7EE3A3BCC0285C720FABB5D07B5DF6390BB3C1FA3C3FA32FBAD4BB940D43219342F83C6E8FC9C1E6E83E0F2F0F86D0FD3416150FBAD77874169903B0CA2BF41\nOK\n" },
  { source: 'gammu tests/at-sms/27.dump', answer: "AT+CMGR=4\n+CMGR: 4,1,,151\n0791539126010000240C9153915658733100008021626104720083C539BC2C7F83E2F532885E76A3C373103D4D7E83EA6D90334C0FB341E536E82C0FBBC965D0185D4EBF41E43268FC4ECFC37390F81D9E8374295019143EBFE56150BC5E06D5DB20F7DBFE0685DD6FD0BC0C0AC3E56F7CBA5D6691CBF3B2FADDA297416F50B3C8443EA5206139AD4EBBD16F1008\nOK\n" },
  { source: 'gammu tests/at-sms/39.dump', answer: "AT+CMGR=91\n+CMGR: ,,92\n07914336120011F10404A14949000021807001253040356C76B81D268741F0B29C9C268741E4B20EB49AD16CB19BAD368BD96EA0B71B04BBBD603810284C078162315D2CE70289EBFAE1AC0CB2BFF52C10FC2D0799C3F6B71CC46687DB6550980D8AC962\nOK\n" },
  { source: 'gammu tests/at-sms/40.dump', answer: "AT+CMGR=1\n+CMGR: 1,,153\n07912374151616F6440B911174164210F000F571309290346280860605040B8423F04F06226170706C69636174696F6E2F766E642E7761702E6D6D732D6D65737361676500AF848C82983831343630343934406D6D7331008D928918802B33333333333439333231312F545950453D504C4D4E0096008F8186818A808E03017A598805810303F48083687474703A2F2F6D74732F3F69643D383134363034393400\nOK\n" },
  { source: 'gammu tests/at-sms/02.dump', answer: "AT+CMGR=1\n+CMGR: 3,,29\n0791361907001003B17A0C913619397750320000AD11CD701E340FB3C3F23CC81D0689C3BF\nOK\n" },
  { source: 'gammu tests/at-sms/38.dump', answer: "AT+CMGR=1\n+CMGR: 24\n079124602009999006B4098106326906F2212041015554402120410155054000\nOK\n" },
  { source: 'gammu tests/at-sms/41.dump', answer: "AT+CMGR=1\n+CMGR: 0,,93\n0041000b817777777777f700005d060504157800004de1135b851283d4e2afdd8bd576f3b2dc5e96f7dc617a788e2ebbd761173c2ca7e777f0b79cdecbe5663bf8bdc74e57cdcfbcf5b97387dbe59e1be00ed3c37374d9bd0ebbe06139\nOK\n" },
  { source: 'gammu tests/at-sms-failing/13.dump', answer: "AT+CMGR=2\n+CMGR: 2,,164\n0BD04259303784=96p331p71160016D02B5AEC86BBDD6E37D80DFF00F19C0AC8F7BA3E87BFD7F539FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF12\nOK\n" },
  { source: 'gammu tests/at-sms-failing/01.dump', answer: "AT+CMGR=1\n+CMGR: 1,,78\n0791246030500200110481643000007030427132500047D6B0BEECCE83F4E17558EF4EAFEB2CD09C5DD78BC3207519447E8FC3737719D44EB7DF20B8FC6D7FEB5D2062795D5797DB65903E0C82BFC7E837BCEC4EBB00\nOK\n" },
];

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

interface Rig extends PtyRig {
  /** Each AT+CMGD written, with journal.log as it was on disk at that moment. */
  deletes: { index: number; journalOnDisk: string }[];
  open(): Promise<ModemSession>;
}

async function rig(options: EmulatorOptions): Promise<Rig> {
  const base = await ptyRig(new ModemEmulator(options), cleanup);
  const deletes: Rig['deletes'] = [];
  const onTx = (line: string) => {
    const cmgd = /^AT\+CMGD=(\d+)$/.exec(line);
    if (cmgd) deletes.push({ index: Number(cmgd[1]), journalOnDisk: readFileSync(join(base.dir, 'journal.log'), 'utf8') });
  };
  const openBase = base.open;
  return Object.assign(base, { deletes, open: () => openBase(onTx) });
}

/**
 * The slot an answer was recorded for, and its PDU as its source reads it (the line after the header,
 * or the header's last word when the PDU is on its line; without gammu's tolerated trailing quote).
 */
function recorded(answer: string): { index: number; pdu: string } {
  const index = Number(/^AT\+CMGR=(\d+)/.exec(answer)![1]);
  const [header, next] = answer.split(/[\r\n]+/).filter((l) => l && l !== 'OK' && !l.startsWith('AT'));
  return { index, pdu: (next ?? header!.split(' ').at(-1)!).replace(/"$/, '') };
}

function ours(pdu: string): DecodedPart | null {
  try {
    return decodePdu(pdu);
  } catch {
    return null;
  }
}

describe('recorded +CMGR answers of real devices over a real pty', () => {
  it('journals each readable message once before deleting its slot, keeps the unreadable ones, and agrees with python3-gammu', async () => {
    const python = findPythonWithGammu();
    const pdus = ANSWERS.map((a) => recorded(a.answer).pdu);
    const gammu = runGammu(python, { decode: pdus.map((hex) => ({ hex })), encode: [] }).decoded;
    // Slots as high as the recordings' (91, 106), numbered from 0 as some devices do.
    const r = await rig({ ...FAST, firstIndex: 0, capacity: { SM: 255 } });
    const session = await r.open();

    const kinds: Record<string, string> = {};
    for (const [i, { source, answer }] of ANSWERS.entries()) {
      const { index, pdu } = recorded(answer);
      const before = { incoming: r.incoming.length, deletes: r.deletes.length, notices: r.notices.length, tx: r.tx.length };
      // Twice: an unreadable answer is read once more before it is given up.
      r.emulator.fault({ kind: 'replay', command: `AT+CMGR=${index}`, bytes: answer, times: 2 });
      r.emulator.fault({ kind: 'garbage', bytes: `\r\n+CMTI: "SM",${index}\r\n` });
      await until(() => r.tx.slice(before.tx).includes(`AT+CMGR=${index}`), `${source}: the announced slot read`);
      // Queued behind the read of the announced slot: done once that is.
      await session.drain();
      r.emulator.clearFaults();

      const journaled = r.incoming.slice(before.incoming);
      const deleted = r.deletes.slice(before.deletes);
      const notices = r.notices.slice(before.notices).map((n) => n.en);
      const part = ours(pdu);
      const theirs = gammu[i]!;
      kinds[source] = part?.type ?? 'unreadable';
      if (part?.type === 'deliver') {
        expect(journaled.map((x) => x.text), source).toEqual([part.text]);
        if (!('error' in theirs)) {
          const view = theirs as GammuView;
          expect(view.text, `${source}: python3-gammu's text`).toBe(part.text);
          const concat = view.concat && { ref: view.concat.ref, part: view.concat.part, total: view.concat.total };
          expect(journaled[0]!.concat, `${source}: python3-gammu's concatenation`).toEqual(concat);
        }
        expect(deleted.map((d) => d.index), source).toEqual([index]);
        expect(deleted[0]!.journalOnDisk, `${source}: on disk before AT+CMGD`).toContain(`"key":${JSON.stringify(journaled[0]!.key)}`);
      } else if (part === null) {
        expect('error' in theirs, `${source}: python3-gammu refuses it too`).toBe(true);
        expect(journaled, source).toEqual([]);
        expect(deleted, source).toEqual([]);
        expect(notices.some((n) => n.includes(`slot ${index} (SM)`)), `${source}: the user is told`).toBe(true);
      } else {
        // Our own stored SUBMIT stays where it is; a status report for nothing we sent is cleared.
        expect(journaled, source).toEqual([]);
        expect(deleted.map((d) => d.index), source).toEqual(part.type === 'status-report' ? [index] : []);
        if (!('error' in theirs)) expect((theirs as GammuView).type, source).toBe(part.type === 'submit' ? 'Submit' : 'Status_Report');
      }
    }
    expect(Object.values(kinds).filter((k) => k === 'deliver').length).toBeGreaterThanOrEqual(8);
    expect(new Set(r.incoming.map((x) => x.key)).size).toBe(r.incoming.length);
  });

  it('a real message whose delete failed is not journaled twice by the next run', async () => {
    // gammu tests/at-sms/03.dump: REC READ in slot 1.
    const { answer } = ANSWERS.find((a) => a.source.endsWith('at-sms/03.dump'))!;
    const { index, pdu } = recorded(answer);
    const r = await rig({ ...FAST, firstIndex: 1 });
    let session = await r.open();
    expect(r.emulator.preload('SM', pdu, 'deliver', 1)).toBe(index);
    r.emulator.fault({ kind: 'command-error', command: 'AT+CMGD', cms: 500 });
    r.emulator.fault({ kind: 'replay', command: `AT+CMGR=${index}`, bytes: answer });
    r.emulator.fault({ kind: 'garbage', bytes: `\r\n+CMTI: "SM",${index}\r\n` });
    await until(() => r.incoming.length === 1 && r.deletes.length === 1, 'journaled, the delete refused');
    await session.close();
    expect(r.emulator.sim.messages).toHaveLength(1);

    // The next run finds it still in slot 1, read: the same part, deleted now, journaled once.
    session = await r.open();
    await until(() => r.emulator.sim.messages.length === 0, 'the slot emptied');
    expect(r.incoming.map((x) => x.text)).toEqual(['Ok sir']);
    expect(r.journal.pendingIncoming().map((x) => x.text)).toEqual(['Ok sir']);
  });

  it("acknowledges ModemManager's recorded +CDS and reads its reference as python3-gammu does", async () => {
    // ModemManager src/tests/test-modem-helpers.c test_parse_cds, byte for byte ("<CR><LF>+CDS: 24<CR><LF>…").
    const report = '07914356060013F1065A098136395339F6219011700463802190117004638030';
    const [theirs] = runGammu(findPythonWithGammu(), { decode: [{ hex: report }], encode: [] }).decoded as GammuView[];
    // Reports routed directly (<ds>=1), as on modems that refuse <ds>=2.
    const r = await rig({ ...FAST, script: [{ atMs: 0, fault: { kind: 'refuse-cnmi', ds: 2 } }] });
    await r.open();
    const before = r.tx.length;
    r.emulator.fault({ kind: 'garbage', bytes: `\r\n+CDS: 24\r\n${report}\r\n` });
    await until(() => r.tx.slice(before).includes('AT+CNMA'), 'the report acknowledged');
    const said = await until(() => r.notices.find((n) => /status report arrived/.test(n.en)), 'the report read');
    expect(theirs!.messageReference).toBe(90);
    expect(said.en).toContain(`reference ${theirs!.messageReference}`);
    expect(r.incoming).toEqual([]);
  });
});
