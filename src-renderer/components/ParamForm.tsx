import { useMemo, useState } from 'react';
import type { ParamSpec, ParamType, Instruction } from '../../src-shared/catalog/schema';
import { checkParams, type ParamCheck } from '../../src-shared/catalog/check';
import type { StringKey } from '../i18n';
import { useI18n } from '../prefs/PrefsProvider';

export interface ParamFormState extends ParamCheck {
  values: Record<string, string>;
  touched: ReadonlySet<string>;
  set(name: string, value: string): void;
  touch(name: string): void;
  /** Marks every field touched, so that all errors show (e.g. when Send is pressed too early). */
  touchAll(): void;
}

/** Values, live validation and the composed SMS of an instruction's parameter form. */
export function useParamForm(instruction: Instruction, initial: Record<string, string> = {}): ParamFormState {
  const [values, setValues] = useState(() =>
    Object.fromEntries(instruction.params.map((p) => [p.name, initial[p.name] ?? ''])),
  );
  // A value given (a month named in the question) is checked at once; one given empty (ZD typed bare in
  // the composer) is not "required" before the user has had a chance to type it.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set(Object.keys(initial).filter((name) => initial[name] !== '')));
  const check = useMemo(() => checkParams(instruction, values, new Date()), [instruction, values]);
  return {
    ...check,
    values,
    touched,
    set: (name, value) => setValues((v) => ({ ...v, [name]: value })),
    touch: (name) => setTouched((t) => new Set(t).add(name)),
    touchAll: () => setTouched(new Set(instruction.params.map((p) => p.name))),
  };
}

/**
 * Send pressed with a field still empty or wrong: every error shows, and the focus goes to the first
 * such field, where the fix is typed (its error is the field's description, so it is read out there).
 */
export function showErrors(form: ParamFormState, idPrefix: string): void {
  form.touchAll();
  const first = Object.keys(form.values).find((name) => form.errors[name]);
  if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
}

const HINT_KEYS: Record<ParamType, StringKey> = {
  month: 'paramHint.month',
  password: 'paramHint.password',
  idNumber: 'paramHint.idNumber',
  amount: 'paramHint.amount',
};

/**
 * One field per parameter. Secrets are password inputs (never autofilled or remembered by the
 * browser), masked until the user asks to see them: a clerk checking 18 ID digits against a card
 * must be able to read them. A field's error shows once it has been left or has text.
 */
export function ParamForm({ instruction, form, idPrefix }: { instruction: Instruction; form: ParamFormState; idPrefix: string }) {
  return (
    <div className="param-form">
      {instruction.params.map((spec, i) => (
        <ParamField key={spec.name} spec={spec} form={form} id={`${idPrefix}-${spec.name}`} autoFocus={i === 0} />
      ))}
    </div>
  );
}

function ParamField({ spec, form, id, autoFocus }: { spec: ParamSpec; form: ParamFormState; id: string; autoFocus: boolean }) {
  const { t, lang, bi } = useI18n();
  const value = form.values[spec.name] ?? '';
  const error = form.errors[spec.name];
  const showError = error && (form.touched.has(spec.name) || value !== '');
  const [revealed, setRevealed] = useState(false);
  const input = (
    <input
      id={id}
      type={spec.secret && !revealed ? 'password' : 'text'}
      autoComplete={spec.secret ? 'new-password' : 'off'}
      inputMode={spec.type === 'idNumber' ? 'text' : 'numeric'}
      spellCheck={false}
      autoFocus={autoFocus}
      value={value}
      placeholder={t(HINT_KEYS[spec.type])}
      aria-invalid={showError ? true : undefined}
      aria-describedby={`${id}-note`}
      onChange={(e) => form.set(spec.name, e.target.value)}
      onBlur={() => form.touch(spec.name)}
    />
  );
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label[lang]}</label>
      {spec.secret ? (
        <div className="secret-input">
          {input}
          <button type="button" className="reveal" aria-label={`${t('secret.show')} ${spec.label[lang]}`} aria-controls={id} aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
            {t('secret.show')}
          </button>
        </div>
      ) : (
        input
      )}
      <p id={`${id}-note`} className={showError ? 'field-error' : 'field-note'} role={showError ? 'alert' : undefined}>
        {showError ? bi(error) : spec.secret ? t('instr.secretParam') : '\u00a0'}
      </p>
    </div>
  );
}
