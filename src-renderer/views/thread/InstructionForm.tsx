import type { Instruction } from '../../../src-shared/catalog/schema';
import { templateWithLabels } from '../../catalog/param-check';
import { useFocusReturn } from '../../components/focus-return';
import { ParamForm, showErrors, useParamForm } from '../../components/ParamForm';
import type { Outgoing } from '../../core/use-sender';
import { SHORTCUTS } from '../../shell/shortcuts';
import { useI18n } from '../../prefs/PrefsProvider';

/** Its fields' ids start so (one such form is open at a time). */
const FIELD_IDS = 'composer-param';

/**
 * An instruction's parameter form with the SMS it makes, Cancel and Send (Enter in a field sends,
 * Esc cancels). Sending goes through the caller, which asks first for risky instructions. Send with
 * a field still wrong puts the focus on that field; once the form closes, the focus is back where it
 * was when it opened (the composer line, 小e's chip).
 */
export function InstructionForm(props: {
  instruction: Instruction;
  initial: Record<string, string>;
  disabled: boolean;
  onCancel(): void;
  onSend(outgoing: Outgoing): Promise<void>;
  /** What the send button says (default: Send). */
  sendLabel?: string;
}) {
  const { t, lang } = useI18n();
  const form = useParamForm(props.instruction, props.initial);
  // With nothing to fill in (QXGPRS offered by 小e), the form is only the SMS and Send: it says so, not "parameters".
  const title = t(props.instruction.params.length ? 'composer.formTitle' : 'composer.formTitleReady', { name: props.instruction.name[lang] });
  useFocusReturn();
  const submit = () => {
    if (props.disabled) return;
    if (!form.composed) return showErrors(form, FIELD_IDS);
    void props.onSend({ instruction: props.instruction, params: form.composed.params, shown: form.composed.redacted });
  };
  return (
    <div
      className="composer-form"
      role="group"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.nativeEvent.isComposing) return;
        // Enter on a button is that button's own click (Cancel cancels); in a field it sends.
        if (SHORTCUTS.form.send.is(e) && !(e.target instanceof HTMLButtonElement)) {
          e.preventDefault();
          submit();
        } else if (SHORTCUTS.form.cancel.is(e)) {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p className="composer-form-title">{title}</p>
      <ParamForm instruction={props.instruction} form={form} idPrefix={FIELD_IDS} />
      <p className="sms-text">{form.composed ? form.composed.redacted : templateWithLabels(props.instruction, lang)}</p>
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          {t('composer.formCancel')}
        </button>
        {/* With no field to fill, Send takes the focus so that Enter sends. */}
        <button type="button" className="primary" onClick={submit} disabled={props.disabled} autoFocus={props.instruction.params.length === 0}>
          {props.sendLabel ?? t('composer.send')}
        </button>
      </div>
    </div>
  );
}
