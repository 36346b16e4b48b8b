import { Fragment, useMemo, useState } from 'react';
import type { ParamSpec, ParamType, Instruction } from '../../src-shared/catalog/schema';
import { checkParams, type ParamCheck } from '../../src-shared/catalog/check';
import { HallError } from '../../src-shared/errors';
import type { StringKey } from '../i18n';
import { useI18n } from '../prefs/PrefsProvider';

export interface ParamFormState extends ParamCheck {
  values: Record<string, string>;
  /** The second entry of each password the instruction sets (see repeatedParams), by the parameter's name. */
  again: Record<string, string>;
  touched: ReadonlySet<string>;
  set(name: string, value: string): void;
  setAgain(name: string, value: string): void;
  touch(name: string): void;
  /** Marks every field touched, so that all errors show (e.g. when Send is pressed too early). */
  touchAll(): void;
}

/**
 * The passwords an instruction sets, typed twice: masked, a slip in the new password (MMXG's) would
 * lock the customer out of the password they believe they chose. They are a "change" instruction's
 * passwords after its first, which is the one it proves with.
 */
export function repeatedParams(instruction: Instruction): string[] {
  if (instruction.action !== 'change') return [];
  return instruction.params.filter((p) => p.type === 'password').slice(1).map((p) => p.name);
}

/** The error key of a password's second entry. */
const againKey = (name: string) => `${name}Again`;

const MISMATCH = new HallError('param.mismatch', { zh: '两次输入的新密码不一样，请重新输入。', en: 'The two entries of the new password differ: type it again.' });

/** Values, live validation and the composed SMS of an instruction's parameter form. */
export function useParamForm(instruction: Instruction, initial: Record<string, string> = {}): ParamFormState {
  const [values, setValues] = useState(() =>
    Object.fromEntries(instruction.params.map((p) => [p.name, initial[p.name] ?? ''])),
  );
  const [again, setAgainValues] = useState<Record<string, string>>({});
  // A value given (a month named in the question) is checked at once; one given empty (ZD typed bare in
  // the composer) is not "required" before the user has had a chance to type it.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set(Object.keys(initial).filter((name) => initial[name] !== '')));
  const check = useMemo(() => {
    const checked = checkParams(instruction, values, new Date());
    const differ = repeatedParams(instruction).filter((name) => values[name] !== (again[name] ?? ''));
    if (differ.length === 0) return checked;
    // Nothing to send until both entries agree; the first entry's own error (too short…) is said first.
    return { errors: { ...checked.errors, ...Object.fromEntries(differ.filter((n) => !checked.errors[n]).map((n) => [againKey(n), MISMATCH])) }, composed: null };
  }, [instruction, values, again]);
  return {
    ...check,
    values,
    again,
    touched,
    set: (name, value) => setValues((v) => ({ ...v, [name]: value })),
    setAgain: (name, value) => setAgainValues((v) => ({ ...v, [name]: value })),
    touch: (name) => setTouched((t) => new Set(t).add(name)),
    touchAll: () => setTouched(new Set(instruction.params.flatMap((p) => [p.name, againKey(p.name)]))),
  };
}

/**
 * Send pressed with a field still empty or wrong: every error shows, and the focus goes to the first
 * such field, where the fix is typed (its error is the field's description, so it is read out there).
 */
export function showErrors(form: ParamFormState, idPrefix: string): void {
  form.touchAll();
  const first = Object.keys(form.values)
    .flatMap((name) => [name, againKey(name)])
    .find((name) => form.errors[name]);
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
  const { t, lang } = useI18n();
  const repeated = repeatedParams(instruction);
  return (
    <div className="param-form">
      {instruction.params.map((spec, i) => (
        <Fragment key={spec.name}>
          <ParamField spec={spec} label={spec.label[lang]} name={spec.name} value={form.values[spec.name] ?? ''} onChange={(v) => form.set(spec.name, v)} form={form} id={`${idPrefix}-${spec.name}`} autoFocus={i === 0} />
          {repeated.includes(spec.name) && (
            <ParamField
              spec={spec}
              label={t('param.again', { label: spec.label[lang] })}
              name={againKey(spec.name)}
              value={form.again[spec.name] ?? ''}
              onChange={(v) => form.setAgain(spec.name, v)}
              form={form}
              id={`${idPrefix}-${againKey(spec.name)}`}
              autoFocus={false}
            />
          )}
        </Fragment>
      ))}
    </div>
  );
}

function ParamField(props: { spec: ParamSpec; label: string; name: string; value: string; onChange(value: string): void; form: ParamFormState; id: string; autoFocus: boolean }) {
  const { spec, label, name, value, form, id, autoFocus } = props;
  const { t, bi } = useI18n();
  const error = form.errors[name];
  const showError = error && (form.touched.has(name) || value !== '');
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
      onChange={(e) => props.onChange(e.target.value)}
      onBlur={() => form.touch(name)}
    />
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {spec.secret ? (
        <div className="secret-input">
          {input}
          <button type="button" className="reveal" aria-label={`${t('secret.show')} ${label}`} aria-controls={id} aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
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
