import * as A from './error-actions';
import { ErrorTable, type ErrorEntry, type ErrorExplanation, type ErrorRange } from './error-table';

/**
 * +CMS ERROR codes, 3GPP TS 27.005 §3.2.5:
 * 0–127 network causes (TS 24.011 annex E: RP-cause, plus the CP-causes 17 and 22 that modems report too),
 * 128–255 TP-Failure-Cause (TS 23.040 §9.2.3.22), 300–340 and 500 the modem's own, 512+ manufacturer-specific.
 */
export const CMS_ERRORS: readonly ErrorEntry[] = [
  // TS 24.011 annex E, network causes
  { code: 1, spec: 'Unassigned (unallocated) number', zh: '收件号码不存在。', en: 'The recipient number does not exist.', action: A.CHECK_NUMBER },
  { code: 8, spec: 'Operator determined barring', zh: '运营商限制了本号码（常见于欠费停机）。', en: 'The operator has barred this line (often for arrears).', action: A.CHECK_ACCOUNT },
  { code: 10, spec: 'Call barred', zh: '本号码被设置了呼叫限制，不能发送短信。', en: 'Outgoing messages are barred on this line.', action: A.CHECK_ACCOUNT },
  { code: 17, spec: 'Network failure', zh: '网络故障。', en: 'Network failure.', action: A.CHECK_SIGNAL_RETRY },
  { code: 21, spec: 'Short message transfer rejected', zh: '短信中心拒收了这条短信。', en: 'The SMS centre refused the message.', action: A.CHECK_SMSC_AND_ACCOUNT },
  { code: 22, spec: 'Congestion', zh: '网络拥塞。', en: 'The network is congested.', action: A.RETRY_LATER },
  { code: 27, spec: 'Destination out of service', zh: '对方暂时无法接收短信。', en: 'The recipient cannot receive messages right now.', action: A.RETRY_LATER },
  { code: 28, spec: 'Unidentified subscriber', zh: '网络无法识别本机号码。', en: 'The network does not recognise this line.', action: A.SIM_REJECTED_BY_NETWORK },
  { code: 29, spec: 'Facility rejected', zh: '网络拒绝了这项业务请求。', en: 'The network refused the request.', action: A.CHECK_ACCOUNT },
  { code: 30, spec: 'Unknown subscriber', zh: '网络中没有这个用户。', en: 'The network has no such subscriber.', action: A.CHECK_NUMBER },
  { code: 38, spec: 'Network out of order', zh: '网络出现故障，暂时无法发送。', en: 'The network is out of order.', action: A.CHECK_SIGNAL_RETRY },
  { code: 41, spec: 'Temporary failure', zh: '网络暂时故障。', en: 'Temporary network failure.', action: A.RETRY_LATER },
  { code: 42, spec: 'Congestion', zh: '网络拥塞。', en: 'The network is congested.', action: A.RETRY_LATER },
  { code: 47, spec: 'Resources unavailable, unspecified', zh: '网络资源不足。', en: 'The network has no resources available.', action: A.RETRY_LATER },
  { code: 50, spec: 'Requested facility not subscribed', zh: '本号码没有开通短信业务。', en: 'SMS is not subscribed on this line.', action: A.CHECK_ACCOUNT },
  { code: 69, spec: 'Requested facility not implemented', zh: '网络不支持这项业务。', en: 'The network does not provide this service.', action: A.CONTACT_10086 },
  { code: 81, spec: 'Invalid short message transfer reference value', zh: '短信传输参考值无效（协议错误）。', en: 'Invalid message transfer reference (protocol error).', action: A.RETRY_LATER },
  { code: 95, spec: 'Invalid message, unspecified', zh: '网络认为短信无效。', en: 'The network found the message invalid.', action: A.REPORT_BUG },
  { code: 96, spec: 'Invalid mandatory information', zh: '短信缺少必需的信息。', en: 'The message lacks mandatory information.', action: A.REPORT_BUG },
  { code: 97, spec: 'Message type non-existent or not implemented', zh: '网络不认识这种消息类型。', en: 'The network does not know this message type.', action: A.REPORT_BUG },
  { code: 98, spec: 'Message not compatible with short message protocol state', zh: '短信与协议状态不符。', en: 'The message does not fit the protocol state.', action: A.RETRY_LATER },
  { code: 99, spec: 'Information element non-existent or not implemented', zh: '短信含有网络不支持的信息单元。', en: 'The message holds an element the network does not support.', action: A.REPORT_BUG },
  { code: 111, spec: 'Protocol error, unspecified', zh: '协议错误。', en: 'Protocol error.', action: A.RETRY_LATER },
  { code: 127, spec: 'Interworking, unspecified', zh: '网络之间互通出错。', en: 'Error between networks (interworking).', action: A.RETRY_LATER },
  // TS 23.040 §9.2.3.22, TP-Failure-Cause
  { code: 128, spec: 'Telematic interworking not supported', zh: '不支持远程信息互通。', en: 'Telematic interworking is not supported.', action: A.REPORT_BUG },
  { code: 129, spec: 'Short message Type 0 not supported', zh: '不支持 0 类短信。', en: 'Type 0 messages are not supported.', action: A.REPORT_BUG },
  { code: 130, spec: 'Cannot replace short message', zh: '无法替换短信。', en: 'The message cannot be replaced.', action: A.REPORT_BUG },
  { code: 143, spec: 'Unspecified TP-PID error', zh: '协议标识（TP-PID）错误。', en: 'Protocol identifier (TP-PID) error.', action: A.REPORT_BUG },
  { code: 144, spec: 'Data coding scheme (alphabet) not supported', zh: '不支持这种短信编码。', en: 'The message encoding is not supported.', action: A.REPORT_BUG },
  { code: 145, spec: 'Message class not supported', zh: '不支持这种短信类别。', en: 'The message class is not supported.', action: A.REPORT_BUG },
  { code: 159, spec: 'Unspecified TP-DCS error', zh: '编码方案（TP-DCS）错误。', en: 'Data coding scheme (TP-DCS) error.', action: A.REPORT_BUG },
  { code: 160, spec: 'Command cannot be actioned', zh: '短信中心无法执行该命令。', en: 'The SMS centre cannot carry out the command.', action: A.RETRY_LATER },
  { code: 161, spec: 'Command unsupported', zh: '短信中心不支持该命令。', en: 'The SMS centre does not support the command.', action: A.REPORT_BUG },
  { code: 175, spec: 'Unspecified TP-Command error', zh: '短信命令（TP-Command）错误。', en: 'SMS command (TP-Command) error.', action: A.REPORT_BUG },
  { code: 176, spec: 'TPDU not supported', zh: '不支持这种短信格式（TPDU）。', en: 'The message format (TPDU) is not supported.', action: A.REPORT_BUG },
  { code: 192, spec: 'SC busy', zh: '短信中心忙。', en: 'The SMS centre is busy.', action: A.RETRY_LATER },
  { code: 193, spec: 'No SC subscription', zh: '本号码未在该短信中心开户。', en: 'This line has no subscription at the SMS centre.', action: A.CHECK_SMSC_AND_ACCOUNT },
  { code: 194, spec: 'SC system failure', zh: '短信中心系统故障。', en: 'The SMS centre has failed.', action: A.RETRY_LATER },
  { code: 195, spec: 'Invalid SME address', zh: '收件号码无效。', en: 'The recipient address is invalid.', action: A.CHECK_NUMBER },
  { code: 196, spec: 'Destination SME barred', zh: '对方号码被禁止接收短信。', en: 'The recipient is barred from receiving messages.', action: A.CHECK_NUMBER },
  { code: 197, spec: 'SM Rejected-Duplicate SM', zh: '短信中心认为这是重复短信而拒收。', en: 'The SMS centre rejected the message as a duplicate.', action: A.ALREADY_SENT },
  { code: 198, spec: 'TP-VPF not supported', zh: '不支持这种有效期格式（TP-VPF）。', en: 'The validity-period format (TP-VPF) is not supported.', action: A.REPORT_BUG },
  { code: 199, spec: 'TP-VP not supported', zh: '不支持这个有效期（TP-VP）。', en: 'The validity period (TP-VP) is not supported.', action: A.REPORT_BUG },
  { code: 208, spec: '(U)SIM SMS storage full', zh: 'SIM 卡短信存储已满。', en: 'The SIM message storage is full.', action: A.FREE_MESSAGE_STORAGE },
  { code: 209, spec: 'No SMS storage capability in (U)SIM', zh: 'SIM 卡不能存储短信。', en: 'The SIM cannot store messages.', action: A.USE_MODEM_STORAGE },
  { code: 210, spec: 'Error in MS', zh: '调制解调器内部出错。', en: 'Error inside the modem.', action: A.REPLUG_MODEM },
  { code: 211, spec: 'Memory Capacity Exceeded', zh: '存储容量不足。', en: 'Memory capacity exceeded.', action: A.FREE_MESSAGE_STORAGE },
  { code: 212, spec: '(U)SIM Application Toolkit Busy', zh: 'SIM 卡应用工具包正忙。', en: 'The SIM Application Toolkit is busy.', action: A.WAIT_FOR_SIM },
  { code: 213, spec: '(U)SIM data download error', zh: '向 SIM 卡下载数据出错。', en: 'Data download to the SIM failed.', action: A.RESEAT_SIM },
  { code: 255, spec: 'Unspecified error cause', zh: '未说明原因的短信错误。', en: 'Unspecified message error.', action: A.RETRY_THEN_REPLUG },
  // TS 27.005 §3.2.5, errors of the modem (ME) and SIM
  { code: 300, spec: 'ME failure', zh: '调制解调器故障。', en: 'The modem failed.', action: A.REPLUG_MODEM, maybeSent: true },
  { code: 301, spec: 'SMS service of ME reserved', zh: '调制解调器的短信功能被占用。', en: 'The modem\'s SMS service is reserved by something else.', action: A.CLOSE_OTHER_PROGRAMS },
  { code: 302, spec: 'operation not allowed', zh: '调制解调器当前不允许这个操作。', en: 'The modem does not allow this operation now.', action: A.WAIT_UNTIL_READY },
  { code: 303, spec: 'operation not supported', zh: '调制解调器不支持这个操作。', en: 'The modem does not support this operation.', action: A.UNSUPPORTED_BY_MODEM },
  { code: 304, spec: 'invalid PDU mode parameter', zh: 'PDU 模式参数无效。', en: 'Invalid PDU-mode parameter.', action: A.REPORT_BUG },
  { code: 305, spec: 'invalid text mode parameter', zh: '文本模式参数无效。', en: 'Invalid text-mode parameter.', action: A.REPORT_BUG },
  { code: 310, spec: '(U)SIM not inserted', zh: '没有插入 SIM 卡。', en: 'No SIM card is inserted.', action: A.INSERT_SIM },
  { code: 311, spec: '(U)SIM PIN required', zh: '需要输入 SIM 卡 PIN 码。', en: 'The SIM PIN is required.', action: A.ENTER_PIN },
  { code: 312, spec: 'PH-(U)SIM PIN required', zh: '需要输入设备锁（机卡锁）密码。', en: 'The phone-to-SIM lock code is required.', action: A.DEVICE_LOCKED },
  { code: 313, spec: '(U)SIM failure', zh: 'SIM 卡故障。', en: 'The SIM card failed.', action: A.RESEAT_SIM, maybeSent: true },
  { code: 314, spec: '(U)SIM busy', zh: 'SIM 卡忙。', en: 'The SIM card is busy.', action: A.WAIT_FOR_SIM },
  { code: 315, spec: '(U)SIM wrong', zh: '调制解调器不接受这张 SIM 卡。', en: 'The modem does not accept this SIM card.', action: A.SIM_NOT_ACCEPTED },
  { code: 316, spec: '(U)SIM PUK required', zh: 'SIM 卡已锁，需要 PUK 码解锁。', en: 'The SIM is blocked and needs its PUK.', action: A.GET_PUK },
  { code: 317, spec: '(U)SIM PIN2 required', zh: '需要输入 SIM 卡 PIN2 码。', en: 'The SIM PIN2 is required.', action: A.ENTER_PIN2 },
  { code: 318, spec: '(U)SIM PUK2 required', zh: 'PIN2 已锁，需要 PUK2 码解锁。', en: 'PIN2 is blocked and needs the PUK2.', action: A.GET_PUK2 },
  { code: 320, spec: 'memory failure', zh: '短信存储故障。', en: 'Message storage failed.', action: A.REPLUG_MODEM, maybeSent: true },
  { code: 321, spec: 'invalid memory index', zh: '短信位置编号无效。', en: 'Invalid message position.', action: A.REFRESH_LIST },
  { code: 322, spec: 'memory full', zh: '短信存储已满。', en: 'Message storage is full.', action: A.FREE_MESSAGE_STORAGE },
  { code: 330, spec: 'SMSC address unknown', zh: '不知道短信中心号码（SMSC）。', en: 'The SMS centre (SMSC) number is unknown.', action: A.SET_SMSC },
  { code: 331, spec: 'no network service', zh: '没有网络服务。', en: 'No network service.', action: A.NO_SERVICE },
  { code: 332, spec: 'network timeout', zh: '网络响应超时。', en: 'The network timed out.', action: A.RETRY_LATER, maybeSent: true },
  { code: 340, spec: 'no +CNMA acknowledgement expected', zh: '调制解调器没有在等待短信接收确认（+CNMA）。', en: 'The modem was not waiting for a receipt acknowledgement (+CNMA).', action: A.REPORT_BUG },
  { code: 500, spec: 'unknown error', zh: '调制解调器报告了未知的短信错误。', en: 'The modem reported an unknown message error.', action: A.RETRY_THEN_REPLUG, maybeSent: true },
];

export const CMS_RANGES: readonly ErrorRange[] = [
  { from: 0, to: 127, zh: '网络拒绝了这条短信（原因 {code}）。', en: 'The network refused the message (cause {code}).', action: A.CHECK_SIGNAL_RETRY },
  { from: 128, to: 143, zh: '短信协议标识错误（{code}）。', en: 'Message protocol identifier error ({code}).', action: A.REPORT_BUG },
  { from: 144, to: 159, zh: '短信编码方案错误（{code}）。', en: 'Message coding scheme error ({code}).', action: A.REPORT_BUG },
  { from: 160, to: 175, zh: '短信命令错误（{code}）。', en: 'SMS command error ({code}).', action: A.REPORT_BUG },
  { from: 176, to: 191, zh: '短信格式错误（{code}）。', en: 'Message format error ({code}).', action: A.REPORT_BUG },
  { from: 192, to: 207, zh: '短信中心出错（{code}）。', en: 'SMS centre error ({code}).', action: A.RETRY_LATER },
  { from: 208, to: 223, zh: '调制解调器或 SIM 卡出错（{code}）。', en: 'Modem or SIM error ({code}).', action: A.RETRY_THEN_REPLUG },
  { from: 224, to: 254, zh: '短信中心应用自定义的错误（{code}）。', en: 'SMS-centre application-specific error ({code}).', action: A.RETRY_LATER },
  { from: 256, to: 511, zh: '调制解调器报告了标准未定义的短信错误（{code}）。', en: 'The modem reported a message error the standard does not define ({code}).', action: A.RETRY_THEN_REPLUG, maybeSent: true },
  { from: 512, to: Number.MAX_SAFE_INTEGER, zh: '调制解调器厂商自定义的短信错误（{code}）。', en: 'Manufacturer-specific message error ({code}).', action: A.LOOK_UP_VENDOR_CODE, maybeSent: true },
];

const CMS_TABLE = new ErrorTable(CMS_ERRORS, CMS_RANGES, {
  zh: '调制解调器报告了无法识别的短信错误（{code}）。',
  en: 'The modem reported an unrecognised message error ({code}).',
  action: A.RETRY_THEN_REPLUG,
  maybeSent: true,
});

export function explainCms(code: number): ErrorExplanation {
  return CMS_TABLE.explain(code);
}

/**
 * Whether a +CMS ERROR answering `AT+CMGS` after its body leaves it open that the message went out (`maybeSent` in the
 * table above). Such a send is `failed-retryable` (may have gone), never `failed` (nothing went): a Retry then asks
 * first (review43). By TS 27.005 §3.2.5, what the network or the centre answered (0–255: an RP-cause or a
 * TP-Failure-Cause is a refusal of that very message) and the modem's own refusals of the command (301–305, 310–312,
 * 314–318, 321, 322, 330, 331, 340: a SIM, a memory, a parameter or a service state checked before anything is
 * transmitted) mean nothing went. It may have gone on a network timeout (332: said while waiting for the
 * acknowledgement of a message handed over), an ME failure (300), a SIM failure (313) or a memory failure (320) (mend65:
 * failures, not checks), an unknown error (500), a code the standard leaves undefined (256–511 unnamed) and a
 * manufacturer's own (512+, e.g. a vendor's timeout): they do not say at which step the modem failed (mend51).
 * Any code answered before the `> ` prompt means the body never went: `failed`, whatever the code (mend53).
 */
export function cmsMayHaveSent(code: number): boolean {
  return CMS_TABLE.explain(code).maybeSent === true;
}

/** The +CMS code for a verbose report such as `SMSC address unknown`, or null. */
export function cmsCodeForName(name: string): number | null {
  return CMS_TABLE.codeForName(name);
}
