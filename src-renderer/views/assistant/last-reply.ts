import { Dexie } from 'dexie';
import type { AssistantContext } from '../../../src-shared/assistant';
import { activeCatalog } from '../../catalog/active-catalog';
import { describeFigures } from '../../../src-shared/replies';
import type { HallDb } from '../../store/db';
import { understandMessage } from '../../store/figures';
import { instructionAnswered } from '../../store/pairing';
import type { FigureRow } from '../../store/rows';

/**
 * The latest 10086 reply with figures (on any SIM), in plain words in each language, and the
 * instruction it answers: what 小e explains when asked “what does that mean”.
 */
export async function lastReplyContext(db: HallDb): Promise<AssistantContext['lastReply']> {
  const sims = await db.sims.toCollection().primaryKeys();
  const latest = await Promise.all(
    sims.map((simId) => db.figures.where('[simId+at]').between([simId, Dexie.minKey], [simId, Dexie.maxKey]).last()),
  );
  const newest = latest.reduce<FigureRow | undefined>((a, b) => (b && (!a || b.at > a.at) ? b : a), undefined);
  const message = newest && (await db.messages.get(newest.messageId));
  const understood = message && understandMessage(message);
  if (!message || !understood) return undefined;
  const summary = {
    'zh-Hans': describeFigures(understood, 'zh-Hans'),
    'zh-Hant': describeFigures(understood, 'zh-Hant'),
    en: describeFigures(understood, 'en'),
  };
  if (summary['zh-Hans'] === null || summary['zh-Hant'] === null || summary.en === null) return undefined;
  const instruction = await instructionAnswered(db, message);
  const instructionId = instruction ? activeCatalog().recognize(instruction.text)?.instruction.id : undefined;
  return {
    receivedAt: message.at,
    summary: { 'zh-Hans': summary['zh-Hans'], 'zh-Hant': summary['zh-Hant'], en: summary.en },
    ...(instructionId ? { instructionId } : {}),
  };
}
