import { SerialPort } from 'serialport';
import type { PortInfo } from '../../src-shared/api/contract';
import { DEMO_MANUFACTURER, DEMO_PATH } from '../emulator/binding';

/** USB vendors whose serial ports are (almost always) GSM/LTE modems. */
const MODEM_VENDORS = new Set(['12d1', '2c7c', '1e0e', '19d2', '05c6', '1199', '2cb7', '1bc7', '1e2d', '0421', '1410', '0af0', '2001', '1c9e']);

export function looksLikeModem(p: { path: string; vendorId?: string | undefined; manufacturer?: string | undefined }): boolean {
  if (p.vendorId && MODEM_VENDORS.has(p.vendorId.toLowerCase())) return true;
  return /ttyUSB|ttyACM|cu\.(usbmodem|wwan|HUAWEI)/i.test(p.path) || /modem|huawei|quectel|simcom|zte/i.test(p.manufacturer ?? '');
}

/** The machine's serial ports (serialport's native binding), with the demo modem listed last. */
export async function listPorts(): Promise<PortInfo[]> {
  const found = await SerialPort.list().catch(() => []);
  const ports: PortInfo[] = found.map((p) => ({
    path: p.path,
    ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
    ...(p.vendorId ? { vendorId: p.vendorId } : {}),
    ...(p.productId ? { productId: p.productId } : {}),
    ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
    likelyModem: looksLikeModem(p),
    demo: false,
  }));
  ports.push({ path: DEMO_PATH, manufacturer: DEMO_MANUFACTURER, likelyModem: true, demo: true });
  return ports;
}

/** After an unplug the OS may give the modem a new path: find it again by its USB identity. */
export async function findPortByUsb(usb: { vendorId?: string; productId?: string; serialNumber?: string }): Promise<string | null> {
  const ports = await SerialPort.list().catch(() => []);
  const match = ports.find(
    (p) =>
      p.vendorId === usb.vendorId &&
      p.productId === usb.productId &&
      (usb.serialNumber === undefined || p.serialNumber === usb.serialNumber),
  );
  return match?.path ?? null;
}
