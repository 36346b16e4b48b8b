import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { Chip } from '../../../src-shared/assistant';
import { activeCatalog } from '../../catalog/active-catalog';
import { activeAssistant } from './active-assistant';
import { useModems, useNoSenderReason } from '../../core/CoreProvider';
import { useErrorToast, useToast } from '../../core/toasts';
import { useSender, type Outgoing } from '../../core/use-sender';
import { useI18n } from '../../prefs/PrefsProvider';
import { useTypedAhead } from '../../shell/typed-ahead';
import { hallDb } from '../../store/db';
import { InstructionForm } from '../thread/InstructionForm';
import { AnswerBubble } from './AnswerBubble';
import { conversation } from './conversation';
import { lastReplyContext } from './last-reply';

/** The chip whose form is open, under the answer (turn) that offered it; turn 0 is the greeting. */
interface Chosen {
  turn: number;
  chip: Chip;
}

/**
 * The thread with 小e, the local assistant: ask in everyday words, get instructions as chips. A
 * chip opens the instruction's form; only its Send button sends, through the same path (and the
 * same confirmation for risky instructions) as everywhere else. Runs entirely in this page.
 */
export default function AssistantThread() {
  const { t, lang } = useI18n();
  const turns = useSyncExternalStore(conversation.subscribe, conversation.snapshot);
  const greeting = useMemo(() => activeAssistant().answer('', lang), [lang]);
  const [question, setQuestion] = useState('');
  // Typed while the thread view was loading (#/assistant opened first): the question's text.
  useTypedAhead((held) => setQuestion((now) => now + held));
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const { sending } = useModems();
  const { send, dialog } = useSender(sending);
  const toast = useToast();
  const reportError = useErrorToast();
  const log = useRef<HTMLDivElement>(null);

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [turns.length, chosen]);

  const ask = (e: FormEvent) => {
    e.preventDefault();
    const asked = question.trim();
    if (!asked) return;
    setQuestion('');
    setChosen(null);
    lastReplyContext(hallDb())
      .then((lastReply) => conversation.add(asked, activeAssistant().answer(asked, lang, { now: new Date(), ...(lastReply ? { lastReply } : {}) })))
      .catch(reportError);
  };

  const sendChosen = async (outgoing: Outgoing) => {
    if (await send(outgoing)) {
      toast('success', t('instr.sent', { text: outgoing.shown }));
      setChosen(null);
    }
  };

  const formFor = (turn: number) =>
    chosen?.turn === turn && (
      <ChosenForm key={`${turn}:${chosen.chip.id}:${JSON.stringify(chosen.chip.params)}`} chip={chosen.chip} canSend={sending !== null} onCancel={() => setChosen(null)} onSend={sendChosen} />
    );

  return (
    <div className="assistant">
      <div ref={log} className="assistant-log" role="log" aria-label={t('assistant.title')} tabIndex={-1}>
        <AnswerBubble answer={greeting} onChoose={(chip) => setChosen({ turn: 0, chip })} />
        {formFor(0)}
        {turns.map((turn) => (
          <div key={turn.id} className="assistant-turn">
            <div className="bubble-line out">
              <div className="bubble">
                <p className="bubble-text">{turn.question}</p>
              </div>
            </div>
            <AnswerBubble answer={turn.answer} onChoose={(chip) => setChosen({ turn: turn.id, chip })} />
            {formFor(turn.id)}
          </div>
        ))}
      </div>
      <form className="composer" onSubmit={ask}>
        <div className="composer-line">
          <input
            type="text"
            aria-label={t('assistant.ask')}
            placeholder={t('assistant.placeholder')}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
          <button type="submit" className="primary" disabled={!question.trim()}>
            {t('assistant.askButton')}
          </button>
        </div>
        <p className="hint">{t('assistant.privacy')}</p>
      </form>
      {dialog}
    </div>
  );
}

function ChosenForm({ chip, canSend, onCancel, onSend }: { chip: Chip; canSend: boolean; onCancel(): void; onSend(outgoing: Outgoing): Promise<void> }) {
  const { t } = useI18n();
  const noSender = useNoSenderReason();
  return (
    <div className="assistant-form">
      {chip.risk.confirm && chip.risk.reason && <p className="callout callout-risk">{chip.risk.reason}</p>}
      <InstructionForm
        instruction={activeCatalog().require(chip.id)}
        initial={chip.params}
        disabled={!canSend}
        onCancel={onCancel}
        onSend={onSend}
        sendLabel={t('assistant.send')}
      />
      {!canSend && <p className="hint">{noSender}</p>}
    </div>
  );
}
