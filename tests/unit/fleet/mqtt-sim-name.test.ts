import { describe, expect, it } from 'vitest';
import { discoveryPublications } from '../../../src-shared/fleet/mqtt-topics';

const deviceName = (simId: string) =>
  new Set(discoveryPublications({ baseTopic: 'hall10086', hostId: 'desk' }, 'homeassistant', simId, undefined).map((p) => JSON.parse(p.payload).device.name));

describe('a SIM with no label, named in Home Assistant discovery', () => {
  // The device name was its own copy of the label code (review39): an F-padded ICCID gave `…45390F`, an unidentified
  // insertion the port's end. It is the name every view of the app gives.
  it.each([
    ['8901260487759545390F', 'SIM …545390'],
    ['89860012345678901234', 'SIM …901234'],
    ['unidentified:3f9a0c1e@/dev/ttyUSB2', 'SIM ? #3f9a0c1e'],
  ])('%s is %s', (simId, name) => {
    expect(deviceName(simId)).toEqual(new Set([name]));
  });
});
