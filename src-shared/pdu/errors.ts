import { HallError, type Bilingual } from '../errors';

export type PduErrorCode =
  | 'pdu.odd-hex'
  | 'pdu.bad-hex'
  | 'pdu.truncated'
  | 'pdu.bad-length'
  | 'pdu.bad-udh'
  | 'pdu.bad-address'
  | 'pdu.bad-timestamp'
  | 'pdu.unsupported'
  /** Encoder input that cannot be represented (text outside the chosen alphabet, bad option value). */
  | 'pdu.unencodable';

/** Where in a PDU something went wrong; names follow 3GPP TS 23.040 field names, lower-cased. */
export type PduField =
  | 'hex'
  | 'smsc'
  | 'first-octet'
  | 'message-ref'
  | 'address'
  | 'pid'
  | 'dcs'
  | 'scts'
  | 'validity'
  | 'discharge-time'
  | 'status'
  | 'udl'
  | 'udh'
  | 'ud'
  | 'text'
  | 'options';

const FIELD_LABELS: Record<PduField, Bilingual> = {
  hex: { zh: '十六进制文本', en: 'hex text' },
  smsc: { zh: '短信中心号码', en: 'SMSC address' },
  'first-octet': { zh: '首字节（消息类型）', en: 'first octet (message type)' },
  'message-ref': { zh: '消息参考号', en: 'message reference' },
  address: { zh: '号码', en: 'address' },
  pid: { zh: '协议标识', en: 'protocol identifier' },
  dcs: { zh: '编码方案', en: 'data coding scheme' },
  scts: { zh: '短信中心时间戳', en: 'service-centre timestamp' },
  validity: { zh: '有效期', en: 'validity period' },
  'discharge-time': { zh: '送达时间', en: 'discharge time' },
  status: { zh: '状态', en: 'status' },
  udl: { zh: '用户数据长度', en: 'user data length' },
  udh: { zh: '用户数据头', en: 'user data header' },
  ud: { zh: '用户数据', en: 'user data' },
  text: { zh: '短信正文', en: 'message text' },
  options: { zh: '参数', en: 'options' },
};

const PROBLEMS: Record<PduErrorCode, Bilingual> = {
  'pdu.odd-hex': { zh: '十六进制字符数为奇数', en: 'odd number of hex digits' },
  'pdu.bad-hex': { zh: '含有非十六进制字符', en: 'non-hex character' },
  'pdu.truncated': { zh: '数据不完整（被截断）', en: 'data is truncated' },
  'pdu.bad-length': { zh: '长度不正确', en: 'length is invalid' },
  'pdu.bad-udh': { zh: '用户数据头格式错误', en: 'malformed user data header' },
  'pdu.bad-address': { zh: '号码格式错误', en: 'malformed address' },
  'pdu.bad-timestamp': { zh: '时间戳无效', en: 'invalid timestamp' },
  'pdu.unsupported': { zh: '不支持的格式', en: 'unsupported format' },
  'pdu.unencodable': { zh: '无法编码', en: 'cannot be encoded' },
};

const DECODE_ACTION: Bilingual = {
  zh: '该短信无法解析，原始 PDU 已保留；请检查调制解调器输出，或把它反馈给开发者。',
  en: 'This message could not be read; the raw PDU is kept. Check the modem output or report it to the developers.',
};

/**
 * A PDU could not be decoded or encoded. When decoding, `offset` counts octets from the start of
 * the PDU (SMSC field included), or characters for hex errors; when encoding ('pdu.unencodable')
 * it is the index of the offending character in the input, 0 when no single character is at fault.
 */
export class PduError extends HallError {
  declare readonly code: PduErrorCode;
  readonly field: PduField;
  readonly offset: number;

  constructor(code: PduErrorCode, field: PduField, offset: number, detail?: Bilingual) {
    const label = FIELD_LABELS[field];
    const problem = PROBLEMS[code];
    const decoding = code !== 'pdu.unencodable';
    // Encoder offsets index the caller's input, not the PDU, so only decoding errors show them.
    const whereZh = decoding ? `${label.zh}，偏移 ${offset}` : label.zh;
    const whereEn = decoding ? `${label.en}, offset ${offset}` : label.en;
    super(
      code,
      {
        zh: `短信 PDU 错误（${whereZh}）：${problem.zh}${detail ? `：${detail.zh}` : ''}`,
        en: `SMS PDU error (${whereEn}): ${problem.en}${detail ? `: ${detail.en}` : ''}`,
      },
      { details: { field, offset }, ...(decoding ? { action: DECODE_ACTION } : {}) },
    );
    this.name = 'PduError';
    this.field = field;
    this.offset = offset;
  }
}
