import type { RemovedCharacter } from '../../src-shared/catalog/outgoing-text';
import { removedNote } from '../../src-shared/catalog/outgoing-text';

/**
 * What outgoingText took out of a text before it is sent, said in Chinese and English in a
 * confirmation (the clerk and the customer may not read the same one); nothing when nothing was.
 */
export function RemovedNote({ removed }: { removed: readonly RemovedCharacter[] }) {
  const note = removedNote(removed);
  if (!note) return null;
  return (
    <p className="confirm-removed" lang="zh">
      {note.zh}
      <br />
      <span lang="en">{note.en}</span>
    </p>
  );
}
