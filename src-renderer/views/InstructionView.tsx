import { useEffect, useRef, useState } from 'react';
import type { Instruction } from '../../src-shared/catalog/schema';
import { smsToPayload } from '../../src-shared/catalog/check';
import { paramsNamedIn } from '../../src-shared/catalog/named-month';
import { instructionCode, templateWithLabels } from '../catalog/param-check';
import { DemoBadge } from '../components/DemoBadge';
import { ParamForm, showErrors, useParamForm } from '../components/ParamForm';
import { QrCode } from '../components/QrCode';
import { useModems, useNoSenderReason } from '../core/CoreProvider';
import { senderLabel } from '../core/modems';
import { useToast } from '../core/toasts';
import { useSender } from '../core/use-sender';
import { useI18n } from '../prefs/PrefsProvider';
import { SHORTCUTS } from '../shell/shortcuts';
import { useActiveCatalog } from '../catalog/active-catalog';

/** The parameter fields' ids start so. */
const FIELD_IDS = 'instruction-param';

/** `query`: the catalog search it was opened from; a month it names (查上個月帳單) fills the form, shown and editable. */
export function InstructionView({ id, query, onBack, onOpen, onSent }: { id: string; query: string; onBack(): void; onOpen(id: string): void; onSent(simId: string | null): void }) {
  const { t } = useI18n();
  const instruction = useActiveCatalog().get(id);
  if (!instruction) {
    return (
      <section className="view empty">
        <p>{t('instr.notFound', { id })}</p>
        <button type="button" onClick={onBack}>
          {t('instr.back')}
        </button>
      </section>
    );
  }
  // Keyed by id: another instruction starts with an empty form.
  return <InstructionPage key={instruction.id} instruction={instruction} query={query} onBack={onBack} onOpen={onOpen} onSent={onSent} />;
}

function InstructionPage(props: { instruction: Instruction; query: string; onBack(): void; onOpen(id: string): void; onSent(simId: string | null): void }) {
  const { instruction, onBack, onOpen, onSent } = props;
  const { t, lang } = useI18n();
  const catalog = useActiveCatalog();
  const [named] = useState(() => paramsNamedIn(instruction, props.query, new Date()));
  const form = useParamForm(instruction, named);
  const { sending } = useModems();
  const noSender = useNoSenderReason();
  const { send, busy, dialog } = useSender(sending);
  const toast = useToast();
  const [revealed, setRevealed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const page = useRef<HTMLElement>(null);
  // Opened with Enter from the search, the focus must land on this page: its first field, else its name.
  useEffect(() => {
    if (!page.current?.contains(document.activeElement)) heading.current?.focus();
  }, []);
  const hasSecret = instruction.params.some((p) => p.secret);
  const composed = form.composed;
  const shownText = composed ? (hasSecret && !revealed ? composed.redacted : composed.text) : templateWithLabels(instruction, lang);

  const copy = () => {
    if (!composed) return;
    navigator.clipboard.writeText(composed.text).then(
      // A clipboard history may keep it, and no page can mark it as secret: the user is told.
      () => toast('success', t(composed.redacted === composed.text ? 'instr.copied' : 'instr.copiedSecret')),
      () => toast('error', t('instr.copyFailed')),
    );
  };

  const submit = async () => {
    if (!composed) return showErrors(form, FIELD_IDS);
    // The shortcut works where the disabled button cannot be seen: it says why nothing was sent.
    if (!sending) return toast('error', noSender);
    const commandId = await send({ instruction, params: composed.params, shown: composed.redacted });
    if (commandId) {
      toast('success', t('instr.sent', { text: composed.redacted }));
      onSent(sending.simId);
    }
  };

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.isComposing || document.querySelector('dialog[open]')) return;
      // Esc in a parameter field would throw away what was typed there: it goes back from elsewhere.
      if (SHORTCUTS.instruction.back.is(e) && !(e.target instanceof HTMLInputElement)) onBack();
      else if (SHORTCUTS.instruction.send.is(e)) void submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const links = [
    ...(instruction.opposite ? [{ id: instruction.opposite, label: t('instr.opposite') }] : []),
    ...(instruction.related ?? []).map((rid) => ({ id: rid, label: t('instr.related') })),
  ];

  return (
    <article ref={page} className="view instruction" aria-labelledby="instruction-name">
      <button type="button" className="link back" onClick={onBack}>
        ← {t('instr.back')}
      </button>
      <header className="instruction-header">
        <span className="code code-large">{instructionCode(instruction)}</span>
        <div>
          <h1 id="instruction-name" ref={heading} tabIndex={-1}>
            {instruction.name[lang]}
          </h1>
          <p className="muted">{t('instr.categoryOf', { name: catalog.categoryName(instruction.category, lang) })}</p>
        </div>
      </header>
      <p className="summary">{instruction.summary[lang]}</p>

      {instruction.risk.confirm && instruction.risk.reason && (
        <div className="callout callout-risk" role="note">
          <strong>{t('instr.risk')}</strong>
          <p>{instruction.risk.reason[lang]}</p>
        </div>
      )}
      {instruction.caveats.length > 0 && (
        <div className="callout" role="note">
          <strong>{t('instr.caveats')}</strong>
          <ul>
            {instruction.caveats.map((c) => (
              <li key={c}>{catalog.caveatText(c, lang)}</li>
            ))}
          </ul>
        </div>
      )}

      {instruction.params.length > 0 && (
        <section aria-labelledby="params-heading">
          <h2 id="params-heading">{t('instr.params')}</h2>
          <ParamForm instruction={instruction} form={form} idPrefix={FIELD_IDS} />
        </section>
      )}

      <section className="sms" aria-labelledby="sms-heading">
        <h2 id="sms-heading">{t('instr.sms')}</h2>
        <p className="muted">{t('instr.to', { to: instruction.to })}</p>
        <div className="sms-text-row">
          <output className={composed ? 'sms-text' : 'sms-text pending'} aria-live="polite">
            {shownText}
          </output>
          {composed && hasSecret && (
            <button type="button" className="link" onClick={() => setRevealed((r) => !r)} aria-pressed={revealed}>
              {revealed ? t('instr.conceal') : t('instr.reveal')}
            </button>
          )}
        </div>
        {!composed && <p className="hint">{t('instr.pending')}</p>}
        <div className="actions">
          <button type="button" onClick={copy} disabled={!composed}>
            {t('instr.copy')}
          </button>
          <button type="button" className="primary" onClick={() => void submit()} disabled={!sending || busy} aria-keyshortcuts={SHORTCUTS.instruction.send.keys.join(' ')}>
            {t('instr.send')}
          </button>
          {sending ? (
            <span className="muted">
              {t('instr.sendVia', { modem: senderLabel(sending) })} {sending.demo && <DemoBadge focusable />}
            </span>
          ) : (
            <span className="muted">{noSender}</span>
          )}
        </div>
        <p className="hint">{t('instr.sendKeys')}</p>
      </section>

      {composed && (
        <section className="qr-section" aria-labelledby="qr-heading">
          <h2 id="qr-heading">{t('instr.qr')}</h2>
          {hasSecret && !revealed ? (
            <>
              <p className="muted">{t('instr.qrSecret')}</p>
              <button type="button" onClick={() => setRevealed(true)}>
                {t('instr.qrShow')}
              </button>
            </>
          ) : (
            <>
              <QrCode payload={smsToPayload(composed.to, composed.text)} label={t('instr.qr')} />
              <p className="muted">{t('instr.qrHint')}</p>
            </>
          )}
        </section>
      )}

      {links.length > 0 && (
        <nav className="related" aria-label={t('instr.related')}>
          {links.map((l) => {
            const other = catalog.get(l.id);
            return other ? (
              <button key={l.id} type="button" className="link" onClick={() => onOpen(other.id)}>
                {t('instr.link', { label: l.label, code: instructionCode(other), name: other.name[lang] })}
              </button>
            ) : null;
          })}
        </nav>
      )}
      {dialog}
    </article>
  );
}
