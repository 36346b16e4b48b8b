import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceProfile } from '../../src-main/emulator/profiles';
import { FAST, sessionKit, type Kit } from './session-kit';

/** Bring-up that checks instead of assuming, and status reports wherever they are, on the in-process emulator. */

let kit: Kit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const device = (quirks: DeviceProfile['quirks']): DeviceProfile => ({
  name: 'test-device',
  family: 'Test',
  models: 'quirk under test',
  identity: { manufacturer: 'Test', model: 'T1', revision: '1', imei: '867530010086005' },
  behaviours: [],
  quirks,
});

describe('bring-up', () => {
  it('switches on a radio that starts off (+CFUN: 4) and then registers', async () => {
    kit = await sessionKit({ ...FAST, profile: device({ radioAtBoot: 4 }) });
    await kit.session.open();
    await kit.waitFor(() => kit!.session.snapshot().registration === 'home', 'registration');
    expect(kit.session.snapshot().traps).toEqual([]);
    expect(kit.seen.notice.map((n) => n.en).join('\n')).toMatch(/radio is off \(CFUN=4\); switching it on/);
  });

  it('retries the SMS centre while the SIM is busy (+CME ERROR: 14) instead of calling it missing', async () => {
    kit = await sessionKit();
    kit.binding.emulator.fault({ kind: 'command-error', command: 'AT+CSCA', cme: 14, times: 2 });
    await kit.session.open();
    expect(kit.session.snapshot()).toMatchObject({ smsc: '+8613800100500', traps: [] });
  });

  it('decodes an SMS centre the modem answers in UCS2 hex', async () => {
    kit = await sessionKit({ ...FAST, profile: device({ cscs: 'UCS2' }) });
    await kit.session.open();
    expect(kit.session.snapshot().smsc).toBe('+8613800100500');
  });

  it('skips a SIM store with no room (eSIM modules: 0,0) and receives into phone memory', async () => {
    kit = await sessionKit({ ...FAST, capacity: { SM: 0 } });
    await kit.session.open();
    expect(kit.session.snapshot().storage).toEqual({ used: 0, total: 100 });
    await kit.session.send('10086', 'YE', 'YE');
    await kit.waitFor(() => kit!.replies().find((m) => m.complete), 'the reply');
    await kit.waitFor(() => kit!.binding.emulator.messages('ME').length === 0 && kit!.binding.emulator.deletions.length > 0, 'ME read out');
    expect(kit.binding.emulator.deletions.every((d) => d.mem === 'ME')).toBe(true);
  });

  it('counts an LTE-only registration (+CEREG) as registered; +CREG alone would say none', async () => {
    kit = await sessionKit({ ...FAST, profile: device({ csRegistration: false }) });
    await kit.session.open();
    expect(kit.session.snapshot()).toMatchObject({ registration: 'home', traps: [] });
  });

  it('takes +CPIN: SIM PIN2 as a SIM ready for SMS (only the fixed-dialling book is locked)', async () => {
    kit = await sessionKit({ ...FAST, sim: { extraLock: 'SIM PIN2' } });
    await kit.session.open();
    expect(kit.session.snapshot()).toMatchObject({ state: 'ready', sim: 'ready', traps: [] });
  });

  it('tells a device lock (+CPIN: PH-SIM PIN) from a missing SIM or its PIN, with what to do', async () => {
    kit = await sessionKit({ ...FAST, sim: { extraLock: 'PH-SIM PIN' } });
    await kit.session.open();
    const s = kit.session.snapshot();
    expect(s.traps.map((t) => t.code)).toEqual(['sim-lock']);
    expect(s.traps[0]!.action.en).toMatch(/unlock code/);
    expect(s.state).not.toBe('ready');
  });

  it('waits for the SMS service after boot (ERROR until SMS Ready) instead of failing', async () => {
    kit = await sessionKit({ ...FAST, profile: device({ smsReadyAfterMs: 300, smsReadyUrc: 'SMS Ready' }) });
    await kit.session.open();
    expect(kit.session.snapshot()).toMatchObject({ state: 'ready', traps: [] });
    // The wait is shown while it lasts, in both languages.
    const progress = kit.seen.notice.find((n) => /SMS service is not ready yet/.test(n.en));
    expect(progress).toMatchObject({ level: 'info', zh: expect.stringContaining('短信功能还没就绪') });
  });
});

describe('status reports', () => {
  it('a report announced in a slot that reads +CMS ERROR: 321 is found by listing the memory', async () => {
    kit = await sessionKit();
    await kit.session.open();
    kit.binding.emulator.fault({ kind: 'command-error', command: 'AT+CMGR', cms: 321, times: 1 });
    const id = await kit.session.send('13800138000', '你好', '你好');
    await kit.waitFor(() => kit!.seen.outgoing.some((o) => o.id === id && o.state === 'delivered'), 'delivered');
    expect(kit.binding.emulator.sim.messages).toEqual([]);
  });

  it('Quectel EC25: a report kept in SR but announced as +CDSI: "SM",n is matched and SR is emptied', async () => {
    kit = await sessionKit({ ...FAST, profile: 'quectel-ec25' });
    await kit.session.open();
    const id = await kit.session.send('13800138000', '你好', '你好');
    await kit.waitFor(() => kit!.seen.outgoing.some((o) => o.id === id && o.state === 'delivered'), 'delivered');
    expect(kit.binding.emulator.messages('SR')).toEqual([]);
    expect(kit.binding.emulator.deletions.map((d) => d.mem)).toContain('SR');
  });
});
