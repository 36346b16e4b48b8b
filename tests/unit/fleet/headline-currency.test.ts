import { describe, expect, it } from 'vitest';
import { headlineFigures } from '../../../src-shared/fleet/sim-figures';
import { SIM_SENSORS } from '../../../src-shared/fleet/mqtt-topics';
import { parseRemoteSim } from '../../../src-shared/fleet/remote-sim';
import { emptySimState } from '../../../src-shared/fleet/sim-state';
import { renderMetrics } from '../../../src-main/server/metrics';
import { understandReply } from '../../../src-shared/replies';
import { RECEIVED } from '../replies/format';

const figures = (text: string) => {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  return u.kind === 'figures' ? u.figures : [];
};

describe('the headline balance of a SIM keeps the currency it was read in', () => {
  it('says HK$ or £ as read, and yuan as null', () => {
    expect(headlineFigures(figures('【中國移動香港】閣下的賬戶餘額為HK$48.50，本地數據剩餘2.5GB。'))).toMatchObject({ balance: 48.5, balanceCurrency: 'HK$', generalDataLeftMb: 2560 });
    expect(headlineFigures(figures('[Usage Notice] Your account balance is £0.10.'))).toMatchObject({ balance: 0.1, balanceCurrency: '£' });
    expect(headlineFigures(figures('您的账户余额为35.20元。'))).toMatchObject({ balance: 35.2, balanceCurrency: null });
  });

  it('never adds balances of two currencies', () => {
    expect(headlineFigures(figures('您好，您的余额为HK$30.00，人民币账户余额为20.00元。'))).toMatchObject({ balance: 30, balanceCurrency: 'HK$' });
  });

  it('publishes no HK$ or £ balance as yuan (Prometheus gauge in yuan, MQTT sensor in CNY)', () => {
    const hk = { ...emptySimState('HK1'), balance: 48.5, balanceCurrency: 'HK$' };
    const cn = { ...emptySimState('CN1'), balance: 35.2 };
    const metrics = renderMetrics([hk, cn], []);
    expect(metrics).toContain('hall10086_sim_balance_yuan{sim="CN1"} 35.2');
    expect(metrics).not.toMatch(/hall10086_sim_balance_yuan\{sim="HK1"\}/u);
    const balance = SIM_SENSORS.find((s) => s.leaf === 'balance')!;
    expect(balance.value(hk)).toBeNull();
    expect(balance.value(cn)).toBe('35.2');
  });

  it('reads a remote host that publishes no currency (an older version) as yuan', () => {
    const state = { ...emptySimState('R1'), host: 'desk2', label: null, balance: 12 } as Record<string, unknown>;
    delete state.balanceCurrency;
    const topic = 'hall10086/desk2/sim/R1/state';
    expect(parseRemoteSim(topic, 'hall10086', JSON.stringify(state))).toMatchObject({ balance: 12, balanceCurrency: null });
    expect(parseRemoteSim(topic, 'hall10086', JSON.stringify({ ...state, balanceCurrency: '£' }))).toMatchObject({ balanceCurrency: '£' });
  });
});
