import type { InstructionCatalog } from '../../src-shared/catalog/catalog';
import { SECRET_MASK } from '../../src-shared/catalog/secrets';
import { hideUnreadableBytes } from '../../src-shared/pdu/unreadable';
import type { HallDb } from './db';
import { joinSlots } from './reassembly';
import type { MessageRow } from './rows';

type Masking = Pick<InstructionCatalog, 'maskSecrets' | 'maskSecretParts'>;

/**
 * Each message's text as an export gives it, in the same order: secrets masked (an export leaves the
 * machine). A long message still missing parts is masked part by part as it stands, so the piece of a
 * password or ID number that a missing part cuts off goes too (`…服务密码已重置为3571` with `08，…` lost,
 * which the whole text's masking does not read as a password). A part the decoder refused goes out without its
 * bytes (`[PDU pdu.unsupported] ******`): the log keeps them, an export cannot tell whether they spell a password.
 */
export async function exportTexts(db: HallDb, messages: readonly MessageRow[], catalog: Masking): Promise<string[]> {
  const incomplete = messages.filter((m) => m.direction === 'in' && !m.complete && m.partKeys.length > 1);
  const keys = incomplete.flatMap((m) => m.partKeys.filter((k): k is string => k !== null));
  const parts = new Map((await db.parts.bulkGet(keys)).flatMap((p) => (p ? [[p.key, p] as const] : [])));
  const cut = new Set(incomplete);
  return messages.map((m) => {
    if (!cut.has(m)) return catalog.maskSecrets(hideUnreadableBytes(m.text, SECRET_MASK));
    const own = m.partKeys.map((k) => (k === null ? null : (parts.get(k) ?? null)));
    const masked = catalog.maskSecretParts(own.map((p) => p?.text ?? null));
    return joinSlots(masked.map((text, i) => (text === null ? null : { text, encoding: own[i]!.encoding })));
  });
}
