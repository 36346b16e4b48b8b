import { readdir, readFile } from 'node:fs/promises';
import type { Trap } from '../../../src-shared/api/contract';

/** The setup traps people fall into with USB modems, each with a fix in plain words. */
const TRAPS: Record<Trap['code'], Omit<Trap, 'code'>> = {
  modemmanager: {
    zh: 'ModemManager 正在使用这个调制解调器，会抢走串口和短信。',
    en: 'ModemManager is using this modem and will grab the port and the messages.',
    action: {
      zh: '停止它（sudo systemctl stop ModemManager），或让它忽略这个设备（udev 规则 ENV{ID_MM_DEVICE_IGNORE}="1"）。',
      en: 'Stop it (sudo systemctl stop ModemManager) or make it ignore this device (udev rule ENV{ID_MM_DEVICE_IGNORE}="1").',
    },
  },
  hilink: {
    zh: '这是 HiLink 模式的上网卡：它像网卡一样工作，没有可以发 AT 命令的串口。',
    en: 'This is a HiLink-mode stick: it works like a network card and has no serial port for AT commands.',
    action: {
      zh: '用 usb_modeswitch 把它切换到“调制解调器/串口”模式（华为常见为 -X 或厂商提供的固件），或换一个串口模式的上网卡。',
      en: 'Switch it to modem/serial mode with usb_modeswitch (often -X for Huawei, or the vendor firmware), or use a serial-mode stick.',
    },
  },
  'no-smsc': {
    zh: 'SIM 卡上没有短信中心号码，短信发不出去（错误 330）。',
    en: 'No SMS centre number is set on the SIM, so messages cannot be sent (error 330).',
    action: {
      zh: '设置短信中心号码：关掉 Hall10086，在终端运行 hall10086 at --port 串口，输入 AT+CSCA="+86138xxxx0500"（号码因省而异，可问 10086）。',
      en: 'Set the SMS centre: close Hall10086, run hall10086 at --port PORT in a terminal and type AT+CSCA="+86138xxxx0500" (it differs by province; ask 10086).',
    },
  },
  pin: {
    zh: 'SIM 卡需要 PIN 码。',
    en: 'The SIM card needs its PIN.',
    action: { zh: '输入 PIN 码。连续输错 3 次会锁卡。', en: 'Enter the PIN. Three wrong tries lock the card.' },
  },
  puk: {
    zh: 'SIM 卡已被锁（需要 PUK 码）。',
    en: 'The SIM card is locked (it needs the PUK).',
    action: {
      zh: '不要猜 PUK：输错 10 次卡会永久失效。凭身份证问 10086 或营业厅要 PUK 码。',
      en: 'Do not guess the PUK: ten wrong tries destroy the card. Ask 10086 or a hall for it, with your ID.',
    },
  },
  'no-sim': {
    zh: '没有检测到 SIM 卡。',
    en: 'No SIM card detected.',
    action: { zh: '拔下调制解调器，插好 SIM 卡（注意方向），再插上。', en: 'Unplug the modem, insert the SIM (mind the orientation), plug it back in.' },
  },
  'no-network': {
    zh: '调制解调器还没有注册到移动网络。',
    en: 'The modem is not registered on the mobile network.',
    action: {
      zh: '等一两分钟；检查信号、SIM 卡是否停机欠费，或换个位置/天线。',
      en: 'Wait a minute or two; check the signal, whether the line is suspended or in arrears, or move the modem/antenna.',
    },
  },
  permission: {
    zh: '没有权限打开串口。',
    en: 'No permission to open the serial port.',
    action: {
      zh: 'Linux 上把自己加入 dialout 组（sudo usermod -aG dialout $USER），然后重新登录。',
      en: 'On Linux, add yourself to the dialout group (sudo usermod -aG dialout $USER) and log in again.',
    },
  },
  busy: {
    zh: '串口正被别的程序占用。',
    en: 'The serial port is in use by another program.',
    action: { zh: '关闭占用它的程序（另一个短信工具或 ModemManager）。', en: 'Close the program holding it (another SMS tool, or ModemManager).' },
  },
  'radio-off': {
    zh: '调制解调器的射频是关着的（飞行模式），打开它没有成功，所以收发不了短信。',
    en: "The modem's radio is off (flight mode) and switching it on did not work, so no messages can be sent or received.",
    action: {
      zh: '拔插一次调制解调器；仍不行时关掉 Hall10086，在终端运行 hall10086 at --port 串口，输入 AT+CFUN=1（中兴上网卡：AT+ZOPRT=5），看它回答什么。',
      en: 'Replug the modem; if that does not help, close Hall10086, run hall10086 at --port PORT in a terminal, type AT+CFUN=1 (ZTE sticks: AT+ZOPRT=5) and see what it answers.',
    },
  },
  'sim-lock': {
    zh: '这个调制解调器被锁定了（机卡锁或网络锁，例如 PH-SIM PIN），不是 SIM 卡的 PIN 码。',
    en: 'This modem is locked (to a SIM or a network, e.g. PH-SIM PIN); this is not the SIM card’s PIN.',
    action: {
      zh: '向卖家或运营商要解锁码，或换一个没有锁的调制解调器；不要反复试 PIN 码。',
      en: 'Ask the seller or operator for the unlock code, or use an unlocked modem; do not keep trying the PIN.',
    },
  },
  'sim-busy': {
    zh: 'SIM 卡一直在忙，没有准备好（错误 14 或 NOT READY）。',
    en: 'The SIM card stays busy and is not ready (error 14 or NOT READY).',
    action: {
      zh: '等一分钟再连接；仍然如此时拔插调制解调器，或重新插好 SIM 卡。',
      en: 'Wait a minute and connect again; if it persists, replug the modem or reseat the SIM card.',
    },
  },
};

export function trap(code: Trap['code']): Trap {
  return { code, ...TRAPS[code] };
}

/** Linux: is a ModemManager process running? (It probes every new modem and keeps SMS for itself.) */
export async function modemManagerRunning(procRoot = '/proc'): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  try {
    for (const pid of await readdir(procRoot)) {
      if (!/^\d+$/.test(pid)) continue;
      const comm = await readFile(`${procRoot}/${pid}/comm`, 'utf8').catch(() => '');
      if (comm.trim() === 'ModemManager') return true;
    }
  } catch {
    return false;
  }
  return false;
}

/** Huawei sticks in HiLink (network-card) mode, by USB vendor and product id. */
const HILINK_PRODUCTS = new Set(['12d1:14db', '12d1:14dc', '12d1:1f01', '12d1:155e', '12d1:157d', '12d1:1442']);

/** Linux: USB devices in HiLink mode, read from sysfs (they have no serial port, so serialport cannot list them). */
export async function hiLinkDevices(usbRoot = '/sys/bus/usb/devices'): Promise<string[]> {
  if (process.platform !== 'linux') return [];
  const found: string[] = [];
  try {
    for (const dev of await readdir(usbRoot)) {
      const id = async (name: string) => (await readFile(`${usbRoot}/${dev}/${name}`, 'utf8').catch(() => '')).trim().toLowerCase();
      const key = `${await id('idVendor')}:${await id('idProduct')}`;
      if (HILINK_PRODUCTS.has(key)) found.push(key);
    }
  } catch {
    return [];
  }
  return found;
}
