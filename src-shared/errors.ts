/**
 * Every error a user can see carries its text in both Chinese and English, plus a stable code
 * that scripts and tests match on. Stack traces never reach a user: shells print `zh` / `en` only.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export class HallError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Optional advice: what the user can do about it. */
  readonly action: Bilingual | undefined;
  /** Machine-readable extras (field name, offending value, offset...). Never contains secrets. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: string,
    text: Bilingual,
    options: { action?: Bilingual; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(`${text.en} / ${text.zh}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HallError';
    this.code = code;
    this.zh = text.zh;
    this.en = text.en;
    this.action = options.action;
    this.details = options.details;
  }

  /** One line for a terminal or a log, Chinese first (the product's first language). */
  describe(lang: Lang = 'zh-Hans'): string {
    const main = lang === 'en' ? this.en : this.zh;
    const act = this.action ? (lang === 'en' ? this.action.en : this.action.zh) : '';
    return act ? `${main} ${act}` : main;
  }

  toJSON(): { code: string; zh: string; en: string; action?: Bilingual; details?: Record<string, unknown> } {
    return {
      code: this.code,
      zh: this.zh,
      en: this.en,
      ...(this.action ? { action: this.action } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';

export function isHallError(e: unknown): e is HallError {
  return e instanceof HallError;
}

/** Wraps anything thrown into a HallError so shells never show a raw exception. */
export function toHallError(e: unknown): HallError {
  if (e instanceof HallError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new HallError('internal', { zh: `内部错误：${detail}`, en: `Internal error: ${detail}` }, { cause: e });
}
