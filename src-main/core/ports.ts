import { SerialPort } from 'serialport';
import type { PortInfo } from '../../src-shared/api/contract';
import { DEMO_MANUFACTURER, DEMO_PATH } from '../emulator/binding';
import type { UsbIdentity } from '../services/modem/session-options';

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

/**
 * The USB interface a port belongs to, from its plug-and-play id: Linux names it in
 * /dev/serial/by-id (`usb-Quectel_EC25-EUX_…-if02-port0`), Windows in the device instance
 * (`USB\VID_2C7C&PID_0125&MI_02\…`). Undefined where the id does not say (macOS).
 */
export function usbInterfaceOf(pnpId: string | undefined): string | undefined {
  const match = /-if([0-9a-f]{2})-port\d+$/i.exec(pnpId ?? '') ?? /[&\\]MI_([0-9a-f]{2})/i.exec(pnpId ?? '');
  return match?.[1]?.toLowerCase();
}

type ListedPort = Awaited<ReturnType<typeof SerialPort.list>>[number];

/** The USB identity of the port at `path`, to find it again after an unplug; null for a port that is not USB. */
export async function usbIdentityOf(path: string, list: () => Promise<ListedPort[]> = () => SerialPort.list()): Promise<UsbIdentity | null> {
  const port = (await list().catch(() => [])).find((p) => p.path === path);
  if (!port?.vendorId) return null;
  const usbInterface = usbInterfaceOf(port.pnpId);
  return {
    vendorId: port.vendorId,
    ...(port.productId ? { productId: port.productId } : {}),
    ...(port.serialNumber ? { serialNumber: port.serialNumber } : {}),
    ...(usbInterface ? { usbInterface } : {}),
  };
}

/**
 * After an unplug the OS may give the modem a new path: find it again by its USB identity, its interface
 * included. Before, the first port of the device was taken, which on a Quectel EC25 or a SIM7600 is the
 * QCDM diagnostic port (interface 00): it answers no AT, so the modem never came back and every message
 * waited on it unread (the same mistake as yibaiba/hideck PR #21's, which picked an EC25's DM port).
 */
export async function findPortByUsb(usb: UsbIdentity, list: () => Promise<ListedPort[]> = () => SerialPort.list()): Promise<string | null> {
  const ports = await list().catch(() => []);
  const match = ports.find(
    (p) =>
      p.vendorId === usb.vendorId &&
      p.productId === usb.productId &&
      (usb.serialNumber === undefined || p.serialNumber === usb.serialNumber) &&
      (usb.usbInterface === undefined || usbInterfaceOf(p.pnpId) === usb.usbInterface),
  );
  return match?.path ?? null;
}
