import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainCms } from '../../../src-shared/at/cms-errors';
import type { Urc } from '../../../src-shared/at/urc';
import { AtEngine, AtError, type ByteLink } from '../../../src-main/services/modem/at-engine';
import { PDU } from './pdus';
import { outcome, type Outcome } from './replay';
import { ScriptedLink } from './scripted-link';
import { parseTranscript } from './transcript';

function scripted(transcript: string) {
  const link = new ScriptedLink(parseTranscript(transcript));
  return { link, finished: link.start() };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('secrets', () => {
  it('never lets a PIN reach the log, the response or an error', async () => {
    const { link, finished } = scripted(
      [
        '>> AT+CPIN="1234"\\r',
        '<< AT+CPIN="1234"\\r\\r\\n+CME ERROR: 16\\r\\n',
        '>> AT+CPIN="12345678","4321"\\r',
        '<< AT+CPIN="12345678","4321"\\r\\r\\nOK\\r\\n',
      ].join('\n'),
    );
    const log: [string, string][] = [];
    const engine = new AtEngine(link, { log: (dir, text) => log.push([dir, text]) });
    const wrong = await engine.run('AT+CPIN="1234"').catch((e: unknown) => e);
    const right = await engine.run('AT+CPIN="12345678","4321"');
    await finished;

    expect(wrong).toBeInstanceOf(AtError);
    expect((wrong as AtError).details).toEqual({ command: 'AT+CPIN="****"', cme: 16 });
    expect((wrong as AtError).message).not.toContain('1234');
    expect(right.command).toBe('AT+CPIN="****","****"');
    expect(log).toEqual([
      ['tx', 'AT+CPIN="****"'],
      ['rx', 'AT+CPIN="****"'],
      ['rx', '+CME ERROR: 16'],
      ['tx', 'AT+CPIN="****","****"'],
      ['rx', 'AT+CPIN="****","****"'],
      ['rx', 'OK'],
    ]);
  });

  it('logs the size of a message body, not its content (it may carry a service password)', async () => {
    const { link, finished } = scripted(
      `>> AT+CMGS=13\\r\n<< AT+CMGS=13\\r\\r\\n>\\x20\n>> ${PDU.submitYe}\\x1a\n<< ${PDU.submitYe}\\r\\n+CMGS: 3\\r\\n\\r\\nOK\\r\\n\n`,
    );
    const log: [string, string][] = [];
    const engine = new AtEngine(link, { log: (dir, text) => log.push([dir, text]) });
    await engine.run('AT+CMGS=13', { payload: PDU.submitYe });
    await finished;
    expect(log).toEqual([
      ['tx', 'AT+CMGS=13'],
      ['rx', 'AT+CMGS=13'],
      ['rx', '> '],
      ['tx', '[message body, 28 characters] <Ctrl-Z>'],
      ['rx', '[echo of message body]'],
      ['rx', '+CMGS: 3'],
      ['rx', 'OK'],
    ]);
  });
});

describe('errors a user reads', () => {
  it('words +CMS ERROR: 330 from the table, in both languages, with its action', async () => {
    const { link, finished } = scripted('>> AT+CMGS=13\\r\n<< \\r\\n+CMS ERROR: 330\\r\\n\n');
    const error = await new AtEngine(link).run('AT+CMGS=13', { payload: PDU.submitYe }).catch((e: unknown) => e);
    await finished;
    expect(error).toBeInstanceOf(AtError);
    expect((error as AtError).toJSON()).toEqual({
      code: 'at.cms',
      zh: '不知道短信中心号码（SMSC）。（+CMS ERROR: 330）',
      en: 'The SMS centre (SMSC) number is unknown. (+CMS ERROR: 330)',
      action: explainCms(330).action,
      // Answered before the prompt: the body never went (mend53).
      details: { command: 'AT+CMGS=13', cms: 330, bodySent: false },
    });
  });

  it('says the body went in every error answered after it, with the lines before the error (mend65)', async () => {
    const details: unknown[] = [];
    for (const answer of ['ERROR', '+CME ERROR: 100', '+CME ERROR: radio link lost', '+CMS ERROR: radio link lost', '+CMGS: 12\\r\\n\\r\\nERROR']) {
      const { link, finished } = scripted(`>> AT+CMGS=13\\r\n<< \\r\\n>\\x20\n>> ${PDU.submitYe}\\x1a\n<< \\r\\n${answer}\\r\\n\n`);
      const error = await new AtEngine(link).run('AT+CMGS=13', { payload: PDU.submitYe }).catch((e: unknown) => e);
      await finished;
      expect(error).toBeInstanceOf(AtError);
      details.push((error as AtError).details);
    }
    expect(details).toEqual([
      { command: 'AT+CMGS=13', bodySent: true },
      { command: 'AT+CMGS=13', cme: 100, bodySent: true },
      { command: 'AT+CMGS=13', verbose: 'radio link lost', bodySent: true },
      { command: 'AT+CMGS=13', verbose: 'radio link lost', bodySent: true },
      { command: 'AT+CMGS=13', bodySent: true, lines: ['+CMGS: 12'] },
    ]);
  });

  it('names the command and the wait in a timeout', () => {
    vi.useFakeTimers();
    const { link } = scripted('>> AT+CSQ\\r\n');
    const result = new AtEngine(link, { defaultTimeoutMs: 2_500 }).run('AT+CSQ').catch((e: unknown) => e);
    vi.advanceTimersByTime(2_500);
    vi.useRealTimers();
    return result.then((error) => {
      expect((error as AtError).en).toBe('The modem did not answer AT+CSQ within 2.5 s.');
      expect((error as AtError).zh).toBe('调制解调器在 2.5 秒内没有回应 AT+CSQ。');
    });
  });
});

describe('closing', () => {
  it('close() rejects the command in flight and the queued ones, and later runs at once', async () => {
    const { link } = scripted('>> AT+CMGL=4\\r\n');
    const engine = new AtEngine(link);
    const first = outcome(engine.run('AT+CMGL=4'));
    const second = outcome(engine.run('AT+CMGD=1'));
    engine.close();
    engine.close();
    const closed = (command: string): Outcome => ({ error: 'at.closed', details: { command } });
    expect(await first).toEqual(closed('AT+CMGL=4'));
    expect(await second).toEqual(closed('AT+CMGD=1'));
    expect(await outcome(engine.run('AT'))).toEqual(closed('AT'));
  });

  it('stops listening to the link once closed', async () => {
    const { link, finished } = scripted('>> AT\\r\n<< \\r\\n+CMTI: "SM",1\\r\\n\n');
    const engine = new AtEngine(link);
    const urcs: Urc[] = [];
    engine.onUrc((u) => urcs.push(u));
    const run = outcome(engine.run('AT'));
    engine.close();
    await finished;
    expect(await run).toEqual({ error: 'at.closed', details: { command: 'AT' } });
    expect(urcs).toEqual([]);
  });

  it('treats a port that throws on write as closed', async () => {
    const link: ByteLink = {
      write: () => {
        throw new Error('port not open');
      },
      onData: () => () => {},
      onClose: () => () => {},
    };
    const engine = new AtEngine(link);
    const first = engine.run('AT').catch((e: unknown) => e);
    const second = outcome(engine.run('AT+CSQ'));
    const error = (await first) as AtError;
    expect(error.code).toBe('at.closed');
    expect((error.cause as Error).message).toBe('port not open');
    expect(await second).toEqual({ error: 'at.closed', details: { command: 'AT+CSQ' } });
  });

  it('delivers a +CMT header whose PDU never came when the link closes', async () => {
    const { link, finished } = scripted('<< \\r\\n+CMT: ,36\\r\\n\n!! close\n');
    const urcs: Urc[] = [];
    new AtEngine(link).onUrc((u) => urcs.push(u));
    await finished;
    expect(urcs).toEqual([{ kind: 'cmt', length: 36 }]);
  });
});

describe('a direct delivery raced by a vendor line', () => {
  const PDU = '0891683108100005F0040D91683119325476F80008622150900351000A6536523030028C228C22';

  it('keeps waiting for the PDU past a ^RSSI between the +CMT header and it (Huawei: ^RSSI at any time)', async () => {
    const { link, finished } = scripted(`<< \\r\\n+CMT: ,24\\r\\n^RSSI:17\\r\\n${PDU}\\r\\n\n`);
    const urcs: Urc[] = [];
    new AtEngine(link).onUrc((u) => urcs.push(u));
    await finished;
    expect(urcs).toEqual([
      { kind: 'vendor', name: '^RSSI', text: '^RSSI:17' },
      { kind: 'cmt', length: 24, pduLine: PDU },
    ]);
  });

  it("does not take the command in flight's own line for a raced one", async () => {
    const { link, finished } = scripted(`>> AT+CSQ\\r\n<< \\r\\n+CDS: 24\\r\\n+CSQ: 21,99\\r\\n\\r\\nOK\\r\\n\n`);
    const engine = new AtEngine(link);
    const urcs: Urc[] = [];
    engine.onUrc((u) => urcs.push(u));
    const run = outcome(engine.run('AT+CSQ'));
    await finished;
    expect(await run).toEqual({ lines: ['+CSQ: 21,99'], final: { kind: 'ok' } });
    expect(urcs).toEqual([{ kind: 'cds', length: 24 }]);
  });
});

describe('routing', () => {
  it('never gives a command bytes that arrived in the same chunk before it was sent', async () => {
    const { link, finished } = scripted(
      '>> AT\\r\n<< \\r\\nOK\\r\\n\\r\\nOK\\r\\n\n>> AT+CSQ\\r\n<< \\r\\n+CSQ: 21,99\\r\\n\\r\\nOK\\r\\n\n',
    );
    const engine = new AtEngine(link);
    const results = await Promise.all([outcome(engine.run('AT')), outcome(engine.run('AT+CSQ'))]);
    await finished;
    expect(results).toEqual([
      { lines: [], final: { kind: 'ok' } },
      { lines: ['+CSQ: 21,99'], final: { kind: 'ok' } },
    ]);
  });

  it('passes stray lines outside any command on as unknown URCs', async () => {
    const { link, finished } = scripted('<< \\r\\nhello\\r\\n+CMGS: 4\\r\\nOK\\r\\n\n');
    const urcs: Urc[] = [];
    new AtEngine(link).onUrc((u) => urcs.push(u));
    await finished;
    expect(urcs).toEqual([
      { kind: 'unknown', text: 'hello' },
      { kind: 'unknown', text: '+CMGS: 4' },
    ]);
  });

  it('ends a dial command on NO CARRIER', async () => {
    const { link, finished } = scripted('>> ATD10086;\\r\n<< \\r\\nNO CARRIER\\r\\n\n');
    expect(await outcome(new AtEngine(link).run('ATD10086;'))).toEqual({ error: 'at.error', details: { command: 'ATD10086;' } });
    await finished;
  });

  it('keeps lines with an extra expected prefix in the response', async () => {
    const { link, finished } = scripted('>> AT+CSQ\\r\n<< \\r\\n^RSSI:18\\r\\n+CSQ: 18,99\\r\\nOK\\r\\n\n');
    const engine = new AtEngine(link);
    const urcs: Urc[] = [];
    engine.onUrc((u) => urcs.push(u));
    expect(await outcome(engine.run('AT+CSQ', { expectPrefix: '^rssi:' }))).toEqual({
      lines: ['^RSSI:18', '+CSQ: 18,99'],
      final: { kind: 'ok' },
    });
    await finished;
    expect(urcs).toEqual([]);
  });

  it('keeps parsing and informing other listeners when one listener throws', async () => {
    const deferred: (() => void)[] = [];
    vi.stubGlobal('queueMicrotask', (cb: () => void) => deferred.push(cb));
    const { link, finished } = scripted('<< \\r\\nRING\\r\\n+CMTI: "SM",5\\r\\n\n');
    const engine = new AtEngine(link);
    const seen: Urc[] = [];
    engine.onUrc(() => {
      throw new Error('listener bug');
    });
    const stop = engine.onUrc((u) => seen.push(u));
    await finished;
    stop();
    expect(seen).toEqual([{ kind: 'ring' }, { kind: 'cmti', storage: 'SM', index: 5 }]);
    expect(deferred).toHaveLength(2);
    expect(deferred[0]).toThrow('listener bug');
  });
});
