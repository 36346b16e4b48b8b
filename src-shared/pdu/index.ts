/** SMS PDU codec (3GPP TS 23.040 / 23.038): pure TypeScript over Uint8Array, for Node and browsers. */
export type {
  Concat,
  DecodedPart,
  DeliverPart,
  EncodedPdu,
  Encoding,
  StatusReportPart,
  SubmitPart,
  Validity,
} from './types';
export { decodePdu, decodePduBytes, type DecodeOptions } from './decode';
export {
  encodeDeliver,
  encodeDeliverParts,
  encodeStatusReport,
  encodeSubmit,
  type DeliverOptions,
  type DeliverPartsOptions,
  type StatusReportOptions,
  type SubmitOptions,
} from './encode';
export { chooseEncoding, MAX_PARTS, splitText, type SplitText } from './split';
export { reassemble, type AssembledMessage } from './reassemble';
export { PduError, type PduErrorCode, type PduField } from './errors';
export { bytesToHex, hexToBytes } from './hex';
export { hideUnreadableBytes, keptUnreadableText, misfitText, rekeptUnreadableText } from './unreadable';
export { isAlphanumericAddress, TOA_ALPHANUMERIC, TOA_INTERNATIONAL, TOA_UNKNOWN } from './address';
