import type { Bilingual } from '../errors';

/** What a user can do about a +CMS/+CME error. Shared by both tables: many codes call for the same step. */

export const RETRY_LATER: Bilingual = {
  zh: '请稍后重试。',
  en: 'Try again later.',
};

export const RETRY_THEN_REPLUG: Bilingual = {
  zh: '请重试；若反复出现，请拔下调制解调器再插上。',
  en: 'Try again; if it keeps happening, unplug the modem and plug it back in.',
};

export const CHECK_SIGNAL_RETRY: Bilingual = {
  zh: '请检查信号（天线、摆放位置）后稍后重试。',
  en: 'Check the signal (antenna, position of the modem) and try again later.',
};

export const NO_SERVICE: Bilingual = {
  zh: '请检查信号和天线，并确认本号码没有欠费停机；等调制解调器注册上网络后再试。',
  en: 'Check the signal and antenna, and that the line is not suspended for arrears; retry once the modem has registered.',
};

export const CHECK_NUMBER: Bilingual = {
  zh: '请核对收件号码（营业厅指令应发往 10086）。',
  en: 'Check the recipient number (business-hall instructions go to 10086).',
};

export const CHECK_ACCOUNT: Bilingual = {
  zh: '本号码可能欠费停机或被限制发送短信：请先充值，或用其他电话拨打 10086 查询。',
  en: 'The line may be suspended for arrears or barred from sending SMS: top up, or call 10086 from another phone to ask.',
};

export const CHECK_SMSC_AND_ACCOUNT: Bilingual = {
  zh: '请检查短信中心号码（AT+CSCA?）是否正确，并确认本号码没有欠费停机。',
  en: 'Check that the SMS centre number (AT+CSCA?) is right and that the line is not suspended for arrears.',
};

export const SET_SMSC: Bilingual = {
  zh: '请用 AT+CSCA 设置短信中心号码（中国移动为 +86138 + 三位区号 + 500，如北京 +8613800100500），或检查 SIM 卡。',
  en: 'Set the SMS centre number with AT+CSCA (China Mobile: +86138, the 3-digit area code, then 500, e.g. Beijing +8613800100500), or check the SIM card.',
};

export const MAYBE_SENT: Bilingual = {
  zh: '短信可能已经发出：请先等一会儿看 10086 是否回复，再决定是否重发，以免重复办理业务。',
  en: 'The message may have gone through: wait a while for a reply from 10086 before resending, so a service is not ordered twice.',
};

export const ALREADY_SENT: Bilingual = {
  zh: '同样的短信刚刚已发出：请等待 10086 的回复，不要重复发送。',
  en: 'The same message was just sent: wait for the reply from 10086 rather than sending it again.',
};

export const INSERT_SIM: Bilingual = {
  zh: '请插入 SIM 卡（注意方向、卡托是否推到位），然后拔下调制解调器再插上。',
  en: 'Insert a SIM card (mind the orientation and push the tray fully in), then unplug the modem and plug it back in.',
};

export const RESEAT_SIM: Bilingual = {
  zh: '请拔下调制解调器，取出 SIM 卡擦净触点后重新插好再试；仍不行请到中国移动营业厅换卡。',
  en: 'Unplug the modem, take the SIM out, clean its contacts and reinsert it; if it still fails, get a replacement SIM at a China Mobile store.',
};

export const WAIT_FOR_SIM: Bilingual = {
  zh: 'SIM 卡正忙（开机后的几秒内常见）：请稍等片刻再试。',
  en: 'The SIM card is busy (common for a few seconds after power-on): wait a moment and try again.',
};

export const SIM_NOT_ACCEPTED: Bilingual = {
  zh: '调制解调器不接受这张卡（可能是锁定其他运营商的设备）：请换用可用于中国移动的调制解调器，或换一张卡。',
  en: 'The modem does not accept this SIM (it may be locked to another operator): use a modem that works with China Mobile, or another SIM.',
};

export const ENTER_PIN: Bilingual = {
  zh: '请输入 SIM 卡的 PIN 码。连续输错 3 次会锁卡，届时需要 PUK 码。',
  en: 'Enter the SIM PIN. Three wrong tries lock the card, after which the PUK is needed.',
};

export const WRONG_PIN: Bilingual = {
  zh: '请核对后再输入，注意剩余次数：连续输错 3 次会锁卡，届时需要 PUK 码。',
  en: 'Check it and enter it again, minding the tries left: three wrong tries lock the card and the PUK is then needed.',
};

export const ENTER_PIN2: Bilingual = {
  zh: '请输入 SIM 卡的 PIN2 码（与 PIN 码不同）。',
  en: 'Enter the SIM PIN2 (a different code from the PIN).',
};

export const GET_PUK: Bilingual = {
  zh: '不要猜测 PUK 码：连续输错 10 次 SIM 卡将永久报废。请机主携带身份证件拨打 10086 或到中国移动营业厅获取 PUK 码。',
  en: 'Do not guess the PUK: ten wrong tries destroy the SIM for good. The account holder should call 10086 or visit a China Mobile store with ID to get it.',
};

export const GET_PUK2: Bilingual = {
  zh: '不要猜测 PUK2 码：请机主携带身份证件拨打 10086 或到中国移动营业厅获取。',
  en: 'Do not guess the PUK2: the account holder should call 10086 or visit a China Mobile store with ID to get it.',
};

export const DEVICE_LOCKED: Bilingual = {
  zh: '调制解调器被锁定（机卡锁/网络锁）：请输入设备的解锁码，或换用未锁定的调制解调器。',
  en: 'The modem is locked (to a SIM or a network): enter its unlock code, or use an unlocked modem.',
};

export const FREE_MESSAGE_STORAGE: Bilingual = {
  zh: '短信存储已满：请删除已读的短信后重试。',
  en: 'Message storage is full: delete messages already read and try again.',
};

export const FREE_STORAGE: Bilingual = {
  zh: '存储已满：请删除不需要的短信或联系人后重试。',
  en: 'Storage is full: delete messages or contacts you no longer need and try again.',
};

export const USE_MODEM_STORAGE: Bilingual = {
  zh: 'SIM 卡无法存储短信：请在设置中改用调制解调器存储（AT+CPMS="ME"）。',
  en: 'The SIM cannot store messages: switch to the modem\'s own storage (AT+CPMS="ME") in the settings.',
};

export const REFRESH_LIST: Bilingual = {
  zh: '该位置没有短信（可能已被删除）：请刷新短信列表。',
  en: 'There is no message at that position (it may have been deleted): refresh the message list.',
};

export const REPLUG_MODEM: Bilingual = {
  zh: '请拔下调制解调器再插上，然后重试。',
  en: 'Unplug the modem, plug it back in, and try again.',
};

export const CLOSE_OTHER_PROGRAMS: Bilingual = {
  zh: '请关闭其他正在使用该调制解调器的程序（如厂商自带的拨号软件）后重试。',
  en: 'Close other programs using the modem (such as the vendor\'s dial-up tool) and try again.',
};

export const WAIT_UNTIL_READY: Bilingual = {
  zh: '请等 SIM 卡就绪、调制解调器注册上网络后再试；若一直如此，请拔下调制解调器再插上。',
  en: 'Wait until the SIM is ready and the modem has registered with the network; if it persists, unplug and replug the modem.',
};

export const TURN_RADIO_ON: Bilingual = {
  zh: '调制解调器处于飞行模式或受限模式：请发送 AT+CFUN=1 打开射频后重试。',
  en: 'The modem is in flight or restricted mode: send AT+CFUN=1 to turn the radio on, then try again.',
};

export const UNSUPPORTED_BY_MODEM: Bilingual = {
  zh: '这个调制解调器不支持该功能：请换用支持短信收发的型号。',
  en: 'This modem does not support the function: use a model that can send and receive SMS.',
};

export const REPORT_BUG: Bilingual = {
  zh: '这多半是本程序的问题：请导出日志并反馈给开发者。',
  en: 'This is most likely a bug in this program: export the log and report it.',
};

export const CONTACT_10086: Bilingual = {
  zh: '请用其他电话拨打 10086 咨询。',
  en: 'Call 10086 from another phone for help.',
};

export const NOT_USED_FOR_SMS: Bilingual = {
  zh: '这与短信收发无关，可以忽略；若影响使用，请拔下调制解调器再插上。',
  en: 'This does not concern sending or receiving SMS and can be ignored; if it gets in the way, replug the modem.',
};

export const MOBILE_DATA_ONLY: Bilingual = {
  zh: '这是移动数据（上网）方面的错误，不影响短信收发。',
  en: 'This is a mobile-data error; it does not affect SMS.',
};

export const CHECK_APN: Bilingual = {
  zh: '这是移动数据错误，不影响短信。如需上网，请检查接入点（中国移动为 cmnet）。',
  en: 'This is a mobile-data error and does not affect SMS. For data, check the access point name (China Mobile: cmnet).',
};

export const DATA_NOT_SUBSCRIBED: Bilingual = {
  zh: '本号码未开通移动数据，不影响短信。如需上网，可发送 KTGPRS 到 10086 开通（各省指令可能不同，会产生费用）。',
  en: 'Mobile data is not enabled on this line; SMS is unaffected. To enable it, send KTGPRS to 10086 (instructions vary by province; charges apply).',
};

export const SIM_REJECTED_BY_NETWORK: Bilingual = {
  zh: '网络拒绝了这张 SIM 卡（可能未开通、已销户或被停用）：请用其他电话拨打 10086 咨询。',
  en: 'The network rejected this SIM (not activated, closed or suspended): call 10086 from another phone.',
};

export const DEVICE_REJECTED_BY_NETWORK: Bilingual = {
  zh: '网络拒绝了这个调制解调器（设备串号被禁用）：请换用其他调制解调器，或拨打 10086 咨询。',
  en: 'The network rejected this modem (its IMEI is barred): use another modem, or call 10086.',
};

export const CHOOSE_NETWORK: Bilingual = {
  zh: '不能在当前网络注册：请确认使用的是中国移动 SIM 卡，并设为自动选网（AT+COPS=0）。',
  en: 'Registration on this network is not allowed: make sure the SIM is China Mobile\'s and network selection is automatic (AT+COPS=0).',
};

export const FIXED_DIALLING: Bilingual = {
  zh: 'SIM 卡开启了固定拨号（FDN）：请在手机上关闭固定拨号，或把 10086 加入固定拨号列表。',
  en: 'Fixed dialling (FDN) is on for this SIM: turn it off in a phone, or add 10086 to the fixed-dialling list.',
};

export const LOOK_UP_VENDOR_CODE: Bilingual = {
  zh: '这是厂商自定义的错误码 {code}：可查阅调制解调器的 AT 命令手册；一般重试或拔插调制解调器即可。',
  en: 'Code {code} is the manufacturer\'s own: see the modem\'s AT command manual; retrying or replugging the modem usually helps.',
};
