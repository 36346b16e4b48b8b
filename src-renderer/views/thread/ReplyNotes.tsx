import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { builtinReplyRules, describeFigures, optionChangesAccount, type ConfirmRequest, type MenuOption, type SubscribedService } from '../../../src-shared/replies';
import { invisibleRemoved, outgoingText } from '../../../src-shared/catalog/outgoing-text';
import { toHallError } from '../../../src-shared/errors';
import { RemovedNote } from '../../components/RemovedNote';
import { actionsSentBack, catalogSaysChanges, knownAs, mayCancelWith, oneClickCode } from '../../../src-shared/catalog/sent-back';
import { activeCatalog } from '../../catalog/active-catalog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCore, useModems } from '../../core/CoreProvider';
import { modemForSim, simLabel, threadSendBlockedKey } from '../../core/modems';
import { useSender } from '../../core/use-sender';
import type { StringKey } from '../../i18n';
import { useI18n } from '../../prefs/PrefsProvider';
import { hallDb } from '../../store/db';
import { understandMessage } from '../../store/figures';
import { instructionAnswered } from '../../store/pairing';
import { answeredWith, writtenSince } from '../../store/queries';
import { actionsAsked, optionChanges, type ActionAsked } from '../../store/actions-asked';
import { timeOfDay } from './day';
import type { MessageRow } from '../../store/rows';
import { routeHash } from '../../shell/route';
import { useOpenQuestion } from './open-questions';

/**
 * Under a 10086 reply: its figures in one line (marked when the rules were unsure); when 10086 asks
 * for a confirmation, a button that sends the word it asks for, after asking; a numbered menu as
 * buttons that send their number on a click; a list of subscribed services with each fee and a
 * cancel button (after asking); a search for what was sent when 10086 did not know the instruction.
 * Nothing for a reply that was not understood: its text is all there is.
 */
export function ReplyNotes({ reply }: { reply: MessageRow }) {
  const { t, lang } = useI18n();
  const understood = useMemo(() => understandMessage(reply), [reply]);
  if (!understood) return null;
  if (understood.kind === 'confirm') return <ConfirmReplyButton reply={reply} request={understood} />;
  if (understood.kind === 'menu') return <MenuButtons reply={reply} menu={understood.menu} />;
  if (understood.kind === 'services') return <ServiceList reply={reply} services={understood.services} cancel={understood.cancelByNumber} />;
  if (understood.kind === 'outcome') {
    // "您是否想要：1.查询余额 2.查询账单…": the options 10086 suggests, under the search for what was sent.
    const options = understood.menu.length > 0 && <MenuButtons reply={reply} menu={understood.menu} />;
    // 您发送的指令有误: said in the reader's language first, then the search for what was sent.
    if (understood.template === 'wrong-instruction') {
      return (
        <>
          <p className="bubble-figures bubble-outcome" data-outcome="failure">
            {t('reply.failedUnknown')}
          </p>
          <SearchWhatWasSent reply={reply} />
          {options}
        </>
      );
    }
    // A failure in the reader's language (原服务密码不正确，密码修改失败 → "Not done: the password was wrong"),
    // with what 10086 suggests after it: an English reader otherwise sees only Chinese.
    if (understood.outcome === 'failure') {
      return (
        <>
          <p className="bubble-figures bubble-outcome" data-outcome="failure">
            {t(FAILURE_NOTES[understood.template] ?? 'reply.failed')}
          </p>
          {options}
        </>
      );
    }
    if (options) return options;
  }
  const line = describeFigures(understood, lang);
  if (understood.kind !== 'figures' || !line) return null;
  return (
    <>
      <p className="bubble-figures">
        {line}
        {understood.confidence === 'unsure' && <span className="badge badge-risk">{t('reply.unsure')}</span>}
      </p>
      {understood.menu.length > 0 && <MenuButtons reply={reply} menu={understood.menu} />}
      {understood.services && <ServiceList reply={reply} services={understood.services} cancel={understood.cancelByNumber ?? false} />}
    </>
  );
}

/** Failures whose reason the reply's template says (replies.json outcomes); any other failure reads 'reply.failed'. */
const FAILURE_NOTES: Record<string, StringKey> = {
  'wrong-password': 'reply.failedPassword',
  suspended: 'reply.failedSuspended',
  'nothing-to-confirm': 'reply.failedNothingToConfirm',
};

/**
 * Sends a text back to the peer of a reply, from the SIM it came to (`onSent` once the core took it); reports a failure once.
 * `blocked`: why nothing can go back now (the core out of reach, the SIM's modem not ready), null when it can. Through
 * the composer's sender (useSender): a refusal because the same text may have gone out is asked in its dialog, which
 * the caller renders (`dialog`), and one send at a time.
 */
function useSendBack(reply: MessageRow): { send: (text: string, onSent?: () => void, confirmed?: boolean) => void; canSend: boolean; blocked: string | null; dialog: ReactNode } {
  const { reach } = useCore();
  const { modems } = useModems();
  const { t } = useI18n();
  const modem = modemForSim(modems, reply.simId);
  // It read `modem !== undefined`, true for modemForSim's null: the buttons looked ready and a press did nothing.
  const blockedKey = threadSendBlockedKey(modem, reach);
  const { sendAsked, dialog } = useSender(modem);
  // `confirmed`: the user said yes to this exact text in a dialog, so a risky instruction (QXCL cancels a service) goes out.
  const send = (text: string, onSent?: () => void, confirmed = false) => {
    if (!modem || blockedKey) return;
    void sendAsked({ text, shown: activeCatalog().maskSecrets(text), to: reply.peer }, confirmed).then((commandId) => commandId !== null && onSent?.());
  };
  return { send, canSend: blockedKey === null, blocked: blockedKey && t(blockedKey), dialog };
}

/**
 * Whether the peer has written since `reply` (a reply sent now answers that newer message); undefined
 * until the log has said. A number sent before it is known is asked about as if it had (`?? true`).
 */
function useWrittenSince(reply: MessageRow): boolean | undefined {
  return useLiveQuery(() => writtenSince(hallDb(), reply), [reply.id, reply.at]);
}

/** What the peer's messages to this SIM lately (the reply aside) make a text sent back do; undefined until the log has said. */
function useActionsAsked(reply: MessageRow): ActionAsked[] | undefined {
  return useLiveQuery(() => actionsAsked(hallDb(), reply), [reply.id, reply.simId, reply.peer]);
}

/**
 * A numbered menu: each option a button that sends its number, only when clicked; an option that
 * changes the account (开通10元1GB, 退订彩铃) is asked about first, as a cancel in a service list is.
 */
function MenuButtons({ reply, menu }: { reply: MessageRow; menu: MenuOption[] }) {
  const { t, lang } = useI18n();
  // An option that is an instruction's code (您发送的指令有误…查余额发YE) is named as the catalog names it in
  // the reader's language; 10086's own words are Simplified Chinese, right for the zh-Hans reader only.
  const label = (o: MenuOption) => (lang === 'zh-Hans' ? undefined : activeCatalog().get(o.n)?.name[lang]) ?? o.label;
  const { send, canSend, blocked, dialog } = useSendBack(reply);
  const why = useId();
  const [asking, setAsking] = useOpenQuestion<MenuOption>(reply.id, 'menu');
  // Once 10086 has written again, its number answers that newer message (a cancel list's 1 cancels),
  // so even a look-up of this menu is asked about, saying why.
  const stale = useWrittenSince(reply) ?? true;
  // A code the catalog knows as more than a look-up (查余额请发KTCL: KTCL orders 彩铃) is asked about under the catalog's
  // name: the label is the reply's word, and a reply under 10086's number may be a fake base station's (review23).
  const catalogChange = (o: MenuOption) => (catalogSaysChanges(activeCatalog(), o.n) ? knownAs(activeCatalog(), o.n) : null);
  // A number that confirms, orders or cancels by an earlier message still open (回复1确认订购, 回复序号退订) may do that:
  // 10086 reads it against its latest real message, which this menu (a fake base station's, say) need not be. Asked,
  // saying which (review25). So is a code the catalog does not know (QXSJB): its label is the reply's word only.
  const asked = useActionsAsked(reply);
  const mayAct = (o: MenuOption) => asked === undefined || actionsSentBack(o.n, asked, Date.now()).length > 0 || !oneClickCode(activeCatalog(), o.n);
  // A code holding what nobody sees is asked about too: the dialog says what is taken out (review24).
  // Pressed while nothing can go back: nothing happens (the button says why, see below).
  const choose = (o: MenuOption) => (!canSend ? undefined : stale || optionChanges(o) || mayAct(o) || sentBack(o.n).removed.length ? setAsking(o) : send(o.n));
  const menuQuestion = (o: MenuOption) => {
    const known = catalogChange(o);
    if (known) return t('reply.menuChangesTitle', { label: known.name[lang], n: o.n, to: reply.peer });
    return !optionChangesAccount(o, builtinReplyRules())
      ? t('reply.menuStaleTitle', { label: o.label, n: o.n, to: reply.peer })
      : // Asked for what the menu's cue says (回复序号办理), not the label (流量包): the cue is quoted.
        o.cue && !optionChangesAccount({ n: o.n, label: o.label }, builtinReplyRules())
        ? t('reply.menuCueChangesTitle', { cue: o.cue, label: o.label, n: o.n, to: reply.peer })
        : t('reply.menuChangesTitle', { label: o.label, n: o.n, to: reply.peer });
  };
  return (
    <>
      <ul className="reply-menu" aria-label={t('reply.menu')}>
        {menu.map((o) => (
          <li key={o.n}>
            {/* Not `disabled` while nothing can go back: a disabled button is skipped by Tab and a screen reader
                user could not reach it to hear why. Focusable, aria-disabled, described by the reason. */}
            <button
              type="button"
              onClick={() => choose(o)}
              aria-disabled={!canSend || undefined}
              aria-describedby={blocked ? why : undefined}
              title={t('reply.menuSend', { n: o.n, to: reply.peer })}
            >
              <span className="reply-menu-n">{o.n}</span> {label(o)}
            </button>
          </li>
        ))}
      </ul>
      {blocked && (
        <p id={why} className="hint reply-menu-blocked">
          {blocked}
        </p>
      )}
      {asking && canSend && <AskBeforeSending reply={reply} text={asking.n} title={menuQuestion(asking)} stale={stale} send={send} onClose={() => setAsking(null)} />}
      {dialog}
    </>
  );
}

/**
 * The services the number pays for, each with its fee; cancelling sends, after asking, what the reply says cancels the entry
 * (QX1, QXSJB: `cancelText`) or else its bare number when the reply says a number cancels.
 */
function ServiceList({ reply, services, cancel }: { reply: MessageRow; services: SubscribedService[]; cancel: boolean }) {
  const { t } = useI18n();
  const { send, canSend, blocked, dialog } = useSendBack(reply);
  const why = useId();
  const stale = useWrittenSince(reply) ?? true;
  // Only an entry with a number can be cancelled by sending it back.
  const [asking, setAsking] = useOpenQuestion<{ n: string; name: string }>(reply.id, 'cancel');
  return (
    <>
      <ul className="reply-services" aria-label={t('reply.services')}>
        {services.map(({ n, name, fee, cancelText }) => {
          const said = cancelText ?? (cancel ? n : null);
          // A "cancel" the catalog knows as an order or as 停机 (退订回复KTCL, 退订回复TJ) is not offered (review23).
          const sent = said !== null && mayCancelWith(activeCatalog(), said) ? said : null;
          return (
            <li key={`${n ?? ''} ${name}`}>
              <span className="reply-service-name">{name}</span> <span className="muted">{fee}</span>
              {sent !== null && (
                // Focusable while nothing can go back, saying why (as the menu's buttons): a press does nothing then.
                <button type="button" className="reply-service-cancel" aria-disabled={!canSend || undefined} aria-describedby={blocked ? why : undefined} onClick={() => canSend && setAsking({ n: sent, name })}>
                  {t('reply.serviceCancel')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {blocked && (
        <p id={why} className="hint reply-menu-blocked">
          {blocked}
        </p>
      )}
      {asking && canSend && <AskBeforeSending reply={reply} text={asking.n} title={t('reply.serviceCancelTitle', { name: asking.name })} stale={stale} send={send} onClose={() => setAsking(null)} />}
      {dialog}
    </>
  );
}

/**
 * Sends `text` back to the reply's peer once the user says yes (a menu option, a service cancel, a
 * confirmation word); says so when the peer has written since (`stale`).
 */
function AskBeforeSending(props: { reply: MessageRow; text: string; title: string; stale: boolean; send: (text: string, onSent?: () => void, confirmed?: boolean) => void; onClose: () => void }) {
  const { reply, stale, send, onClose } = props;
  const { t, lang } = useI18n();
  // Shown as it goes out: the core drops direction overrides and zero-width characters from what it sends, and one left
  // in a reply's word or label (请回复“是\u202E”确认) would draw the rest of the dialog, 到 10086 with it, reversed (review23).
  // Sent as outgoingText gives it (review24): what was removed is said, a blank-looking letter inside refused.
  const { text, removed, refused } = sentBack(props.text);
  const title = invisibleRemoved(props.title, 'service');
  // What the catalog knows the text to do, beside the reply's words: 手机报's "cancel" that is QXCL cancels 彩铃 (review23).
  const known = knownAs(activeCatalog(), text);
  // The latest earlier message still open whose action this text may do instead (a menu's 1 after 回复1确认订购: review25).
  const acts = actionsSentBack(text, useActionsAsked(reply) ?? [], Date.now()).at(-1);
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={t('confirm.send')}
      cancelLabel={t('confirm.cancel')}
      danger
      onConfirm={() => {
        if (!refused) send(text, undefined, true);
        onClose();
      }}
      onCancel={onClose}
    >
      <p>{t('confirm.text', { text, to: reply.peer })}</p>
      <RemovedNote removed={removed} />
      {refused && (
        <p className="field-error" role="alert">
          {refused.zh} {refused.en}
        </p>
      )}
      {known && (
        <p className="reply-catalog-says">
          {t('reply.catalogSays', { code: text, name: known.name[lang] })}
          {known.risk.reason && ` ${known.risk.reason[lang]}`}
        </p>
      )}
      {acts && (
        <p className="field-error reply-confirms-request" role="alert">
          {t(acts.does === 'confirms' ? 'reply.confirmsRequest' : 'reply.actsOnRequest', { to: reply.peer, time: timeOfDay(acts.receivedAt, lang), word: text, request: excerpt(invisibleRemoved(acts.text, 'service')) })}
        </p>
      )}
      {!known && !/^\d+$/.test(text) && <p className="reply-catalog-unknown">{t('reply.catalogUnknown', { code: text, to: reply.peer })}</p>}
      {/* Which SIM pays for what is sent (and has the service cancelled): a hall holds many. */}
      <p>{t('reply.sendsFromSim', { sim: simLabel(reply.simId) })}</p>
      {stale && <p className="field-error">{t('reply.writtenSince', { to: reply.peer })}</p>}
    </ConfirmDialog>
  );
}

/** 10086 did not know what was sent: offer the catalog search with that text. */
function SearchWhatWasSent({ reply }: { reply: MessageRow }) {
  const { t } = useI18n();
  const sent = useLiveQuery(() => instructionAnswered(hallDb(), reply), [reply.id]);
  if (!sent) return null;
  return (
    <p className="bubble-actions">
      <a href={routeHash({ view: 'search', q: sent.text })}>{t('reply.searchSent', { text: sent.text })}</a>
    </p>
  );
}

function ConfirmReplyButton({ reply, request }: { reply: MessageRow; request: ConfirmRequest }) {
  const { t } = useI18n();
  const { send: sendBack, canSend, blocked, dialog } = useSendBack(reply);
  const why = useId();
  const [question, setQuestion] = useOpenQuestion<true>(reply.id, 'confirm');
  const asking = question !== null;
  const setAsking = (on: boolean) => setQuestion(on ? true : null);
  // The word as it goes out and as the log keeps it: the core drops a direction override or a zero-width character
  // (请回复“是\u202E”确认), so the button, the dialog and "answered" all read it without them (review23).
  const word = sentBack(request.reply).text;
  // From the log, not from this button's memory: a row scrolled away and back (or a reload) must
  // not offer to send the word again.
  const answeredNow = useLiveQuery(() => answeredWith(hallDb(), reply, word), [reply.id, word]);
  const answered = answeredNow ?? true;
  // Unknown until the log says: the button stays (disabled) meanwhile. Taken as written since, the newest
  // request would flash "superseded" before its button, again each time the list remounts its row.
  const stale = useWrittenSince(reply);
  // Sent from here, until the log shows it (answered): the button must not come back in between.
  const [sent, setSent] = useState(false);
  const expired = request.deadline !== null && Date.now() > request.deadline.until;

  // The word goes only while the button would: not once the log shows it answered, nor past its deadline,
  // nor before the log has said whether 10086 has written since.
  const sendable = canSend && !expired && !answered && !sent && stale === false;
  const send = () => {
    setAsking(false);
    // Confirmed: the user said yes to this exact word in the dialog (the core asks when something was taken out: review24).
    if (sendable) sendBack(word, () => setSent(true), true);
  };

  // 10086 reads the word against its latest message: once it has written again, this button would
  // confirm that newer request (or whatever it is), so an open request says it is superseded instead.
  if (stale === true && !answered && !sent) {
    return <p className="bubble-actions muted confirm-superseded">{t('reply.confirmSuperseded', { word, to: reply.peer })}</p>;
  }
  return (
    <p className="bubble-actions">
      {/* No modem to send: focusable, saying why (as the menu's buttons); answered or past its deadline: disabled. */}
      <button
        type="button"
        className="confirm-reply"
        onClick={() => sendable && setAsking(true)}
        disabled={canSend && !sendable}
        aria-disabled={!canSend || undefined}
        // Disabled meanwhile, but not yet for good: a screen reader (and a test that it stays so) can tell.
        aria-busy={answeredNow === undefined || stale === undefined || undefined}
        aria-describedby={blocked ? why : undefined}
      >
        {t('reply.confirm', { word })}
      </button>
      {blocked && (
        <span id={why} className="hint reply-menu-blocked">
          {' '}
          {blocked}
        </span>
      )}
      {asking && sendable && <AskBeforeSending reply={reply} text={request.reply} title={t('reply.confirmTitle', { word })} stale={false} send={send} onClose={() => setAsking(false)} />}
      {dialog}
    </p>
  );
}

/**
 * A code sent back to a reply, as it goes out: a reply's menu number or word is an instruction, so
 * nothing invisible stays in it whoever sent the reply; a blank-looking letter inside is refused.
 */
function sentBack(code: string): { text: string; removed: ReturnType<typeof outgoingText>['removed']; refused: { zh: string; en: string } | null } {
  try {
    return { ...outgoingText(code, 'service'), refused: null };
  } catch (error) {
    const e = toHallError(error);
    return { text: code, removed: [], refused: { zh: e.zh, en: e.en } };
  }
}

/** A request quoted in a dialog: its first 60 characters. */
function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text;
}
