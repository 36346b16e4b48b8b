import { memo } from 'react';
import type { FleetSim } from '../../../src-shared/api/contract';
import { DemoBadge } from '../../components/DemoBadge';
import { simLabel } from '../../core/modems';
import type { I18n } from '../../i18n';
import type { OverviewKind } from '../../store/figure-history';
import { dayLabel, timeOfDay } from '../thread/day';
import type { Prepared } from './fleet-rows';
import { formatFigure } from './format';

export const ROW_PX = 44;
export const FIGURE_COLUMNS: {
  kind: OverviewKind;
  label: 'overview.balance' | 'overview.data' | 'overview.voice' | 'overview.points';
  value: (s: FleetSim) => number | null;
  currency?: (s: FleetSim) => string | null;
  /** Its width in rem, sized to its widest figure and heading in Chinese and English (see TABLE_COLUMNS_REM). */
  widthRem: number;
}[] = [
  { kind: 'balance.balance', label: 'overview.balance', value: (s) => s.balance, currency: (s) => s.balanceCurrency ?? null, widthRem: 7.25 },
  { kind: 'data.remaining', label: 'overview.data', value: (s) => s.generalDataLeftMb, widthRem: 6 },
  { kind: 'voice.remaining', label: 'overview.voice', value: (s) => s.minutesLeft, widthRem: 5 },
  { kind: 'points.total', label: 'overview.points', value: (s) => s.points, widthRem: 7.25 },
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
  /** Midnight today: "today" and "yesterday" are read against it, and it changes once a day, not every render. */
  today: number;
  i18n: I18n;
  onSelect(simId: string): void;
  onEdit(simId: string): void;
}

/**
 * One SIM's row. Memoised: a keystroke in the search re-renders only the rows that come into view
 * (a row's props are the prepared row, which keeps its identity until the fleet or labels change).
 */
export const FleetRow = memo(function FleetRow({ row, demo, askedAt, index, low, hosts, today, i18n, onSelect, onEdit }: Props) {
  const { t } = i18n;
  const { sim } = row;
  const name = sim.label?.name || simLabel(sim.simId);
  return (
    <tr className={low ? 'fleet-low' : undefined} aria-rowindex={index + 2} data-sim={sim.simId} style={{ height: ROW_PX }}>
      <th scope="row">
        {sim.host === null ? (
          <button type="button" className="link-button" onClick={() => onSelect(sim.simId)}>
            {name}
          </button>
        ) : (
          name
        )}
        {demo && <> <DemoBadge /></>}
        {low && <span className="badge badge-risk"> {t('fleet.low')}</span>}
        {sim.sendFailures > 0 && (
          <span className="badge badge-risk fleet-failures" title={t('fleet.failuresHint')}>
            {' '}
            {t('fleet.failures', { n: sim.sendFailures })}
          </span>
        )}
      </th>
      {hosts && <td>{sim.host ?? t('fleet.thisHost')}</td>}
      <td>{sim.label?.owner}</td>
      <td>{sim.label?.phone}</td>
      {FIGURE_COLUMNS.map((c) => {
        const value = c.value(sim);
        return (
          <td key={c.kind} data-kind={c.kind}>
            {value === null ? <span className="muted">{t('overview.noFigure')}</span> : <strong className="figure-value">{formatFigure(c.kind, value, i18n.lang, c.currency?.(sim) ?? null)}</strong>}
          </td>
        );
      })}
      <td className="muted">
        {sim.lastUpdate !== null && `${dayLabel(sim.lastUpdate, today, i18n)} ${timeOfDay(sim.lastUpdate, i18n.lang)}`}
        {askedAt !== null && (
          <span className="badge fleet-asked" title={t('fleet.askedHint')}>
            {' '}
            {t('fleet.asked', { time: timeOfDay(askedAt, i18n.lang) })}
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
