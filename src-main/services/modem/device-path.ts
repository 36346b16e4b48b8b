import { realpath } from 'node:fs/promises';

/**
 * The device a port path leads to once every link is followed: /dev/serial/by-id/usb-…-if02-port0 and
 * /dev/ttyUSB2 are one modem, as are two links to one pseudo-terminal. Null when the path leads nowhere
 * now (a modem not plugged in), which tells nothing about which device it was.
 */
export async function devicePath(path: string): Promise<string | null> {
  return realpath(path).catch(() => null);
}
