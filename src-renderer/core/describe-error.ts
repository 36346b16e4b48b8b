import type { Bilingual } from '../../src-shared/errors';
import type { I18n } from '../i18n';

export interface Described {
  code: string;
  text: string;
  action?: string;
}

function isBilingual(value: unknown): value is Bilingual {
  return typeof value === 'object' && value !== null && typeof (value as Bilingual).zh === 'string' && typeof (value as Bilingual).en === 'string';
}

/** Names of the storage errors a user can do something about (Dexie passes IndexedDB's through, or wraps them as `inner`). */
const STORAGE_ERRORS = { QuotaExceededError: 'error.quota', VersionError: 'error.version' } as const;

/**
 * Names only IndexedDB and Dexie give their errors: "the local log cannot be opened" is true of
 * these, not of a TypeError or a file that could not be read.
 */
const STORAGE_NAMES = new Set([
  'AbortError', 'ConstraintError', 'DataCloneError', 'DataError', 'InvalidAccessError', 'InvalidStateError', 'NotFoundError',
  'ReadOnlyError', 'TransactionInactiveError', 'UnknownError', 'DatabaseClosedError', 'OpenFailedError', 'MissingAPIError',
  'NoSuchDatabaseError', 'InvalidTableError', 'UpgradeError', 'BulkError', 'ModifyError', 'PrematureCommitError', 'SchemaError',
  'SubTransactionError', 'TimeoutError', 'InternalError',
]);

/**
 * What to show for anything thrown: a HallError (or its wire form) in the user's language, a
 * storage error in plain words, anything else as a generic sentence. Never a stack or a raw message.
 */
export function describeError(error: unknown, i18n: I18n): Described {
  if (isBilingual(error)) {
    const { code, action } = error as { code?: unknown; action?: unknown };
    return {
      code: typeof code === 'string' ? code : 'error',
      text: i18n.bi(error),
      ...(isBilingual(action) ? { action: i18n.bi(action) } : {}),
    };
  }
  const names = [errorName(error), errorName((error as { inner?: unknown } | null)?.inner)];
  for (const name of names) {
    if (name && name in STORAGE_ERRORS) return { code: name, text: i18n.t(STORAGE_ERRORS[name as keyof typeof STORAGE_ERRORS]) };
  }
  if (names[0] && STORAGE_NAMES.has(names[0])) return { code: names[0], text: i18n.t('error.storage', { name: names[0] }) };
  return { code: names[0] ?? 'error', text: i18n.t('error.generic') };
}

function errorName(error: unknown): string | null {
  return error instanceof Error || error instanceof DOMException ? error.name : null;
}
