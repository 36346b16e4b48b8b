import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { ModemStatus } from '../../src-shared/api/contract';
import type { Instruction } from '../../src-shared/catalog/schema';
import { outgoingText, type RemovedCharacter } from '../../src-shared/catalog/outgoing-text';
import { RemovedNote } from '../components/RemovedNote';
import { activeCatalog } from '../catalog/active-catalog';
import { isServiceSmsPort } from '../../src-shared/catalog/service-numbers';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { MAYBE_SENT_REFUSED } from '../../src-shared/send-failure';
import { splitText } from '../../src-shared/pdu/split';
import { useI18n } from '../prefs/PrefsProvider';
import { useCore } from './CoreProvider';
import { senderLabel } from './modems';
import { useErrorToast } from './toasts';

/**
 * What to send: an instruction with its parameters, or free text typed in the composer. `shown` is
 * the text with its secrets masked. Free text that carries an instruction's secrets (`mmxg 123456
 * 654321`) names it in `carries`: that instruction's confirmation applies, as the core requires. `removed`: what
 * the typed line held that nobody sees, said in the dialog (outgoingText). `to`: the number free text goes to, when it
 * is not 10086's (a reply's buttons send back to its peer).
 */
export type Outgoing =
  | { instruction: Instruction; params: Record<string, string>; shown: string; removed?: RemovedCharacter[] }
  | { text: string; shown: string; carries?: Instruction; removed?: RemovedCharacter[]; to?: string }
  | RetryOf;

/**
 * Retry of a failed instruction (the thread's Retry): confirmed exactly as sending it was, by the
 * instruction its (already masked) text is. `unsure` when it may already have gone out: the dialog
 * opens for it whatever the instruction is, and says so, since a second order, cancellation or
 * password change can be done or charged twice.
 */
export interface RetryOf {
  retry: string;
  shown: string;
  carries?: Instruction;
  unsure: boolean;
  /** What the core will take out of a text journaled before it did (outgoingText): said in the dialog. */
  removed?: RemovedCharacter[];
}

/** The catalog instruction a sent text is, as the composer judges it: the text recognised, else the one whose secrets it carries. */
export function retryOf(commandId: string, text: string, unsure: boolean, to = '10086'): RetryOf {
  const catalog = activeCatalog();
  const carries = catalog.askedAs(text);
  const sent = outgoingSafely(text, to);
  return { retry: commandId, shown: catalog.maskSecrets(sent.text), unsure, ...(carries ? { carries } : {}), ...(sent.removed.length ? { removed: sent.removed } : {}) };
}

/** As the core will send it; a text it would refuse is shown as it is (the core's refusal is then the toast). */
function outgoingSafely(text: string, to: string): { text: string; removed: RemovedCharacter[] } {
  try {
    return outgoingText(text, isServiceSmsPort(to) ? 'service' : 'person');
  } catch {
    return { text, removed: [] };
  }
}

interface Pending {
  outgoing: Outgoing;
  /** The instruction whose question this is; none when only characters nobody sees were taken out. */
  instruction: Instruction | undefined;
  /**
   * The modem and SIM sending when the dialog opened: the dialog says so if another takes over meanwhile, a card swapped
   * in the same modem included (review36: only the port was compared).
   */
  openedWith: Pick<ModemStatus, 'path' | 'simId'>;
  /**
   * Asked after the core refused a fresh send (`send.maybe-sent`): the same one, sent last from this SIM, may have gone
   * out. `confirmed`: whether the first send was already confirmed (its own question), kept for the one that follows.
   */
  again?: { confirmed: boolean };
  resolve(commandId: string | null): void;
}

/**
 * Sends through the given modem. An instruction whose catalog entry asks for confirmation opens
 * a dialog stating the reason, and is sent with `confirmed: true` only after the user agrees.
 * A Retry follows the same rule, and one that may have gone out always asks (see RetryOf). Resolves to the command id, or null when cancelled or refused (the error is shown). One send at a
 * time: while one is asked about or on its way (`busy`), another (a second Enter, a double click) is
 * ignored, so nothing goes out twice by accident.
 */
export function useSender(modem: ModemStatus | null): {
  send(outgoing: Outgoing): Promise<string | null>;
  /**
   * Sends what the caller has already asked about in its own dialog (a reply's menu option, cancel, confirmation word),
   * `confirmed` as that yes was: only the core's refusal of what may have gone out (`send.maybe-sent`) is asked here,
   * in the same dialog as the composer's (mend62: the reply buttons showed it as a toast).
   */
  sendAsked(outgoing: Outgoing, confirmed: boolean): Promise<string | null>;
  busy: boolean;
  dialog: ReactNode;
} {
  const { api } = useCore();
  const { t, lang } = useI18n();
  const reportError = useErrorToast();
  const [pending, setPending] = useState<Pending | null>(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const hold = (on: boolean) => {
    inFlight.current = on;
    setBusy(on);
  };

  const transmit = useCallback(
    async (outgoing: Outgoing, confirmed: boolean, resend = false): Promise<string | null> => {
      if (!modem) return null;
      try {
        if ('retry' in outgoing) return (await api.call('retry', { commandId: outgoing.retry, ...(confirmed ? { confirmed } : {}) })).commandId;
        const what = 'instruction' in outgoing ? { id: outgoing.instruction.id, params: outgoing.params } : { text: outgoing.text, ...(outgoing.to ? { to: outgoing.to } : {}) };
        // The SIM the page shows it going from: a card put in since that the page has not heard of yet refuses it.
        const { commandId } = await api.call('send', {
          modemId: modem.modemId,
          ...what,
          ...(confirmed ? { confirmed } : {}),
          ...(modem.simId ? { simId: modem.simId } : {}),
          ...(resend ? { resend: true as const } : {}),
        });
        return commandId;
      } catch (error) {
        // The same one, sent last from this SIM, may have gone out (the core's rule, mend55): the user is asked, and a
        // yes sends it as that one's retry.
        if (!resend && (error as { code?: unknown }).code === MAYBE_SENT_REFUSED) {
          const instruction = 'instruction' in outgoing ? outgoing.instruction : 'carries' in outgoing ? outgoing.carries : undefined;
          return new Promise<string | null>((resolve) => setPending({ outgoing, instruction, openedWith: { path: modem.path, simId: modem.simId }, again: { confirmed }, resolve }));
        }
        reportError(error);
        return null;
      }
    },
    [api, modem, reportError],
  );

  const send = useCallback(
    (outgoing: Outgoing) => {
      if (inFlight.current || !modem) return Promise.resolve(null);
      hold(true);
      const instruction = 'instruction' in outgoing ? outgoing.instruction : outgoing.carries;
      // Characters taken out (outgoingText) are said before anything goes, and so is a retry of one that may have gone
      // out, whatever it is (review43: an unsure KTCL, which asks nothing when first sent, went again in one click): the core asks too.
      // So is free text that goes as more than one SMS (review47 F-A: a pasted 520-character reply, no suggestion to take,
      // went on Enter as 7 paid parts unasked).
      if (instruction?.risk.confirm || removedFrom(outgoing).length || ('retry' in outgoing && outgoing.unsure) || partsOf(outgoing) > 1) {
        return new Promise<string | null>((resolve) => setPending({ outgoing, instruction, openedWith: { path: modem.path, simId: modem.simId }, resolve }));
      }
      return transmit(outgoing, false).finally(() => hold(false));
    },
    [transmit, modem],
  );

  const sendAsked = useCallback(
    (outgoing: Outgoing, confirmed: boolean) => {
      if (inFlight.current || !modem) return Promise.resolve(null);
      hold(true);
      return transmit(outgoing, confirmed).finally(() => hold(false));
    },
    [transmit, modem],
  );

  const close = (confirmed: boolean) => {
    if (!pending) return;
    setPending(null);
    const sent = confirmed ? transmit(pending.outgoing, pending.again?.confirmed ?? true, pending.again !== undefined) : Promise.resolve(null);
    void sent.then(pending.resolve).finally(() => hold(false));
  };

  const parts = pending ? partsOf(pending.outgoing) : 1;
  const unsure = pending !== null && (pending.again !== undefined || ('retry' in pending.outgoing && pending.outgoing.unsure));
  const dialog = pending && (
    <ConfirmDialog
      title={
        pending.again
          ? t('confirm.retryTitle', { id: pending.instruction?.id ?? pending.outgoing.shown })
          : pending.instruction?.risk.confirm
          ? t('retry' in pending.outgoing ? 'confirm.retryTitle' : 'confirm.title', { id: pending.instruction.id })
          : 'retry' in pending.outgoing && pending.outgoing.unsure
            ? t('confirm.retryTitle', { id: pending.instruction?.id ?? pending.outgoing.shown })
            : parts > 1
              ? t('confirm.partsTitle', { n: parts })
              : t('confirm.removedTitle')
      }
      confirmLabel={t('confirm.send')}
      cancelLabel={t('confirm.cancel')}
      danger
      onConfirm={() => close(true)}
      onCancel={() => close(false)}
    >
      {unsure && <p className="risk confirm-unsure">{t('confirm.unsure')}</p>}
      {pending.again && <p className="confirm-again">{t('confirm.again')}</p>}
      {!pending.again && pending.instruction?.risk.confirm && pending.instruction.risk.reason && <p className="risk">{pending.instruction.risk.reason[lang]}</p>}
      <p>{t('confirm.text', { text: pending.outgoing.shown, to: ('to' in pending.outgoing ? pending.outgoing.to : undefined) ?? pending.instruction?.to ?? '10086' })}</p>
      {parts > 1 && <p className="risk confirm-parts">{t('confirm.parts', { n: parts })}</p>}
      <RemovedNote removed={removedFrom(pending.outgoing)} />
      {modem && <p className="confirm-via">{t('confirm.via', { sender: senderLabel(modem) })}</p>}
      {modem && (modem.path !== pending.openedWith.path || modem.simId !== pending.openedWith.simId) && (
        <p className="field-error confirm-via-changed" role="alert">
          {t('confirm.viaChanged')}
        </p>
      )}
    </ConfirmDialog>
  );
  return { send, sendAsked, busy, dialog };
}

/** The SMS parts typed free text goes out as (split as the core encodes it); an instruction or a retry counts 1. */
function partsOf(outgoing: Outgoing): number {
  return 'text' in outgoing ? splitText(outgoing.text).parts.length : 1;
}

function removedFrom(outgoing: Outgoing): RemovedCharacter[] {
  return 'removed' in outgoing ? (outgoing.removed ?? []) : [];
}
