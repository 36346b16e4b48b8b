import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { alertText } from '../alerts/alert-text';
import { useAlerts } from '../alerts/use-alerts';
import { DemoBadge } from '../components/DemoBadge';
import { LinkedSentence } from '../components/LinkedSentence';
import { useCore } from '../core/CoreProvider';
import { simLabel } from '../core/modems';
import { useI18n } from '../prefs/PrefsProvider';
import { routeHash } from '../shell/route';
import { hallDb } from '../store/db';
import { rereadProgress } from '../store/figure-rules';
import { kindName, poolName, voicePoolName, type DataPool, type KindAmount, type VoicePool } from '../../src-shared/replies';
import { figureHistory, isKinded, latestKinds, OVERVIEW_FIGURES, type FigurePoint, type KindedKind, type LatestKinds, type OverviewKind } from '../store/figure-history';
import type { SimRow } from '../store/rows';
import { formatFigure } from './overview/format';
import { FleetTable } from './overview/FleetTable';
import { Sparkline } from './overview/Sparkline';
import { useFleetSims, useWithStoredFigures } from './overview/use-fleet';
import { ReplyTime } from './thread/NetworkTime';

type History = Record<OverviewKind, FigurePoint[]>;

interface SimFigures {
  sim: SimRow;
  history: History;
  /** The newest reply's data left and minutes left by kind (general, provincial, off-peak…), each on its own. */
  kinds: Partial<Record<KindedKind, LatestKinds>>;
}

/** Up to this many SIMs of this computer, every one's history shows; beyond, the one chosen in the table. */
const ALL_SECTIONS_UP_TO = 3;

/**
 * Every SIM in one table (this computer's, and other hosts' when the broker is watched), and per
 * SIM of this computer the latest balance, data left, minutes left and points from 10086's
 * replies, each with when it was read and a line of its recent history.
 */
export default function OverviewView() {
  const { t } = useI18n();
  const { reach } = useCore();
  const fleet = useFleetSims();
  const sims = useWithStoredFigures(fleet.sims);
  const [chosen, setChosen] = useState<string | null>(null);
  const local = useMemo(() => (sims ?? []).filter((s) => s.host === null && s.lastUpdate !== null).map((s) => s.simId), [sims]);
  const shown = chosen ? [chosen] : local.length <= ALL_SECTIONS_UP_TO ? local : [];

  if (!sims) return <p className="view empty">{t(reach === 'lost' ? 'overview.waitingForCore' : 'app.loading')}</p>;
  const anyFigures = sims.some((s) => s.lastUpdate !== null);
  return (
    <section className="view overview" aria-labelledby="overview-heading">
      <h1 id="overview-heading">{t('overview.title')}</h1>
      <Alerts />
      <RereadProgress />
      {!anyFigures && <NoFigures anySim={sims.length > 0} />}
      {sims.length > 0 && <FleetTable sims={sims} labels={fleet.labels} onSelect={setChosen} />}
      {anyFigures && <CoreOnlyNote />}
      <SimSections simIds={shown} />
    </section>
  );
}

/**
 * No figures yet: what to do, with the way there in the sentence. With a SIM, the table's 立即查询全部 SIM
 * just below asks them all (the sentence's link takes the focus there, where the check's progress is said);
 * with none, a modem is connected on the Modem page first.
 */
function NoFigures({ anySim }: { anySim: boolean }) {
  const { t } = useI18n();
  if (!anySim)
    return (
      <LinkedSentence className="empty" say={(link) => t('overview.emptyNoSim', { link })}>
        <a href={routeHash({ view: 'modem' })}>{t('nav.modem')}</a>
      </LinkedSentence>
    );
  return (
    <LinkedSentence className="empty" say={(link) => t('overview.empty', { link })}>
      {/* A link to the button, not a second button of that name: a screen reader would hear two buttons alike doing different things. */}
      <a
        href="#fleet-check-all"
        onClick={(event) => {
          event.preventDefault();
          document.querySelector<HTMLElement>('.fleet-check-all')?.focus();
        }}
      >
        {t('fleet.checkAll')}
      </a>
    </LinkedSentence>
  );
}

/**
 * The table's figures are the core's (kept for every window and profile); the cards below and their
 * history are this computer's log. With the log empty (cleared in Settings) the table still has its
 * figures: said here, so a cleared log does not look as if Clear did nothing.
 */
function CoreOnlyNote() {
  const { t } = useI18n();
  const empty = useLiveQuery(async () => (await hallDb().messages.count()) === 0, []);
  if (!empty) return null;
  return <p className="muted overview-core-only">{t('overview.coreOnly')}</p>;
}

/** How far the stored replies are read again after the reader changed (figure-rules.ts): their figures may be old till then. */
function RereadProgress() {
  const { t } = useI18n();
  const progress = useLiveQuery(() => rereadProgress(hallDb()), []);
  if (!progress) return null;
  return (
    <p className="muted overview-reread" role="status">
      {t('overview.rereading', { done: progress.done.toLocaleString(), total: progress.total.toLocaleString() })}
    </p>
  );
}

function SimSections({ simIds }: { simIds: string[] }) {
  const db = hallDb();
  const key = simIds.join('|');
  const sections = useLiveQuery(
    async () =>
      Promise.all(
        (await db.sims.bulkGet(key ? key.split('|') : [])).flatMap((sim) => (sim ? [sim] : [])).map(async (sim): Promise<SimFigures> => {
          const lists = await Promise.all(OVERVIEW_FIGURES.map((f) => figureHistory(db, sim.simId, f.kind)));
          const [data, voice] = await Promise.all((['data.remaining', 'voice.remaining'] as const).map((k) => latestKinds(db, sim.simId, k)));
          return { sim, history: Object.fromEntries(OVERVIEW_FIGURES.map((f, i) => [f.kind, lists[i]!])) as History, kinds: { 'data.remaining': data, 'voice.remaining': voice } };
        }),
      ),
    [db, key],
  );
  // A card is this computer's log of a SIM: with nothing of it in the log (cleared, while the modem's status wrote the
  // SIM's row again) it would be an empty card beside the note that the log is empty.
  const inLog = sections?.filter((s) => Object.values(s.history).some((points) => points.length > 0) || Object.values(s.kinds).some(Boolean));
  return (
    <>
      {inLog?.map((s) => (
        <SimSection key={s.sim.simId} figures={s} />
      ))}
    </>
  );
}

function SimSection({ figures: { sim, history, kinds } }: { figures: SimFigures }) {
  const { t } = useI18n();
  return (
    <section className="overview-sim" aria-label={simLabel(sim.simId)}>
      <h2>
        {simLabel(sim.simId)} {sim.operator && <span className="muted">{sim.operator}</span>} {sim.demo && <DemoBadge />}
      </h2>
      <div className="figure-cards">
        {OVERVIEW_FIGURES.map((f) => (
          <div key={f.kind} className="figure-card" data-kind={f.kind}>
            <p className="figure-label">{t(f.label)}</p>
            <Latest kind={f.kind} points={history[f.kind]} newer={isKinded(f.kind) ? kinds[f.kind] : undefined} simId={sim.simId} />
            {isKinded(f.kind) && kinds[f.kind] && <KindList kind={f.kind} amounts={kinds[f.kind]!.amounts} />}
            {history[f.kind].length > 1 && (
              <Sparkline values={history[f.kind].map((p) => p.value)} label={t('overview.history', { name: t(f.label) })} />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

/**
 * Each kind of the newest reply by name ("国内通用 7.05 GB · 省内 1.78 GB · 闲时 59.16 GB", "套餐 40 分钟 ·
 * 闲时 40 分钟 · 集团/亲情网 896 分钟"), when there is more than the general amount alone. An amount whose kind
 * was inferred stands on its own, said as a guess ("省内 3.00 GB · 推测为省内 95.04 MB").
 */
function KindList({ kind, amounts }: { kind: KindedKind; amounts: KindAmount<string>[] }) {
  const { t, lang } = useI18n();
  // "追剧流量 10.00 GB": a lone amount of a kind a word the reader does not know named is listed by that word (it is no data left of the customer's).
  if (amounts.length === 0 || (amounts.length === 1 && !amounts[0]!.unknown && (amounts[0]!.pool === 'general' || amounts[0]!.pool === null))) return null;
  const name = (a: KindAmount<string>) =>
    kind === 'data.remaining' ? kindName(a as KindAmount<DataPool>, poolName, lang) : kindName(a as KindAmount<VoicePool>, voicePoolName, lang);
  return (
    <ul className="data-pools" aria-label={t('overview.pools')}>
      {amounts.map((a, i) => (
        <li key={`${a.pool ?? 'unnamed'}-${i}`} data-pool={a.pool ?? (a.unknown ? 'unknown' : 'unnamed')} {...(a.inferred ? { 'data-inferred': '' } : {})}>
          <span className="muted">{name(a)}</span> {formatFigure(kind, a.value, lang)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The newest value and when 10086 gave it, or that there is none yet. A newer reply that told the
 * figure by kind only, with no one amount for the customer, supersedes it: that is said, with the
 * newer reply's time and a way to it, instead of the older value standing as if current.
 */
function Latest({ kind, points, newer, simId }: { kind: OverviewKind; points: FigurePoint[]; newer: LatestKinds | undefined; simId: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const latest = points.at(-1);
  if (newer && !newer.customer && (!latest || latest.at < newer.at)) {
    return (
      <span className="figure-latest figure-superseded">
        <span>{t('overview.byKindOnly')}</span>{' '}
        <ReplyTime className="muted figure-time" messageId={newer.messageId} at={newer.at} now={Date.now()} />{' '}
        <a href={routeHash({ view: 'thread', simId })}>{t('overview.openReply')}</a>
      </span>
    );
  }
  if (!latest) return <span className="muted">{t('overview.noFigure')}</span>;
  return (
    <span className="figure-latest">
      <strong className="figure-value">{formatFigure(kind, latest.value, lang, latest.currency)}</strong>
      {latest.unsure && <span className="badge badge-risk"> {t('reply.unsure')}</span>}
      <ReplyTime className="muted figure-time" messageId={latest.messageId} at={latest.at} now={Date.now()} />
    </span>
  );
}

/** Figures under the thresholds set in Settings, each with the instruction that helps. */
function Alerts() {
  const i18n = useI18n();
  const alerts = useAlerts();
  if (!alerts?.length) return null;
  return (
    <ul className="overview-alerts">
      {alerts.map((alert) => (
        <li key={`${alert.simId}|${alert.kind}`} className="callout callout-risk" role="alert">
          {alertText(alert, i18n)}{' '}
          <a href={routeHash({ view: 'instruction', id: alert.instruction })}>{i18n.t('alert.open', { code: alert.instruction })}</a>
        </li>
      ))}
    </ul>
  );
}
