import { describe, expect, it } from 'vitest';
import { iccidFromCrsm, iccidOf, imsiOf, insertedIn, insertionTag, isUnidentifiedSim, simIdentity } from '../../src-shared/at/sim-id';

let n = 0;
const fresh = () => `${(++n).toString(16).padStart(8, '0')}-rest-of-a-uuid`;

describe('which SIM a connection is', () => {
  it('is the ICCID, else the IMSI, whatever the port', () => {
    expect(simIdentity({ iccid: '89860012345678900041', imsi: '460001234567004', path: '/dev/ttyUSB2' }, fresh)).toEqual({ simId: '89860012345678900041', identified: true });
    expect(simIdentity({ imsi: '460001234567004', path: '/dev/ttyUSB2' }, fresh)).toEqual({ simId: '460001234567004', identified: true });
    expect(simIdentity({ iccid: '', imsi: '460001234567004', path: '/dev/ttyUSB2' }, fresh).simId).toBe('460001234567004');
  });

  it('without either, is never the port path, and never the same for two insertions in one port', () => {
    const a = simIdentity({ path: '/dev/ttyUSB2' }, fresh);
    const b = simIdentity({ iccid: undefined, imsi: undefined, path: '/dev/ttyUSB2' }, fresh);
    expect(a.identified).toBe(false);
    expect(a.simId).not.toBe('/dev/ttyUSB2');
    expect(a.simId).toContain('/dev/ttyUSB2');
    expect(b.simId).not.toBe(a.simId);
    expect(isUnidentifiedSim(a.simId)).toBe(true);
    expect(isUnidentifiedSim('89860012345678900041')).toBe(false);
    expect(insertionTag(a.simId)).not.toBe(insertionTag(b.simId));
    expect(insertionTag('89860012345678900041')).toBeNull();
  });

  it('keeps what tells two insertions apart within an MQTT topic level (64 characters) on a long port path', () => {
    const path = '/dev/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if00-port0';
    const [a, b] = [simIdentity({ path }, fresh), simIdentity({ path }, fresh)];
    expect(a.simId.slice(0, 64)).not.toBe(b.simId.slice(0, 64));
    // What the API takes as a SIM id (labels, schedules): at most 64 characters.
    expect(a.simId.length).toBeLessThanOrEqual(64);
    expect(insertionTag(a.simId)).toHaveLength(8);
  });
});

describe('the modem an unidentified insertion was made in (insertedIn: what the fleet board forgets it by)', () => {
  it('is the port its id names, cut to 64 characters as the id is; never another short port, one that only begins alike, or an identified SIM', () => {
    const short = simIdentity({ path: '/dev/ttyUSB2' }, fresh).simId;
    expect(insertedIn(short, '/dev/ttyUSB2')).toBe(true);
    expect(insertedIn(short, '/dev/ttyUSB20')).toBe(false);
    expect(insertedIn(short, '/dev/ttyUSB')).toBe(false);
    const path = '/dev/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if00-port0';
    const long = simIdentity({ path }, fresh).simId;
    expect(insertedIn(long, path)).toBe(true);
    // The id keeps the path's first 42 characters only: alone it cannot tell two modems of one make apart (the
    // fleet board asks the modem's id too, which keeps the path's end).
    expect(insertedIn(long, path.replace('port0', 'port1'))).toBe(true);
    expect(insertedIn('89860012345678900041', '/dev/ttyUSB2')).toBe(false);
    expect(insertedIn('460001234567004', '/dev/ttyUSB2')).toBe(false);
  });
});

describe('the ICCID read from EF_ICCID (AT+CRSM=176,12258,0,0,10)', () => {
  it('is the nibble-swapped data turned back, quoted or not, F padding dropped', () => {
    expect(iccidFromCrsm('144,0,"98680021436587090014"')).toBe('89860012345678900041');
    // Unquoted with an F-padded 19-digit ICCID, as some modems answer (values written for this test).
    expect(iccidFromCrsm('144,0,981062200050259429F6')).toBe('8901260200055249926');
  });

  it('is nothing when the card refused the read or the data is no ICCID', () => {
    expect(iccidFromCrsm('106,130,""')).toBeNull();
    expect(iccidFromCrsm('148,4,""')).toBeNull();
    expect(iccidFromCrsm('144,0,"FFFFFFFFFFFFFFFFFFFF"')).toBeNull();
    expect(iccidFromCrsm('144,0')).toBeNull();
  });
});

describe('an ICCID or IMSI as a modem prints it (review25)', () => {
  it('is taken as printed when it has the shape of one', () => {
    expect(iccidOf('89860012345678901234')).toBe('89860012345678901234');
    expect(iccidOf('8901260487759545390F')).toBe('8901260487759545390F'); // 19 digits, F-padded: the id such a card always had
    expect(iccidOf('898600123456789012')).toBe('898600123456789012');
    expect(imsiOf('460001234567890')).toBe('460001234567890');
  });

  it('is nothing for an unread card\'s F bytes or zeros, or for a line that is no id: every card would get it', () => {
    for (const v of ['FFFFFFFFFFFFFFFFFFFF', '00000000000000000000', '*PSNWID: "460","00","CMCC",0,"CMCC",0', 'COMMAND NOT SUPPORT', '8986001234567890123456', '8986 0012 3456 7890 1234', ''])
      expect(iccidOf(v), v).toBeNull();
    for (const v of ['000000000000000', '4600012345678901', '*PSNWID: "460","00"', '20', 'SIM ERROR']) expect(imsiOf(v), v).toBeNull();
  });
});
