import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { SEND_TEXT_MAX, type ModemStatus } from '../../../src-shared/api/contract';
import { activeCatalog } from '../../catalog/active-catalog';
import type { Instruction } from '../../../src-shared/catalog/schema';
import { composerSuggestions } from '../../catalog/catalog-search';
import { paramsNamedIn } from '../../../src-shared/catalog/named-month';
import { outgoingText, type OutgoingText, type RemovedCharacter } from '../../../src-shared/catalog/outgoing-text';
import { instructionCode } from '../../catalog/param-check';
import { Highlighted } from '../../components/Highlighted';
import { LinkedSentence } from '../../components/LinkedSentence';
import { useCore } from '../../core/CoreProvider';
import { threadSendBlockedKey } from '../../core/modems';
import { useSender, type Outgoing } from '../../core/use-sender';
import { useErrorToast } from '../../core/toasts';
import { useI18n } from '../../prefs/PrefsProvider';
import { routeHash } from '../../shell/route';
import { InstructionForm } from './InstructionForm';
import { arrowStep, SHORTCUTS } from '../../shell/shortcuts';
import { SecretMask } from './SecretMask';
import { undoKeyLabel } from '../../shell/platform';
import { useTypedAhead } from '../../shell/typed-ahead';

const SUGGESTIONS = 6;

/**
 * Type an instruction (or what you want done) and press Enter. Suggestions from the catalog
 * search appear as you type; one that takes parameters opens its form, whose secret fields are
 * password inputs, so a password is never typed into the visible text line. Text that is no
 * instruction is sent as it is (10086 answers free text too). While the core is out of reach the
 * modem list is only the last one known: nothing can go out, but the line stays open and keeps what
 * is typed until it is back.
 */
export function Composer({ modem }: { modem: ModemStatus | null }) {
  const { t, lang } = useI18n();
  const { connection, reach } = useCore();
  const reached = connection === 'open';
  const through = reached ? modem : null;
  const { send, busy, dialog } = useSender(through);
  const reportError = useErrorToast();
  const [text, setText] = useState('');
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(0);
  const [form, setForm] = useState<{ instruction: Instruction; initial: Record<string, string> } | null>(null);
  // Typed while the thread was loading (before this line was there): the line's text, as if typed in it.
  useTypedAhead((held) => setText((now) => now + held));

  const typed = useMemo(() => activeCatalog().recognize(text), [text]);
  // A password typed whole (MMXG#123456#654321) is covered on screen as soon as it is recognised:
  // at a hall desk the customer's password must not stand in clear while it is typed.
  const secrets = useMemo(() => activeCatalog().secretSpans(text), [text]);
  const line = useRef<HTMLInputElement>(null);
  const [scrollLeft, setScrollLeft] = useState(0);
  const followScroll = () => setScrollLeft(line.current?.scrollLeft ?? 0);
  // The line scrolls as the caret moves past its end; the cover follows after each change.
  useLayoutEffect(followScroll, [text]);
  const suggestions = useMemo(() => (dismissed ? [] : composerSuggestions(text, SUGGESTIONS)), [text, dismissed]);
  // Text that already is an instruction is sent on Enter; otherwise Enter takes the highlighted suggestion.
  const highlighted = typed ? -1 : Math.min(active, suggestions.length - 1);

  const clear = () => {
    setText('');
    setActive(0);
    setDismissed(false);
  };
  // What Esc last cleared, until something is typed: the browser's own undo knows nothing of a line React emptied.
  const [cleared, setCleared] = useState<string | null>(null);

  const dispatch = async (outgoing: Outgoing) => {
    if (await send(outgoing)) clear();
  };

  /**
   * Sends it, or opens the form when it still needs (or contains secret) parameters. `removed`: what the typed line
   * held that nobody sees (Y\u200BE is recognised as YE), said in the dialog before it goes (review25).
   */
  const take = (instruction: Instruction, params: Record<string, string>, whole: boolean, removed: RemovedCharacter[] = []) => {
    const told = removed.length ? { removed } : {};
    if (instruction.params.length === 0) {
      if (whole) void dispatch({ instruction, params: {}, shown: instruction.template, ...told });
      else {
        setText(instruction.template);
        setDismissed(true);
      }
      return;
    }
    const secret = instruction.params.some((p) => p.secret);
    if (whole && !secret) {
      const composed = safeCompose(instruction, params);
      if (composed) return void dispatch({ instruction, params: composed.params, shown: composed.redacted, ...told });
    }
    // A month the text names (查上个月账单) fills the form, where it is seen and can be changed before sending.
    setForm({ instruction, initial: { ...paramsNamedIn(instruction, text, new Date()), ...params } });
    clear();
  };

  /** Enter without a suggestion: the typed instruction, or the text as it is. */
  const length = text.trim().length;
  const tooLong = !typed && length > SEND_TEXT_MAX;
  const submitTyped = () => {
    if (tooLong || !through || !text.trim()) return;
    // Sent as typed but for what nobody sees (direction overrides, zero-width characters, variation
    // selectors, emoji tags: outgoingText, as the core sends it), so the confirmation shows exactly what
    // goes out and says what was taken out; a blank-looking letter between two characters is refused.
    // Also for a line the catalog recognises: it reads through such characters (Y\u200BE is YE), and the user
    // is told what the line held before YE goes (review25).
    let out: OutgoingText;
    try {
      out = outgoingText(text, 'service');
    } catch (error) {
      reportError(error);
      return;
    }
    if (typed) take(typed.instruction, typed.params, true, out.removed);
    else {
      // Shown and kept masked, and confirmed like the instruction it is written as (`TJ。`) or whose secrets it carries.
      const sent = out.text;
      const carries = activeCatalog().askedAs(sent);
      void dispatch({ text: sent, shown: activeCatalog().maskSecrets(sent), ...(carries ? { carries } : {}), ...(sent && out.removed.length ? { removed: out.removed } : {}) });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const pick = highlighted >= 0 ? suggestions[highlighted] : undefined;
    const keys = SHORTCUTS.composer;
    if (keys.choose.is(e) && suggestions.length) {
      e.preventDefault();
      const step = arrowStep(e);
      setActive((Math.max(highlighted, 0) + step + suggestions.length) % suggestions.length);
    } else if (keys.close.is(e)) {
      e.preventDefault();
      if (suggestions.length) setDismissed(true);
      else {
        // Never a password back: at a desk the next customer's clerk presses Ctrl+Z too.
        setCleared(text.trim() && secrets.length === 0 ? text : null);
        clear();
      }
    } else if (keys.undo.is(e) && cleared !== null && !text) {
      e.preventDefault();
      setText(cleared);
      setCleared(null);
      setDismissed(true);
    } else if ((keys.take.is(e) && pick) || keys.send.is(e)) {
      e.preventDefault();
      if (pick) take(pick.instruction, pick.params ?? {}, false);
      else submitTyped();
    }
  };

  const disabled = !through;
  return (
    <div className="composer">
      {form && (
        <InstructionForm
          key={form.instruction.id}
          instruction={form.instruction}
          initial={form.initial}
          disabled={disabled || busy}
          onCancel={() => setForm(null)}
          onSend={async (outgoing) => {
            if (await send(outgoing)) setForm(null);
          }}
        />
      )}
      {suggestions.length > 0 && (
        <ul id="composer-suggestions" className="suggestions" role="listbox" aria-label={t('composer.suggestions')}>
          {suggestions.map((s, i) => (
            <li
              key={s.id}
              id={`composer-suggestion-${i}`}
              role="option"
              aria-selected={i === highlighted}
              className={i === highlighted ? 'suggestion active' : 'suggestion'}
              onMouseDown={(e) => {
                e.preventDefault();
                take(s.instruction, s.params ?? {}, false);
              }}
            >
              <span className="code">{instructionCode(s.instruction)}</span>
              <Highlighted text={s.instruction.name[lang]} query={text} />
            </li>
          ))}
        </ul>
      )}
      <div className="composer-line">
        <div className="composer-field">
          <input
            ref={line}
            type="text"
            className={secrets.length ? 'composer-masked' : undefined}
            role="combobox"
            aria-label={t('composer.label')}
            aria-expanded={suggestions.length > 0}
            aria-controls={suggestions.length > 0 ? 'composer-suggestions' : undefined}
            aria-activedescendant={highlighted >= 0 && suggestions.length ? `composer-suggestion-${highlighted}` : undefined}
            aria-autocomplete="list"
            aria-invalid={tooLong ? true : undefined}
            aria-describedby="composer-note"
            placeholder={t('composer.placeholder')}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={text}
            disabled={reach !== 'lost' && !modem}
            onChange={(e) => {
              setText(e.target.value);
              setCleared(null);
              setDismissed(false);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onScroll={followScroll}
            onSelect={followScroll}
          />
          {secrets.length > 0 && <SecretMask text={text} spans={secrets} scrollLeft={scrollLeft} />}
        </div>
        <button
          type="button"
          className="primary"
          disabled={disabled || busy || !text.trim() || tooLong}
          onClick={() => {
            // The line has the focus while it is sent: the button is disabled meanwhile and once the line is
            // cleared, and a disabled button drops the focus to the page's start (Tab to Send, Enter: lost).
            line.current?.focus();
            submitTyped();
          }}
        >
          {t('composer.send')}
        </button>
      </div>
      {tooLong ? (
        <p id="composer-note" className="field-error" role="alert">
          {t('composer.tooLong', { max: SEND_TEXT_MAX, n: length })}
        </p>
      ) : (
        <p id="composer-note" className="hint">
          {secrets.length > 0 && <span className="composer-secret-note">{t('composer.secretMasked')} </span>}
          <span role="status">{cleared !== null && !text ? t('composer.cleared', { undo: undoKeyLabel() }) : ''}</span>
          {cleared !== null && !text ? '' : t(threadSendBlockedKey(through, reach) ?? 'composer.keys')}
        </p>
      )}
      {modem?.demo && <DemoNote />}
      {dialog}
    </div>
  );
}

/**
 * On the demo modem's thread, in words: its SMS go nowhere and its 10086 is the emulator, so a balance it
 * answers is not the customer's. A DEMO badge explained on hover was all a newcomer had on a first start.
 */
function DemoNote() {
  const { t } = useI18n();
  return (
    <LinkedSentence className="muted demo-note" say={(link) => t('composer.demo', { link })}>
      <a href={routeHash({ view: 'modem' })}>{t('nav.modem')}</a>
    </LinkedSentence>
  );
}

function safeCompose(instruction: Instruction, params: Record<string, string>) {
  try {
    return activeCatalog().compose(instruction.id, params);
  } catch {
    return null;
  }
}
