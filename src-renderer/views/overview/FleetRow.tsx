import { memo } from 'react';
import type { FleetSim } from '../../../src-shared/api/contract';
import { poolName, voicePoolName, type DataPool, type VoicePool } from '../../../src-shared/replies';
import { unseenFailures, type SimFiguresAsOf } from '../../../src-shared/fleet/sim-state';
import { DemoBadge } from '../../components/DemoBadge';
import { routeHash } from '../../shell/route';
import { simLabel } from '../../core/modems';
import type { I18n } from '../../i18n';
import type { OverviewKind } from '../../store/figure-history';
import { dayKey, dayLabel, monthDay, startOfDay, timeOfDay } from '../thread/day';
import { NETWORK_OFFSET_MIN, stampOf } from '../thread/network-zone';
import type { Prepared } from './fleet-rows';
import { formatFigure } from './format';

/**
 * Every row's height, in rem so that it follows the browser's text size: two lines, whatever a row
 * holds (a long name gives way with an ellipsis, its badges take the second line; a figure's or the
 * update's time under it likewise). One height is what lets a fleet of thousands scroll by exact
 * offsets: a row measured taller only once drawn moved every row below it, and the scroll position jumped.
 */
export const ROW_REM = 3.5;

/** ROW_REM in CSS pixels on this page (the virtualiser counts in pixels). */
export function rowPx(): number {
  return ROW_REM * (Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
}

/*
 * A row's times are on the clock its SIM's newest reply was stamped in (its service centre's zone,
 * China Mobile's +08:00; the network's clock when no stamp was seen), as that reply's bubble in the
 * thread reads them (see network-zone.ts): a row's "今天 11:18" is the reply the thread shows at 11:18.
 * A cell is too narrow to say the zone; its title does, with this computer's own time, where the
 * clock here differs.
 */

/** The day and time on the zone's clock, with the zone said where this computer's clock differs. */
function whenText(at: number, today: number, i18n: I18n, zone: number): string {
  const stamp = stampOf(at, zone, i18n);
  const when = `${dayLabel(at, today, i18n, zone)} ${stamp.time}`;
  return stamp.zone === null ? when : `${when} ${stamp.zone} (${i18n.t('thread.localTime', { time: stamp.local! })})`;
}

/**
 * A time short enough for a figure's cell: the time of day when it is today or the day of the row's newest
 * reply, else the day (the cell's title has both).
 */
function shortWhen(at: number, today: number, newest: number | null, lang: string, zone: number): string {
  if (at >= today || (newest !== null && dayKey(at, zone) === dayKey(newest, zone))) return timeOfDay(at, lang, zone);
  return monthDay(at, lang, zone);
}

export const FIGURE_COLUMNS: {
  kind: OverviewKind;
  label: 'overview.balance' | 'overview.data' | 'overview.voice' | 'overview.points';
  value: (s: FleetSim) => number | null;
  currency?: (s: FleetSim) => string | null;
  /** Which of the SIM's figure times is this figure's. */
  asOf: keyof SimFiguresAsOf;
  /** A figure told by kind: the newest reply's amounts per kind (`unstated`: of no stated kind), and each kind's name. */
  kinds?: { of: (s: FleetSim) => Record<string, number>; name: (pool: string | null, lang: I18n['lang']) => string };
  /** Its width in rem, sized to its widest figure and heading in Chinese and English (see TABLE_COLUMNS_REM). */
  widthRem: number;
}[] = [
  { kind: 'balance.balance', label: 'overview.balance', value: (s) => s.balance, currency: (s) => s.balanceCurrency ?? null, asOf: 'balance', widthRem: 7.25 },
  {
    kind: 'data.remaining',
    label: 'overview.data',
    value: (s) => s.generalDataLeftMb,
    asOf: 'data',
    kinds: { of: (s) => s.dataLeftByPoolMb, name: (p, lang) => poolName(p as DataPool | null, lang) },
    widthRem: 6,
  },
  {
    kind: 'voice.remaining',
    label: 'overview.voice',
    value: (s) => s.minutesLeft,
    asOf: 'minutes',
    kinds: { of: (s) => s.minutesLeftByPool ?? {}, name: (p, lang) => voicePoolName(p as VoicePool | null, lang) },
    widthRem: 5,
  },
  { kind: 'points.total', label: 'overview.points', value: (s) => s.points, asOf: 'points', widthRem: 7.25 },
];

/**
 * The table's other columns, in rem. With the figure columns they add up to what a 1024 px window
 * holds inside the view's padding (984 px, 61.5 rem) when there are no other hosts' SIMs: a figure
 * column added must fit in that budget (tests/unit/renderer/fleet-columns.test.ts), or the table
 * scrolls sideways at 1024 px.
 */
export const TABLE_COLUMNS_REM = { sim: 10.25, host: 4.25, owner: 4.25, phone: 6.5, updated: 7.75, edit: 6.25 } as const;

interface Props {
  row: Prepared;
  /** A SIM of the built-in demo modem: its figures are made up. */
  demo: boolean;
  /** When an instruction to 10086 went out with no answer since (null: none open). */
  askedAt: number | null;
  /** Its place in the filtered list (aria-rowindex counts the header row as 1). */
  index: number;
  low: boolean;
  hosts: boolean;
  /** Midnight today on the network's clock (+08:00): "today" and "yesterday" are read against it, and it changes once a day, not every render. */
  today: number;
  i18n: I18n;
  onSelect(simId: string): void;
  onEdit(simId: string): void;
}

/**
 * One SIM's row. Memoised: a keystroke in the search re-renders only the rows that come into view
 * (a row's props are the prepared row, which keeps its identity until the fleet or labels change).
 */
export const FleetRow = memo(function FleetRow({ row, demo, askedAt, index, low, hosts, today: todayOnNetwork, i18n, onSelect, onEdit }: Props) {
  const { t } = i18n;
  const { sim } = row;
  const name = sim.label?.name || simLabel(sim.simId);
  // Those the user has not marked as seen ("知道了" in the SIM's thread); the core keeps the total for the metrics.
  const failures = unseenFailures(sim);
  const zone = sim.zoneMin ?? NETWORK_OFFSET_MIN;
  // Today on the row's own clock: the table's midnight is the network's (a row is drawn again as often as the table asks).
  const today = zone === NETWORK_OFFSET_MIN ? todayOnNetwork : startOfDay(Date.now(), zone);
  return (
    <tr data-index={index} className={low ? 'fleet-low' : undefined} aria-rowindex={index + 2} data-sim={sim.simId} style={{ height: `${ROW_REM}rem` }}>
      <th scope="row" className="fleet-sim">
        {/* The badges never give way: the name does, cut with an ellipsis, whole in its title and its accessible name. */}
        <span className="fleet-sim-line">
          {sim.host === null ? (
            <button type="button" className="link-button fleet-sim-name" title={name} onClick={() => onSelect(sim.simId)}>
              {name}
            </button>
          ) : (
            <span className="fleet-sim-name" title={name}>
              {name}
            </span>
          )}
          {(demo || low || failures > 0) && (
            <span className="fleet-badges">
              {demo && <DemoBadge />}
              {low && <span className="badge badge-risk">{t('fleet.low')}</span>}
              {failures > 0 &&
                (sim.host === null ? (
                  // A way to the failed instructions (and "知道了" there), not a sign that can never go away.
                  <a
                    className="badge badge-risk fleet-failures"
                    href={routeHash({ view: 'thread', simId: sim.simId, show: 'failed' })}
                    title={t('fleet.failuresHint')}
                    aria-label={t('fleet.failuresOpen', { n: failures })}
                  >
                    {t('fleet.failures', { n: failures })}
                  </a>
                ) : (
                  <span className="badge badge-risk fleet-failures" title={t('fleet.failuresHint')}>
                    {t('fleet.failures', { n: failures })}
                  </span>
                ))}
            </span>
          )}
        </span>
      </th>
      {hosts && <td>{sim.host ?? t('fleet.thisHost')}</td>}
      <td>{sim.label?.owner}</td>
      <td>{sim.label?.phone}</td>
      {FIGURE_COLUMNS.map((c) => {
        const value = c.value(sim);
        // Hosts and saved states from before figures kept their times: as of the newest reply.
        const at = sim.asOf?.[c.asOf] ?? (value === null ? null : sim.lastUpdate);
        const when = at === null ? '' : whenText(at, today, i18n, zone);
        const updated = sim.lastUpdate === null ? '' : whenText(sim.lastUpdate, today, i18n, zone);
        // A newer reply told this figure by kind only: the older amount is gone, that reply is pointed to.
        const superseded = value === null && at !== null && c.kinds !== undefined;
        // Older than the row's newest reply by a minute at least (as the times read): its own time shows under it.
        const older = at !== null && when !== updated;
        const kinds = superseded
          ? Object.entries(c.kinds!.of(sim))
              .map(([pool, v]) => `${c.kinds!.name(pool === 'unstated' ? null : pool, i18n.lang)} ${formatFigure(c.kind, v, i18n.lang)}`)
              .join(i18n.lang === 'en' ? ', ' : '、')
          : '';
        const hint = superseded ? t('fleet.supersededHint', { time: when, kinds }) : when && t('fleet.asOf', { time: when });
        return (
          <td key={c.kind} data-kind={c.kind} title={hint || undefined}>
            {superseded ? (
              sim.host === null ? (
                <a className="fleet-by-kind" href={routeHash({ view: 'thread', simId: sim.simId })} aria-label={hint}>
                  {t('fleet.byKind')}
                </a>
              ) : (
                <span className="fleet-by-kind">{t('fleet.byKind')}</span>
              )
            ) : value === null ? (
              <span className="muted">{t('overview.noFigure')}</span>
            ) : (
              <strong className="figure-value">{formatFigure(c.kind, value, i18n.lang, c.currency?.(sim) ?? null)}</strong>
            )}
            {at !== null && (older || superseded) && <time className="fleet-as-of muted" dateTime={new Date(at).toISOString()}>{t('fleet.asOf', { time: shortWhen(at, today, sim.lastUpdate, i18n.lang, zone) })}</time>}
          </td>
        );
      })}
      <td className="muted fleet-updated">
        {sim.lastUpdate !== null && (
          // One line: today's time after 今天 / Today, an older one after its short date ("Yesterday 03:09 AM" would not fit); the title says it whole.
          <span className="fleet-updated-time" title={whenText(sim.lastUpdate, today, i18n, zone)}>
            {`${sim.lastUpdate >= today ? t('thread.today') : monthDay(sim.lastUpdate, i18n.lang, zone)} ${timeOfDay(sim.lastUpdate, i18n.lang, zone)}`}
          </span>
        )}
        {askedAt !== null && (
          <span className="badge fleet-asked" title={t('fleet.askedHint')}>
            {t('fleet.asked', { time: timeOfDay(askedAt, i18n.lang, zone) })}
          </span>
        )}
      </td>
      <td>
        {sim.host === null && (
          <button type="button" onClick={() => onEdit(sim.simId)} aria-label={`${t('fleet.edit')} ${name}`}>
            {t('fleet.edit')}
          </button>
        )}
      </td>
    </tr>
  );
});
