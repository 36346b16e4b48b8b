import { describe, expect, it } from 'vitest';
import { coreApiFromBridge, type HallBridge } from '../../../src-shared/api/bridge';
import { hallErrorOf } from './hall-error-of';

/** A stand-in for the preload's `window.hall` that answers every call with one fixed outcome. */
function bridgeAnswering(outcome: () => Promise<unknown>): HallBridge & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  return {
    calls,
    call: (method, params) => {
      calls.push([method, params]);
      return outcome();
    },
    on: () => () => {},
  };
}

describe('coreApiFromBridge', () => {
  it('resolves with the result of a result reply', async () => {
    const bridge = bridgeAnswering(async () => ({ type: 'result', id: 1, result: [] }));
    await expect(coreApiFromBridge(bridge).call('modem.list', {})).resolves.toEqual([]);
    expect(bridge.calls).toEqual([['modem.list', {}]]);
  });

  it('rejects with the HallError an error reply describes', async () => {
    const bridge = bridgeAnswering(async () => ({ type: 'error', id: 1, error: { code: 'api.forbidden', zh: '拒绝', en: 'Refused' } }));
    const error = await hallErrorOf(coreApiFromBridge(bridge).call('modem.list', {}));
    expect([error.code, error.zh, error.en]).toEqual(['api.forbidden', '拒绝', 'Refused']);
  });

  it('turns a rejection by Electron itself into the generic internal error', async () => {
    const bridge = bridgeAnswering(async () => {
      throw new Error("Error invoking remote method 'hall:call': An object could not be cloned.");
    });
    const error = await hallErrorOf(coreApiFromBridge(bridge).call('modem.list', {}));
    expect(error.code).toBe('internal');
    expect(error.en).not.toMatch(/cloned/);
  });

  it.each([
    ['nothing', undefined],
    ['events', { type: 'events', events: [{ event: 'notice', data: {} }] }],
    ['a bare value', [1, 2]],
  ])('refuses a reply that is %s', async (_name, reply) => {
    const error = await hallErrorOf(coreApiFromBridge(bridgeAnswering(async () => reply)).call('modem.list', {}));
    expect(error.code).toBe('api.bad-reply');
  });

  it('subscribes through the bridge and hands back its unsubscribe', () => {
    const subscribed: string[] = [];
    const unsubscribe = () => {};
    const bridge: HallBridge = {
      call: async () => undefined,
      on: (event) => {
        subscribed.push(event);
        return unsubscribe;
      },
    };
    expect(coreApiFromBridge(bridge).on('modem', () => {})).toBe(unsubscribe);
    expect(subscribed).toEqual(['modem']);
  });
});
