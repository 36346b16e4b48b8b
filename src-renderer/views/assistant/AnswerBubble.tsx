import type { AssistantAnswer, Chip } from '../../../src-shared/assistant';
import { activeCatalog } from '../../catalog/active-catalog';
import { instructionCode } from '../../catalog/param-check';
import { useI18n } from '../../prefs/PrefsProvider';

/**
 * 小e's answer: its text and notes, then the instructions it offers as chips, or, when it asks
 * which one was meant, the choices as buttons. Chips and choices are buttons: Tab reaches them and
 * Enter opens the chosen instruction's form (nothing is sent from here).
 */
export function AnswerBubble({ answer, onChoose }: { answer: AssistantAnswer; onChoose(chip: Chip): void }) {
  return (
    <div className="bubble-line in">
      <div className="bubble assistant-answer" lang={answer.lang}>
        <p className="bubble-text">{answer.text}</p>
        {answer.notes.map((note) => (
          <p key={note} className="muted assistant-note">
            {note}
          </p>
        ))}
        {answer.kind === 'clarify' ? (
          <div className="assistant-options" role="group" aria-label={answer.text}>
            {answer.options.map((o) => (
              <button key={o.label} type="button" className="assistant-option" onClick={() => onChoose(o.chip)}>
                <span className="assistant-option-label">{o.label}</span>
                <RiskBadge chip={o.chip} />
              </button>
            ))}
          </div>
        ) : (
          answer.chips.length > 0 && (
            <ul className="chips">
              {answer.chips.map((chip) => (
                <li key={chip.id}>
                  <ChipButton chip={chip} onChoose={onChoose} />
                </li>
              ))}
            </ul>
          )
        )}
      </div>
    </div>
  );
}

function ChipButton({ chip, onChoose }: { chip: Chip; onChoose(chip: Chip): void }) {
  return (
    <button type="button" className="chip" data-instruction={chip.id} onClick={() => onChoose(chip)}>
      <span className="chip-head">
        <span className="code">{instructionCode(activeCatalog().require(chip.id))}</span>
        <span className="chip-label">{chip.label}</span>
        <RiskBadge chip={chip} />
      </span>
      <span className="chip-why muted">{chip.why}</span>
    </button>
  );
}

/** 需确认 on what needs a confirmation, a chip or a choice alike; the space before it keeps it a word of the button's name. */
function RiskBadge({ chip }: { chip: Chip }) {
  const { t } = useI18n();
  if (!chip.risk.confirm) return null;
  return (
    <>
      {' '}
      <span className="badge badge-risk">{t('catalog.risky')}</span>
    </>
  );
}
