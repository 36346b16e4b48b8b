import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src-main/emulator/profiles';
import { gammu, GAMMU_MS } from './gammu-kit';
import { until } from './pty-rig';
import { startPtyEmulator } from '../../src-main/emulator/pty';

/**
 * gammu, a client no one here wrote, against every device profile: if it identifies each one, the
 * profiles speak AT as it expects of those devices (it sends AT^CURC/AT^PORTSEL to a Huawei E173 and
 * AT+ZCDRUN/AT+ZOPRT to a ZTE MF190 because it recognises the model). And the SIMCom SIM7600 profile
 * reproduces what gammu issue #1176 reports of the real SIM7670G: gammu up to 1.44.0, without PR #1177,
 * never sees the bare ">" prompt and times out.
 */

const TIMING = { latencyMs: 2, sendDelayMs: 50, replyDelayMs: 100, partGapMs: 50, registerDelayMs: 0 };

async function withGammu<T>(profile: string, work: (rc: string, pty: Awaited<ReturnType<typeof startPtyEmulator>>) => Promise<T>): Promise<T> {
  const pty = await startPtyEmulator({ emulatorOptions: { ...TIMING, profile } });
  const dir = mkdtempSync(join(tmpdir(), 'hall10086-gammu-profile-'));
  const rc = join(dir, 'gammurc');
  writeFileSync(rc, `[gammu]\ndevice = ${pty.path}\nconnection = at\n`);
  // A device plugged in a while ago: its SMS service is up (gammu does not wait for SMS DONE itself).
  await until(() => pty.emulator.smsServiceReady, `${profile}'s SMS service up`);
  try {
    return await work(rc, pty);
  } finally {
    await pty.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const version = spawnSync('gammu', ['version'], { encoding: 'utf8' });
const installed = /Gammu version (\d+)\.(\d+)\.(\d+)/.exec(`${version.stdout}${version.stderr}`);

describe.skipIf(!installed)('gammu against every device profile', () => {
  // Each profile has its own pty and gammu process, all side by side: gammu mostly waits on its own timeouts.
  it('identifies every profile, manufacturer, firmware and IMEI as the profile gives them', async () => {
    const runs = await Promise.all(PROFILES.map((profile) => withGammu(profile.name, (rc) => gammu(rc, ['identify'])).then((run) => ({ profile, run }))));
    for (const { profile, run } of runs) {
      expect(run.code, `${profile.name}: ${run.output}`).toBe(0);
      // gammu prints the manufacturer in its own spelling (ZTE for "ZTE CORPORATION", U-blox…): its first word, without case.
      const vendor = profile.identity.manufacturer.split(/[\s_,]/)[0]!.toLowerCase();
      expect(run.output.toLowerCase(), profile.name).toMatch(new RegExp(`manufacturer +: ${vendor.replace(/-/g, '\\-')}`));
      expect(run.output, profile.name).toContain(`Firmware             : ${profile.identity.revision}`);
      expect(run.output, profile.name).toContain(`IMEI                 : ${profile.identity.imei}`);
    }
  }, GAMMU_MS);

  it('gammu without PR #1177 cannot send through the SIM7600 prompt, as issue #1176 reports of the real module', async () => {
    const [, major, minor, patch] = installed!.map(Number);
    const beforeFix = major! * 10_000 + minor! * 100 + patch! <= 14400;
    await withGammu('simcom-sim7600', async (rc, pty) => {
      const run = await gammu(rc, ['sendsms', 'TEXT', '10086', '-text', 'YE']);
      if (beforeFix) {
        expect(run.code).not.toBe(0);
        expect(run.output).toMatch(/No response in specified timeout/);
        expect(pty.emulator.sent).toEqual([]);
      } else {
        expect(run.code, run.output).toBe(0);
        expect(pty.emulator.sent.map((m) => m.part.text)).toEqual(['YE']);
      }
    });
  }, GAMMU_MS);
});
