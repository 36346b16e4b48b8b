export type Encoding = 'gsm7' | 'ucs2' | '8bit';

/** Concatenation information element (IEI 0x00 with an 8-bit reference, 0x08 with a 16-bit one). */
export interface Concat {
  ref: number;
  part: number;
  total: number;
  refBits: 8 | 16;
}

export type Validity =
  | { format: 'relative'; minutes: number }
  | { format: 'absolute'; timestamp: string }
  /** Enhanced format (TS 23.040 9.2.3.12.3); `seconds` is null when the format carries no period. */
  | { format: 'enhanced'; seconds: number | null };

interface Common {
  /** SMSC number from the PDU ('+8613800100500'); null when the field is empty or has no digits. */
  smsc: string | null;
  /** Originator (deliver), destination (submit), recipient (status report); '+' prefix for international. */
  number: string;
  /** Type-of-address octet, e.g. 0x91 international, 0x81 unknown, 0xD0 alphanumeric. */
  numberType: number;
}

interface Content {
  encoding: Encoding;
  /** For '8bit' each octet becomes one character U+0000..U+00FF (lossless; see `data` for the bytes). */
  text: string;
  /**
   * User data without the UDH: the octets for 'ucs2' and '8bit'; for 'gsm7' the unpacked septets,
   * one per byte (escape septets included), because GSM 7-bit text does not start on an octet boundary.
   */
  data: Uint8Array;
  concat: Concat | null;
  pid: number;
  dcs: number;
}

export interface DeliverPart extends Common, Content {
  type: 'deliver';
  /** ISO 8601 with the offset sent by the service centre, e.g. '2026-11-25T09:30:15+08:00'. */
  timestamp: string;
  statusReportIndication: boolean;
  moreMessagesToSend: boolean;
}

export interface SubmitPart extends Common, Content {
  type: 'submit';
  messageRef: number;
  statusReportRequest: boolean;
  validity: Validity | null;
}

export interface StatusReportPart extends Common {
  type: 'status-report';
  messageRef: number;
  /** When the service centre received the original message. */
  timestamp: string;
  /**
   * When the delivery attempt concluded (or the last attempt, for a pending status); null when the
   * service centre sent none (all seven octets zero), as some do: the status still says what happened.
   */
  dischargeTime: string | null;
  status: number;
  /** Status 0x00-0x1F: the short message transaction completed. */
  delivered: boolean;
  /** Status 0x40-0x7F: the service centre gave up (permanent error, or temporary with no more attempts). */
  failed: boolean;
}

export type DecodedPart = DeliverPart | SubmitPart | StatusReportPart;

export interface EncodedPdu {
  hex: string;
  /** Octets after the SMSC field: the <length> of AT+CMGS / AT+CMGW. */
  tpduLength: number;
  part: number;
  total: number;
}
