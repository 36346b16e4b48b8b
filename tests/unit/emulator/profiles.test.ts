import { describe, expect, it } from 'vitest';
import { findProfile, GENERIC_QUIRKS, PROFILES, quirksOf } from '../../../src-main/emulator/profiles';
import { VENDOR_COMMANDS } from '../../../src-main/emulator/vendor-commands';

describe('device profiles', () => {
  it('cover the families issue 13 names, each under its own name', () => {
    const names = PROFILES.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(PROFILES.map((p) => p.family))).toEqual(new Set(['Huawei', 'ZTE', 'SIMCom', 'Quectel', 'Cinterion', 'Sierra Wireless', 'Telit', 'u-blox']));
  });

  it.each(PROFILES.map((p) => ({ name: p.name, profile: p })))('$name: every behaviour names a public source; quirks are known ones', ({ profile }) => {
    expect(profile.behaviours.length).toBeGreaterThan(0);
    for (const b of profile.behaviours) {
      expect(b.what.length).toBeGreaterThan(10);
      expect(b.source).toMatch(/gammu|ModemManager|oFono|issue|PR #|tests\/fixtures/);
    }
    for (const key of Object.keys(profile.quirks)) expect(Object.keys(GENERIC_QUIRKS)).toContain(key);
    const q = quirksOf(profile);
    for (const command of q.vendorCommands) expect(VENDOR_COMMANDS).toHaveProperty([command]);
    // What a profile starts with must be among what it offers.
    q.cpmsDefault.forEach((mem, i) => expect(q.cpmsOffered[i]).toContain(mem));
    expect(q.capacity.SM + q.capacity.ME).toBeGreaterThan(0);
    if (q.reportStore === 'SR') expect(q.capacity.SR).toBeGreaterThan(0);
  });

  it('finds a profile by name, and names the known ones for an unknown one', () => {
    expect(findProfile('SIMCOM-SIM7600').family).toBe('SIMCom');
    expect(() => findProfile('nokia-3310')).toThrow(/No device profile named "nokia-3310". Available: huawei-e173/);
  });
});
