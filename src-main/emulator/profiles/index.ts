import { HallError } from '../../../src-shared/errors';
import { CINTERION_EHS5 } from './cinterion';
import { HUAWEI_E173 } from './huawei';
import { QUECTEL_EC25 } from './quectel';
import { SIERRA_MC7304 } from './sierra';
import { SIMCOM_SIM7600, SIMCOM_SIM800 } from './simcom';
import { TELIT_LE910 } from './telit';
import { UBLOX_SARA } from './ublox';
import { GENERIC_QUIRKS, type DeviceProfile, type Quirks } from './types';
import { ZTE_MF190 } from './zte';

export type { Behaviour, DeviceProfile, Quirks } from './types';
export { GENERIC_QUIRKS } from './types';

/** Every device profile, one per model line; `--profile NAME` picks one. */
export const PROFILES: readonly DeviceProfile[] = [
  HUAWEI_E173,
  ZTE_MF190,
  SIMCOM_SIM800,
  SIMCOM_SIM7600,
  QUECTEL_EC25,
  CINTERION_EHS5,
  SIERRA_MC7304,
  TELIT_LE910,
  UBLOX_SARA,
];

export function findProfile(name: string): DeviceProfile {
  const found = PROFILES.find((p) => p.name === name.toLowerCase());
  if (found) return found;
  const names = PROFILES.map((p) => p.name).join(', ');
  throw new HallError(
    'emulator.unknown-profile',
    { zh: `没有名为“${name}”的设备配置。可用的有：${names}`, en: `No device profile named "${name}". Available: ${names}` },
    { details: { name } },
  );
}

export function quirksOf(profile: DeviceProfile | undefined): Quirks {
  return { ...GENERIC_QUIRKS, ...profile?.quirks };
}
