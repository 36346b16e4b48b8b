import { describe, expect, it } from 'vitest';
import { harness } from './harness';

const setup = 'ATE0;+CMEE=1\r';

describe('SIM PIN and PUK', () => {
  it('asks for the PIN, refuses SIM and SMS work until it is given, then registers', () => {
    const h = harness({ sim: { pin: '1234' }, registerDelayMs: 500 });
    h.at(setup + 'AT+CREG=1\r');
    expect(h.at('AT+CPIN?\r')).toBe('\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n');
    expect(h.at('AT+CREG?\r')).toBe('\r\n+CREG: 1,0\r\n\r\nOK\r\n');
    expect(h.at('AT+CIMI\r')).toBe('\r\n+CME ERROR: 11\r\n');
    expect(h.at('AT+CMGL=4\r')).toBe('\r\n+CMS ERROR: 311\r\n');
    expect(h.at('AT+CPIN="1234"\r')).toBe('\r\nOK\r\n\r\n+CREG: 2\r\n');
    expect(h.drain(500)).toBe('\r\n+CREG: 1\r\n');
    expect(h.at('AT+CPIN?\r')).toBe('\r\n+CPIN: READY\r\n\r\nOK\r\n');
    expect(h.at('AT+CPIN="1234"\r')).toBe('\r\n+CME ERROR: 3\r\n');
  });

  it('three wrong PINs block it; the PUK sets a new PIN', () => {
    const h = harness({ sim: { pin: '1234' } });
    h.at(setup);
    for (const left of [2, 1, 0]) {
      expect(h.at('AT+CPIN="0000"\r')).toBe('\r\n+CME ERROR: 16\r\n');
      expect(h.emu.sim.pinTriesLeft).toBe(left);
    }
    expect(h.at('AT+CPIN?\r')).toBe('\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n');
    expect(h.at('AT+CIMI\r')).toBe('\r\n+CME ERROR: 12\r\n');
    expect(h.at('AT+CMGF=0;+CMGR=0\r')).toBe('\r\n+CMS ERROR: 316\r\n');
    expect(h.at('AT+CPIN="1234"\r')).toBe('\r\n+CME ERROR: 12\r\n');
    expect(h.at('AT+CPIN="87654321","4321"\r')).toBe('\r\n+CME ERROR: 16\r\n');
    expect(h.at('AT+CPINR\r')).toBe('\r\n+CPINR: SIM PIN,0,3\r\n+CPINR: SIM PUK,9,10\r\n\r\nOK\r\n');
    expect(h.at('AT^CPIN?\r')).toBe('\r\n^CPIN: SIM PUK,9,9,0,10,3\r\n\r\nOK\r\n');
    expect(h.at('AT+CPIN="12345678","4321"\r')).toBe('\r\nOK\r\n');
    expect(h.emu.sim.state).toBe('READY');
    h.emu.unplug();
    h.emu.replug();
    h.at(setup);
    expect(h.at('AT+CPIN="4321"\r')).toBe('\r\nOK\r\n');
  });

  it('holds incoming SMS in the network while the SIM is locked', () => {
    const h = harness({ sim: { pin: '1234' } });
    h.at(setup + 'AT+CNMI=2,1,0,0,0\r');
    h.emu.deliver('13800138000', 'hello');
    expect(h.emu.waitingInNetwork).toBe(1);
    expect(h.at('AT+CPIN="1234"\r')).toBe('\r\nOK\r\n\r\n+CMTI: "SM",0\r\n');
    expect(h.emu.waitingInNetwork).toBe(0);
  });

  it('faults lock the SIM again or remove it', () => {
    const h = harness();
    h.at(setup);
    h.emu.fault({ kind: 'sim-locked', state: 'SIM PIN' });
    expect(h.at('AT+CPIN?\r')).toBe('\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n');
    expect(h.at('AT+CPIN="1234"\r')).toBe('\r\nOK\r\n');
    h.emu.fault({ kind: 'sim-removed' });
    expect(h.at('AT+CPIN?\r')).toBe('\r\n+CME ERROR: 10\r\n');
    expect(h.at('AT+CPMS?\r')).toBe('\r\n+CMS ERROR: 310\r\n');
  });

  it('a SIM still starting answers +CME ERROR: 14 for a while, then says +CPIN: READY', () => {
    const h = harness();
    h.at(setup);
    h.emu.fault({ kind: 'sim-busy', durationMs: 1000 });
    expect(h.at('AT+CPIN?\r')).toBe('\r\n+CME ERROR: 14\r\n');
    expect(h.at('AT+CIMI\r')).toBe('\r\n+CME ERROR: 14\r\n');
    expect(h.drain(1000)).toBe('\r\n+CPIN: READY\r\n');
    expect(h.at('AT+CPIN?\r')).toBe('\r\n+CPIN: READY\r\n\r\nOK\r\n');
    // Given again, it ends at the new time: here at once, and the first end is not said again later.
    h.emu.fault({ kind: 'sim-busy', durationMs: 60_000 });
    expect(h.at('AT+CPIN?\r')).toBe('\r\n+CME ERROR: 14\r\n');
    h.emu.fault({ kind: 'sim-busy', durationMs: 0 });
    expect(h.drain(60_000)).toBe('\r\n+CPIN: READY\r\n');
    expect(h.at('AT+CPIN?\r')).toBe('\r\n+CPIN: READY\r\n\r\nOK\r\n');
  });
});
