/** The AT command layer's pure part: tokenising modem output, result codes, URCs, error tables. */
export { AtLineSplitter, MAX_LINE_LENGTH, type AtToken } from './line-splitter';
export { parseFinalResult, type FinalResult } from './final-result';
export { classifyUrc, isPduLine, isTwoLineHeader, type TwoLineUrc, type Urc } from './urc';
export { explainCms, cmsCodeForName, CMS_ERRORS, CMS_RANGES } from './cms-errors';
export { explainCme, cmeCodeForName, CME_ERRORS, CME_RANGES } from './cme-errors';
export type { ErrorEntry, ErrorExplanation, ErrorRange } from './error-table';
export { redactCommand, responsePrefix, isCallCommand } from './command';
