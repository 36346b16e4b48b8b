import type { AssistantContext } from '../../../src-shared/assistant';
import type { Localized } from '../../../src-shared/catalog/schema';
import { describeFigures, type ReplyUnderstanding } from '../../../src-shared/replies';
import { activeCatalog } from '../../catalog/active-catalog';
import { LANGS, translate } from '../../i18n';
import type { HallDb } from '../../store/db';
import { understandMessage } from '../../store/figures';
import { HALL_PEER } from '../../store/incoming-rows';
import { instructionAnswered } from '../../store/pairing';

/** How much of a reply's own text 小e quotes when it could not read figures in it. */
const QUOTE_CHARS = 140;

/**
 * The latest complete 10086 reply (on any SIM), in plain words in each language, and the
 * instruction it answers: what 小e explains when asked “what does that mean”. A reply with figures
 * is told by its figures; any other reply by what happened (done, refused, a confirmation asked),
 * or quoted, so “解释一下刚才的回复” always has an answer once 10086 has written.
 */
export async function lastReplyContext(db: HallDb): Promise<AssistantContext['lastReply']> {
  const message = await db.messages
    .orderBy('at')
    .reverse()
    .filter((m) => m.direction === 'in' && m.complete && m.peer === HALL_PEER)
    .first();
  const understood = message && understandMessage(message);
  if (!message || !understood) return undefined;
  const instruction = await instructionAnswered(db, message);
  const instructionId = instruction ? activeCatalog().recognize(instruction.text)?.instruction.id : undefined;
  return {
    receivedAt: message.at,
    summary: Object.fromEntries(LANGS.map((lang) => [lang, inWords(understood, lang)])) as Localized,
    ...(instructionId ? { instructionId } : {}),
  };
}

function inWords(reply: ReplyUnderstanding, lang: (typeof LANGS)[number]): string {
  const figures = describeFigures(reply, lang);
  if (figures !== null) return figures;
  if (reply.kind === 'outcome') return translate(lang, `lastReply.${reply.outcome}`, { reason: reply.reason ?? '' }).trim();
  if (reply.kind === 'confirm') return translate(lang, 'lastReply.confirm', { word: reply.reply });
  const text = reply.text.length > QUOTE_CHARS ? `${reply.text.slice(0, QUOTE_CHARS)}…` : reply.text;
  return translate(lang, 'lastReply.unread', { text });
}
