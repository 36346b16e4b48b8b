import { describe, expect, it } from 'vitest';
import { findPortByUsb, usbInterfaceOf } from '../../../src-main/core/ports';

/**
 * One modem, several serial ports of one USB identity: the interface tells the AT port apart. Linux names
 * it in /dev/serial/by-id (`…-if02-port0`, the form udev gives every USB serial port); Windows in the
 * device instance id of a composite device's interface (`USB\VID_v&PID_d&MI_nn`, Microsoft's
 * "Standard USB Identifiers"). Quectel EC25 interfaces: QCDM 00, GPS 01, AT 02, AT 03 (ModemManager
 * src/plugins/quectel/77-mm-quectel-port-types.rules).
 */
describe('the USB interface of a serial port', () => {
  it('is read from a Linux by-id name or a Windows instance id, and absent where the id does not say', () => {
    expect(usbInterfaceOf('usb-Quectel_EC25-if02-port0')).toBe('02');
    expect(usbInterfaceOf('usb-HUAWEI_Technology_HUAWEI_Mobile-if00-port0')).toBe('00');
    expect(usbInterfaceOf('USB\\VID_2C7C&PID_0125&MI_02\\B&1&0002')).toBe('02');
    expect(usbInterfaceOf('USB\\VID_2C7C&PID_0125\\6&123&0&2')).toBeUndefined();
    expect(usbInterfaceOf(undefined)).toBeUndefined();
  });

  it('picks the port of the same interface; without one known, the first port of the device as before', async () => {
    const port = (path: string, i: string) => ({ path, vendorId: '2c7c', productId: '0125', pnpId: `usb-Quectel_EC25-if${i}-port0`, manufacturer: undefined, serialNumber: undefined, locationId: undefined });
    const list = async () => [port('/dev/ttyUSB4', '00'), port('/dev/ttyUSB5', '01'), port('/dev/ttyUSB6', '02'), port('/dev/ttyUSB7', '03')];
    expect(await findPortByUsb({ vendorId: '2c7c', productId: '0125', usbInterface: '02' }, list)).toBe('/dev/ttyUSB6');
    expect(await findPortByUsb({ vendorId: '2c7c', productId: '0125' }, list)).toBe('/dev/ttyUSB4');
    expect(await findPortByUsb({ vendorId: '2c7c', productId: '0125', usbInterface: '05' }, list)).toBeNull();
  });
});
