import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { FleetSim, SimLabel } from '../../../src-shared/api/contract';
import { alertThresholds } from '../../alerts/thresholds';
import { useCore } from '../../core/CoreProvider';
import { useErrorToast } from '../../core/toasts';
import { simLabel } from '../../core/modems';
import { useI18n } from '../../prefs/PrefsProvider';
import { hallDb } from '../../store/db';
import { download } from '../../store/download';
import { HALL_PEER } from '../../store/incoming-rows';
import { openQuestionAt } from '../../store/queries';
import { filterRows, isLow, labelsCsv, prepare, sortRows, type FleetFilter, type FleetOrder } from './fleet-rows';
import { CheckAll } from './CheckAll';
import { FIGURE_COLUMNS, FleetRow, rowPx, TABLE_COLUMNS_REM } from './FleetRow';
import { SHORTCUTS } from '../../shell/shortcuts';
import { useFocusReturn } from '../../components/focus-return';
import { startOfDay } from '../thread/day';
import { NETWORK_OFFSET_MIN } from '../thread/network-zone';

const rem = (n: number) => `${n}rem`;

const PHONE = /^\+?\d{3,20}$/;

interface Props {
  sims: FleetSim[];
  labels: Map<string, SimLabel>;
  /** A row of this computer chosen: its history shows below. */
  onSelect(simId: string): void;
}

/** Today begins at midnight on the network's clock, on which the rows read their times (FleetRow). */
const startOfToday = () => startOfDay(Date.now(), NETWORK_OFFSET_MIN);

/**
 * Every SIM in one table that stays quick at hundreds: searched, filtered and ordered in memory
 * (SIMs under the alert thresholds first by default), and only the rows in view rendered.
 *
 * A keystroke costs a filter over rows prepared once (search text folded) in an order sorted once,
 * and renders only rows new in view (FleetRow is memoised); the table's layout is fixed, so new
 * rows never make the browser measure every cell again. The rows follow the query in the same
 * render, not deferred: measured, useDeferredValue put every keystroke a frame later (median
 * 10 → 30 ms) for work that takes ~5 ms of main thread.
 */
export function FleetTable({ sims, labels, onSelect }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const thresholds = useSyncExternalStore(alertThresholds.subscribe, alertThresholds.get);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<FleetFilter>('all');
  const [order, setOrder] = useState<FleetOrder>('attention');
  const [editing, setEditing] = useState<string | null>(null);
  const prepared = useMemo(() => prepare(sims, labels), [sims, labels]);
  const sorted = useMemo(() => sortRows(prepared, order, thresholds), [prepared, order, thresholds]);
  const rows = useMemo(() => filterRows(sorted, query, filter, thresholds), [sorted, query, filter, thresholds]);
  const hosts = sims.some((s) => s.host !== null);
  const readySims = useMemo(() => sims.filter((s) => s.host === null && s.modemState === 'ready').length, [sims]);
  // Rows the check cannot ask: the count it gives is smaller than the table's, and says why.
  const leftOut = useMemo(() => sims.filter((s) => s.host !== null || s.modemState !== 'ready'), [sims]);
  const today = startOfToday();
  const edit = useCallback((simId: string) => setEditing(simId), []);
  // The demo modem's made-up figures sit among real SIMs once a modem is plugged in: marked in the row too.
  const demoSims = useLiveQuery(async () => new Set(await hallDb().sims.filter((s) => s.demo).primaryKeys()), []);
  // A SIM asked and not answered yet: its row says so, so an older figure is not read as the answer.
  const localKey = sims.filter((s) => s.host === null).map((s) => s.simId).join('|');
  const asked = useLiveQuery(async () => {
    const open = new Map<string, number>();
    for (const simId of localKey ? localKey.split('|') : []) {
      const at = await openQuestionAt(hallDb(), simId, HALL_PEER);
      if (at !== null) open.set(simId, at);
    }
    return open;
  }, [localKey]);

  const scroller = useRef<HTMLDivElement>(null);
  // Every row is one height (FleetRow's ROW_REM), so offsets are exact and nothing is measured: a row
  // measured taller once drawn would move the rows below it under the reader's eyes.
  const rowHeight = useMemo(rowPx, []);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 8, initialRect: { width: 1000, height: 12 * rowHeight } });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const exportLabels = (kind: 'csv' | 'json') => {
    const list = [...labels.values()];
    if (kind === 'csv') download('hall10086-sim-labels.csv', ['\uFEFF', labelsCsv(list)], 'text/csv;charset=utf-8');
    else download('hall10086-sim-labels.json', [JSON.stringify({ format: 'hall10086-sim-labels', version: 1, labels: list }, null, 2)], 'application/json');
  };

  return (
    <div className="fleet">
      <CheckAll readySims={readySims} leftOut={leftOut} />
      <div className="fleet-tools">
        <input
          type="search"
          className="fleet-search"
          aria-label={t('fleet.search')}
          placeholder={t('fleet.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label>
          {t('fleet.filter')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as FleetFilter)}>
            <option value="all">{t('fleet.filter.all')}</option>
            <option value="low">{t('fleet.filter.low')}</option>
            <option value="no-figures">{t('fleet.filter.none')}</option>
          </select>
        </label>
        <label>
          {t('fleet.order')}{' '}
          <select value={order} onChange={(e) => setOrder(e.target.value as FleetOrder)}>
            <option value="attention">{t('fleet.order.attention')}</option>
            <option value="balance">{t('fleet.order.balance')}</option>
            <option value="data">{t('fleet.order.data')}</option>
            <option value="name">{t('fleet.order.name')}</option>
            <option value="updated">{t('fleet.order.updated')}</option>
          </select>
        </label>
        <span className="muted fleet-count" aria-live="polite" data-query={query}>
          {t('fleet.count', { shown: rows.length, total: sims.length })}
        </span>
        <span className="fleet-exports">
          <button type="button" onClick={() => exportLabels('csv')}>
            {t('fleet.exportCsv')}
          </button>
          <button type="button" onClick={() => exportLabels('json')}>
            {t('fleet.exportJson')}
          </button>
        </span>
      </div>
      {editing !== null && <LabelEditor key={editing} simId={editing} label={labels.get(editing)} onDone={() => setEditing(null)} />}
      <div ref={scroller} className="fleet-scroller">
        <table className="overview-table" aria-label={t('fleet.table')} aria-rowcount={rows.length + 1}>
          <colgroup>
            <col style={{ width: rem(TABLE_COLUMNS_REM.sim) }} />
            {hosts && <col style={{ width: rem(TABLE_COLUMNS_REM.host) }} />}
            <col style={{ width: rem(TABLE_COLUMNS_REM.owner) }} />
            <col style={{ width: rem(TABLE_COLUMNS_REM.phone) }} />
            {FIGURE_COLUMNS.map((c) => (
              <col key={c.kind} data-kind={c.kind} style={{ width: rem(c.widthRem) }} />
            ))}
            <col style={{ width: rem(TABLE_COLUMNS_REM.updated) }} />
            <col style={{ width: rem(TABLE_COLUMNS_REM.edit) }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('overview.sim')}</th>
              {hosts && <th scope="col">{t('fleet.host')}</th>}
              <th scope="col">{t('fleet.owner')}</th>
              <th scope="col">{t('fleet.phone')}</th>
              {FIGURE_COLUMNS.map((c) => (
                <th key={c.kind} scope="col">
                  {t(c.label)}
                </th>
              ))}
              <th scope="col">{t('fleet.updated')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('fleet.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
            {items.map((item) => {
              const row = rows[item.index]!;
              return <FleetRow key={row.key} row={row} demo={row.sim.host === null && (demoSims?.has(row.sim.simId) ?? false)} askedAt={row.sim.host === null ? (asked?.get(row.sim.simId) ?? null) : null} index={item.index} low={isLow(row.sim, thresholds)} hosts={hosts} today={today} i18n={i18n} onSelect={onSelect} onEdit={edit} />;
            })}
            {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
          </tbody>
        </table>
      </div>
      {/* DEMO said in words under the table too: sighted keyboard users never see a hover title. */}
      {sims.some((s) => s.host === null && demoSims?.has(s.simId)) && <p className="muted fleet-demo-legend">{t('demo.legend')}</p>}
    </div>
  );
}

/**
 * Name, owner and phone number of one SIM of this computer, saved in the core (and published with it).
 * Esc is Cancel; saved or called off, the focus is back on the row's Edit label button.
 */
function LabelEditor({ simId, label, onDone }: { simId: string; label: SimLabel | undefined; onDone(): void }) {
  const { t } = useI18n();
  useFocusReturn();
  const { api } = useCore();
  const reportError = useErrorToast();
  const [name, setName] = useState(label?.name ?? '');
  const [owner, setOwner] = useState(label?.owner ?? '');
  const [phone, setPhone] = useState(label?.phone ?? '');
  const phoneBad = phone.trim() !== '' && !PHONE.test(phone.trim());
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (phoneBad) return;
    api.call('labels.set', { label: { simId, name: name.trim(), owner: owner.trim(), phone: phone.trim() } }).then(onDone, reportError);
  };
  return (
    <form
      className="fleet-editor"
      onSubmit={save}
      aria-label={t('fleet.editing', { sim: simLabel(simId) })}
      onKeyDown={(e) => {
        if (SHORTCUTS.panel.close.is(e) && !e.nativeEvent.isComposing) onDone();
      }}
    >
      <div className="field">
        <label htmlFor="fleet-name">{t('fleet.name')}</label>
        <input id="fleet-name" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </div>
      <div className="field">
        <label htmlFor="fleet-owner">{t('fleet.owner')}</label>
        <input id="fleet-owner" maxLength={40} value={owner} onChange={(e) => setOwner(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="fleet-phone">{t('fleet.phone')}</label>
        <input id="fleet-phone" inputMode="tel" maxLength={21} value={phone} onChange={(e) => setPhone(e.target.value)} aria-invalid={phoneBad} aria-describedby={phoneBad ? 'fleet-phone-error' : undefined} />
        {phoneBad && (
          <p id="fleet-phone-error" className="field-error">
            {t('fleet.phoneInvalid')}
          </p>
        )}
      </div>
      <button type="submit" disabled={phoneBad}>
        {t('fleet.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('fleet.cancel')}
      </button>
    </form>
  );
}
