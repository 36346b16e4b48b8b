import { HallError, type Bilingual } from '../errors';

const KEEP_CURRENT: Bilingual = {
  zh: '当前指令目录保持不变；请联系更新源的维护者，或稍后再试。',
  en: 'The current instruction catalog stays in use; contact whoever publishes the updates, or try again later.',
};

/** Every refusal of an update says the same thing about what happens next: nothing changes. */
export function bundleError(code: string, text: Bilingual, cause?: unknown, details?: Record<string, unknown>): HallError {
  return new HallError(code, text, { action: KEEP_CURRENT, ...(cause === undefined ? {} : { cause }), ...(details ? { details } : {}) });
}
