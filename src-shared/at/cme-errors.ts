import * as A from './error-actions';
import { ErrorTable, type ErrorEntry, type ErrorExplanation, type ErrorRange } from './error-table';

/**
 * +CME ERROR codes, 3GPP TS 27.007 §9.2: general errors (0–63, 100), GPRS/EPS errors (§9.2.2, 103–182),
 * supplementary-service errors (257–264). The group-call errors (§9.2.3, 151–165) are covered by a range:
 * a USB modem sending SMS never meets them. 512+ are manufacturer-specific.
 */
export const CME_ERRORS: readonly ErrorEntry[] = [
  // §9.2.1 general errors
  { code: 0, spec: 'phone failure', zh: '调制解调器故障。', en: 'The modem failed.', action: A.REPLUG_MODEM },
  { code: 1, spec: 'no connection to phone', zh: '与调制解调器的内部连接断开。', en: 'No connection to the modem\'s phone part.', action: A.REPLUG_MODEM },
  { code: 2, spec: 'phone-adaptor link reserved', zh: '调制解调器的连接被占用。', en: 'The modem link is reserved by something else.', action: A.CLOSE_OTHER_PROGRAMS },
  { code: 3, spec: 'operation not allowed', zh: '调制解调器当前不允许这个操作。', en: 'The modem does not allow this operation now.', action: A.WAIT_UNTIL_READY },
  { code: 4, spec: 'operation not supported', zh: '调制解调器不支持这个操作。', en: 'The modem does not support this operation.', action: A.UNSUPPORTED_BY_MODEM },
  { code: 5, spec: 'PH-SIM PIN required', zh: '需要输入设备锁（机卡锁）密码。', en: 'The phone-to-SIM lock code is required.', action: A.DEVICE_LOCKED },
  { code: 6, spec: 'PH-FSIM PIN required', zh: '需要输入首卡锁密码。', en: 'The phone-to-first-SIM lock code is required.', action: A.DEVICE_LOCKED },
  { code: 7, spec: 'PH-FSIM PUK required', zh: '需要输入首卡锁的解锁码（PUK）。', en: 'The phone-to-first-SIM unblocking code is required.', action: A.DEVICE_LOCKED },
  { code: 10, spec: 'SIM not inserted', zh: '没有插入 SIM 卡。', en: 'No SIM card is inserted.', action: A.INSERT_SIM },
  { code: 11, spec: 'SIM PIN required', zh: '需要输入 SIM 卡 PIN 码。', en: 'The SIM PIN is required.', action: A.ENTER_PIN },
  { code: 12, spec: 'SIM PUK required', zh: 'SIM 卡已锁，需要 PUK 码解锁。', en: 'The SIM is blocked and needs its PUK.', action: A.GET_PUK },
  { code: 13, spec: 'SIM failure', zh: 'SIM 卡故障。', en: 'The SIM card failed.', action: A.RESEAT_SIM },
  { code: 14, spec: 'SIM busy', zh: 'SIM 卡忙。', en: 'The SIM card is busy.', action: A.WAIT_FOR_SIM },
  { code: 15, spec: 'SIM wrong', zh: '调制解调器不接受这张 SIM 卡。', en: 'The modem does not accept this SIM card.', action: A.SIM_NOT_ACCEPTED },
  { code: 16, spec: 'incorrect password', zh: '密码（PIN 码）错误。', en: 'Incorrect password (PIN).', action: A.WRONG_PIN },
  { code: 17, spec: 'SIM PIN2 required', zh: '需要输入 SIM 卡 PIN2 码。', en: 'The SIM PIN2 is required.', action: A.ENTER_PIN2 },
  { code: 18, spec: 'SIM PUK2 required', zh: 'PIN2 已锁，需要 PUK2 码解锁。', en: 'PIN2 is blocked and needs the PUK2.', action: A.GET_PUK2 },
  { code: 20, spec: 'memory full', zh: '存储已满。', en: 'Storage is full.', action: A.FREE_STORAGE },
  { code: 21, spec: 'invalid index', zh: '位置编号无效。', en: 'Invalid position (index).', action: A.REFRESH_LIST },
  { code: 22, spec: 'not found', zh: '没有找到要读取的条目。', en: 'The entry was not found.', action: A.REFRESH_LIST },
  { code: 23, spec: 'memory failure', zh: '存储故障。', en: 'Storage failed.', action: A.REPLUG_MODEM },
  { code: 24, spec: 'text string too long', zh: '文字太长。', en: 'The text is too long.', action: A.REPORT_BUG },
  { code: 25, spec: 'invalid characters in text string', zh: '文字中含有无效字符。', en: 'The text holds invalid characters.', action: A.REPORT_BUG },
  { code: 26, spec: 'dial string too long', zh: '号码太长。', en: 'The number is too long.', action: A.CHECK_NUMBER },
  { code: 27, spec: 'invalid characters in dial string', zh: '号码中含有无效字符。', en: 'The number holds invalid characters.', action: A.CHECK_NUMBER },
  { code: 30, spec: 'no network service', zh: '没有网络服务。', en: 'No network service.', action: A.NO_SERVICE },
  { code: 31, spec: 'network timeout', zh: '网络响应超时。', en: 'The network timed out.', action: A.CHECK_SIGNAL_RETRY },
  { code: 32, spec: 'network not allowed - emergency calls only', zh: '网络只允许紧急呼叫。', en: 'The network allows emergency calls only.', action: A.NO_SERVICE },
  { code: 40, spec: 'network personalization PIN required', zh: '调制解调器被锁定到其他网络，需要网络解锁码。', en: 'The modem is network-locked; the network unlock code is required.', action: A.DEVICE_LOCKED },
  { code: 41, spec: 'network personalization PUK required', zh: '网络锁已锁死，需要网络锁 PUK 码。', en: 'The network lock is blocked; its PUK is required.', action: A.DEVICE_LOCKED },
  { code: 42, spec: 'network subset personalization PIN required', zh: '调制解调器被锁定到网络子集，需要解锁码。', en: 'The modem is locked to a network subset; the unlock code is required.', action: A.DEVICE_LOCKED },
  { code: 43, spec: 'network subset personalization PUK required', zh: '网络子集锁已锁死，需要 PUK 码。', en: 'The network-subset lock is blocked; its PUK is required.', action: A.DEVICE_LOCKED },
  { code: 44, spec: 'service provider personalization PIN required', zh: '调制解调器被锁定到其他服务商，需要解锁码。', en: 'The modem is locked to a service provider; the unlock code is required.', action: A.DEVICE_LOCKED },
  { code: 45, spec: 'service provider personalization PUK required', zh: '服务商锁已锁死，需要 PUK 码。', en: 'The service-provider lock is blocked; its PUK is required.', action: A.DEVICE_LOCKED },
  { code: 46, spec: 'corporate personalization PIN required', zh: '调制解调器被锁定到企业卡，需要解锁码。', en: 'The modem is locked to corporate SIMs; the unlock code is required.', action: A.DEVICE_LOCKED },
  { code: 47, spec: 'corporate personalization PUK required', zh: '企业锁已锁死，需要 PUK 码。', en: 'The corporate lock is blocked; its PUK is required.', action: A.DEVICE_LOCKED },
  { code: 48, spec: 'hidden key required', zh: '需要电话簿隐藏条目的密钥。', en: 'The hidden-phonebook key is required.', action: A.NOT_USED_FOR_SMS },
  { code: 49, spec: 'EAP method not supported', zh: '不支持该 EAP 认证方式。', en: 'The EAP method is not supported.', action: A.NOT_USED_FOR_SMS },
  { code: 50, spec: 'Incorrect parameters', zh: '命令参数不正确。', en: 'Incorrect command parameters.', action: A.REPORT_BUG },
  { code: 51, spec: 'command implemented but currently disabled', zh: '调制解调器当前禁用了这个命令。', en: 'The modem has this command disabled at the moment.', action: A.RETRY_THEN_REPLUG },
  { code: 52, spec: 'command aborted by user', zh: '命令被中止。', en: 'The command was aborted.', action: A.RETRY_LATER },
  { code: 53, spec: 'not attached to network due to MT functionality restrictions', zh: '调制解调器处于受限模式，没有连接网络。', en: 'The modem is in a restricted mode and not attached to the network.', action: A.TURN_RADIO_ON },
  { code: 54, spec: 'modem not allowed - MT restricted to emergency calls only', zh: '调制解调器处于受限模式，只能紧急呼叫。', en: 'The modem is restricted to emergency calls.', action: A.TURN_RADIO_ON },
  { code: 55, spec: 'operation not allowed because of MT functionality restrictions', zh: '调制解调器处于受限模式，不允许这个操作。', en: 'The modem\'s restricted mode does not allow this operation.', action: A.TURN_RADIO_ON },
  { code: 56, spec: 'fixed dial number only allowed - called number is not a fixed dial number', zh: '只允许使用固定拨号号码，收件号码不在列表中。', en: 'Only fixed-dialling numbers are allowed and this number is not one.', action: A.FIXED_DIALLING },
  { code: 57, spec: 'temporarily out of service due to other MT usage', zh: '调制解调器正被其他功能占用，暂时无法服务。', en: 'The modem is temporarily busy with something else.', action: A.RETRY_LATER },
  { code: 58, spec: 'language/alphabet not supported', zh: '不支持这种语言或字符集。', en: 'The language or alphabet is not supported.', action: A.REPORT_BUG },
  { code: 59, spec: 'unexpected data value', zh: '数据值不符合预期。', en: 'Unexpected data value.', action: A.REPORT_BUG },
  { code: 60, spec: 'system failure', zh: '调制解调器系统故障。', en: 'The modem\'s system failed.', action: A.REPLUG_MODEM },
  { code: 61, spec: 'data missing', zh: '缺少数据。', en: 'Data is missing.', action: A.REPORT_BUG },
  { code: 62, spec: 'call barred', zh: '本号码被设置了呼叫限制。', en: 'Calls are barred on this line.', action: A.CHECK_ACCOUNT },
  { code: 63, spec: 'message waiting indication subscription failure', zh: '订阅留言提示失败。', en: 'Subscribing to message-waiting indications failed.', action: A.NOT_USED_FOR_SMS },
  { code: 100, spec: 'unknown', zh: '调制解调器报告了未知错误。', en: 'The modem reported an unknown error.', action: A.RETRY_THEN_REPLUG },
  // §9.2.2.1 GPRS/EPS attach errors: 103, 106 and 108 stop SMS too; the rest concern data only
  { code: 103, spec: 'Illegal MS', zh: '网络拒绝了这张 SIM 卡（非法用户）。', en: 'The network rejected this SIM (illegal MS).', action: A.SIM_REJECTED_BY_NETWORK },
  { code: 106, spec: 'Illegal ME', zh: '网络拒绝了这个调制解调器（非法设备）。', en: 'The network rejected this modem (illegal ME).', action: A.DEVICE_REJECTED_BY_NETWORK },
  { code: 107, spec: 'GPRS services not allowed', zh: '不允许使用移动数据（GPRS）。', en: 'Mobile data (GPRS) is not allowed.', action: A.DATA_NOT_SUBSCRIBED },
  { code: 108, spec: 'GPRS services and non-GPRS services not allowed', zh: '网络不允许本卡使用任何业务。', en: 'The network allows this SIM no service at all.', action: A.SIM_REJECTED_BY_NETWORK },
  { code: 111, spec: 'PLMN not allowed', zh: '不允许在当前网络注册。', en: 'Registration on this network is not allowed.', action: A.CHOOSE_NETWORK },
  { code: 112, spec: 'Location area not allowed', zh: '当前位置区不允许注册。', en: 'This location area is not allowed.', action: A.CHECK_SIGNAL_RETRY },
  { code: 113, spec: 'Roaming not allowed in this location area', zh: '当前区域不允许漫游。', en: 'Roaming is not allowed in this area.', action: A.CONTACT_10086 },
  { code: 114, spec: 'GPRS services not allowed in this PLMN', zh: '当前网络不允许使用移动数据。', en: 'Mobile data is not allowed on this network.', action: A.MOBILE_DATA_ONLY },
  { code: 115, spec: 'No Suitable Cells In Location Area', zh: '当前区域没有合适的基站。', en: 'No suitable cell in this area.', action: A.CHECK_SIGNAL_RETRY },
  { code: 122, spec: 'Congestion', zh: '网络拥塞。', en: 'The network is congested.', action: A.RETRY_LATER },
  { code: 125, spec: 'Not authorized for this CSG', zh: '无权接入这个封闭用户组小区。', en: 'Not authorised for this closed subscriber group cell.', action: A.CHECK_SIGNAL_RETRY },
  // §9.2.2.2 PDP context activation errors: mobile data only
  { code: 126, spec: 'insufficient resources', zh: '网络资源不足（移动数据）。', en: 'Insufficient network resources (mobile data).', action: A.MOBILE_DATA_ONLY },
  { code: 127, spec: 'missing or unknown APN', zh: '接入点（APN）缺失或未知。', en: 'Missing or unknown access point name (APN).', action: A.CHECK_APN },
  { code: 128, spec: 'unknown PDP address or PDP type', zh: '移动数据地址或类型未知。', en: 'Unknown PDP address or type.', action: A.CHECK_APN },
  { code: 129, spec: 'user authentication failed', zh: '移动数据用户认证失败。', en: 'Mobile-data user authentication failed.', action: A.CHECK_APN },
  { code: 130, spec: 'activation rejected by GGSN, Serving GW or PDN GW', zh: '网关拒绝了移动数据连接。', en: 'The gateway rejected the mobile-data connection.', action: A.CHECK_APN },
  { code: 131, spec: 'activation rejected, unspecified', zh: '移动数据连接被拒绝。', en: 'The mobile-data connection was rejected.', action: A.CHECK_APN },
  { code: 132, spec: 'service option not supported', zh: '网络不支持所请求的数据业务。', en: 'The requested data service is not supported.', action: A.MOBILE_DATA_ONLY },
  { code: 133, spec: 'requested service option not subscribed', zh: '本号码没有开通所请求的数据业务。', en: 'The requested data service is not subscribed.', action: A.DATA_NOT_SUBSCRIBED },
  { code: 134, spec: 'service option temporarily out of order', zh: '数据业务暂时不可用。', en: 'The data service is temporarily out of order.', action: A.RETRY_LATER },
  { code: 140, spec: 'feature not supported', zh: '网络不支持该数据功能。', en: 'The data feature is not supported.', action: A.MOBILE_DATA_ONLY },
  { code: 141, spec: 'semantic error in the TFT operation', zh: '数据流模板（TFT）操作语义错误。', en: 'Semantic error in the TFT operation.', action: A.MOBILE_DATA_ONLY },
  { code: 142, spec: 'syntactical error in the TFT operation', zh: '数据流模板（TFT）操作语法错误。', en: 'Syntax error in the TFT operation.', action: A.MOBILE_DATA_ONLY },
  { code: 143, spec: 'unknown PDP context', zh: '未知的移动数据上下文。', en: 'Unknown PDP context.', action: A.MOBILE_DATA_ONLY },
  { code: 144, spec: 'semantic errors in packet filter(s)', zh: '数据包过滤器语义错误。', en: 'Semantic error in packet filters.', action: A.MOBILE_DATA_ONLY },
  { code: 145, spec: 'syntactical errors in packet filter(s)', zh: '数据包过滤器语法错误。', en: 'Syntax error in packet filters.', action: A.MOBILE_DATA_ONLY },
  { code: 146, spec: 'PDP context without TFT already activated', zh: '已有不带数据流模板的移动数据上下文。', en: 'A PDP context without TFT is already active.', action: A.MOBILE_DATA_ONLY },
  { code: 148, spec: 'unspecified GPRS error', zh: '移动数据（GPRS）错误。', en: 'Mobile-data (GPRS) error.', action: A.MOBILE_DATA_ONLY },
  { code: 149, spec: 'PDP authentication failure', zh: '移动数据认证失败。', en: 'Mobile-data authentication failed.', action: A.CHECK_APN },
  { code: 150, spec: 'invalid mobile class', zh: '移动台类别无效。', en: 'Invalid mobile class.', action: A.MOBILE_DATA_ONLY },
  // §9.2.2 EPS errors
  { code: 171, spec: 'Last PDN disconnection not allowed', zh: '不允许断开最后一个数据连接。', en: 'The last data connection cannot be closed.', action: A.MOBILE_DATA_ONLY },
  { code: 172, spec: 'Semantically incorrect message', zh: '网络消息语义错误。', en: 'Semantically incorrect network message.', action: A.RETRY_LATER },
  { code: 173, spec: 'Mandatory information element error', zh: '网络消息缺少必需的信息单元。', en: 'A mandatory information element is wrong.', action: A.RETRY_LATER },
  { code: 174, spec: 'Information element non-existent or not implemented', zh: '信息单元不存在或未实现。', en: 'An information element does not exist or is not implemented.', action: A.RETRY_LATER },
  { code: 175, spec: 'Conditional IE error', zh: '条件信息单元错误。', en: 'Conditional information element error.', action: A.RETRY_LATER },
  { code: 176, spec: 'Protocol error, unspecified', zh: '协议错误。', en: 'Protocol error.', action: A.RETRY_LATER },
  { code: 177, spec: 'Operator Determined Barring', zh: '运营商限制了本号码（常见于欠费停机）。', en: 'The operator has barred this line (often for arrears).', action: A.CHECK_ACCOUNT },
  { code: 178, spec: 'maximum number of PDP contexts reached', zh: '移动数据连接数已达上限。', en: 'The maximum number of data connections is reached.', action: A.MOBILE_DATA_ONLY },
  { code: 179, spec: 'requested APN not supported in current RAT and PLMN combination', zh: '当前网络不支持所请求的接入点。', en: 'The requested APN is not supported on this network.', action: A.CHECK_APN },
  { code: 180, spec: 'request rejected, Bearer Control Mode violation', zh: '承载控制模式冲突，请求被拒绝。', en: 'Rejected for violating the bearer control mode.', action: A.MOBILE_DATA_ONLY },
  { code: 181, spec: 'unsupported QCI value', zh: '不支持该服务质量等级（QCI）。', en: 'The QoS class (QCI) is not supported.', action: A.MOBILE_DATA_ONLY },
  { code: 182, spec: 'user data transmission via control plane is congested', zh: '控制面数据传输拥塞。', en: 'Data over the control plane is congested.', action: A.RETRY_LATER },
  // Supplementary-service errors
  { code: 257, spec: 'network rejected request', zh: '网络拒绝了请求。', en: 'The network rejected the request.', action: A.RETRY_LATER },
  { code: 258, spec: 'retry operation', zh: '网络要求重试。', en: 'The network asks to retry.', action: A.RETRY_LATER },
  { code: 259, spec: 'invalid deflected to number', zh: '呼叫转移的目标号码无效。', en: 'Invalid call-deflection number.', action: A.NOT_USED_FOR_SMS },
  { code: 260, spec: 'deflected to own number', zh: '不能把呼叫转移到本机号码。', en: 'A call cannot be deflected to this line itself.', action: A.NOT_USED_FOR_SMS },
  { code: 261, spec: 'unknown subscriber', zh: '未知用户。', en: 'Unknown subscriber.', action: A.CHECK_NUMBER },
  { code: 262, spec: 'service not available', zh: '业务不可用。', en: 'The service is not available.', action: A.CONTACT_10086 },
  { code: 263, spec: 'unknown class specified', zh: '指定的业务类别未知。', en: 'Unknown service class.', action: A.REPORT_BUG },
  { code: 264, spec: 'unknown network message', zh: '未知的网络消息。', en: 'Unknown network message.', action: A.RETRY_LATER },
];

export const CME_RANGES: readonly ErrorRange[] = [
  { from: 0, to: 99, zh: '调制解调器报告错误（{code}）。', en: 'The modem reported error {code}.', action: A.RETRY_THEN_REPLUG },
  { from: 101, to: 150, zh: '移动数据（GPRS）错误（{code}）。', en: 'Mobile-data (GPRS) error ({code}).', action: A.MOBILE_DATA_ONLY },
  { from: 151, to: 170, zh: '集群呼叫（VBS/VGCS）错误（{code}）。', en: 'Group-call (VBS/VGCS) error ({code}).', action: A.NOT_USED_FOR_SMS },
  { from: 171, to: 256, zh: '移动数据或网络协议错误（{code}）。', en: 'Mobile-data or network protocol error ({code}).', action: A.MOBILE_DATA_ONLY },
  { from: 265, to: 511, zh: '调制解调器报告了标准未定义的错误（{code}）。', en: 'The modem reported an error the standard does not define ({code}).', action: A.RETRY_THEN_REPLUG },
  { from: 512, to: Number.MAX_SAFE_INTEGER, zh: '调制解调器厂商自定义的错误（{code}）。', en: 'Manufacturer-specific error ({code}).', action: A.LOOK_UP_VENDOR_CODE },
];

const CME_TABLE = new ErrorTable(CME_ERRORS, CME_RANGES, {
  zh: '调制解调器报告了无法识别的错误（{code}）。',
  en: 'The modem reported an unrecognised error ({code}).',
  action: A.RETRY_THEN_REPLUG,
});

export function explainCme(code: number): ErrorExplanation {
  return CME_TABLE.explain(code);
}

/** The +CME code for a verbose report such as `SIM PIN required` (after AT+CMEE=2), or null. */
export function cmeCodeForName(name: string): number | null {
  return CME_TABLE.codeForName(name);
}
