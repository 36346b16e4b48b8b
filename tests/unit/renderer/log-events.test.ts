import { describe, expect, it } from 'vitest';
import { EventListeners } from '../../../src-shared/api/listeners';
import type { CoreApi, Events } from '../../../src-shared/api/contract';
import type { OutgoingRecord } from '../../../src-shared/journal-records';
import { holdLogEvents, type LogEventHandlers } from '../../../src-renderer/store/log-events';

/** A core whose events the test emits, as a transport delivers them. */
function fakeCore(): { api: CoreApi; emit<E extends keyof Events>(event: E, data: Events[E]): void } {
  const listeners = new EventListeners();
  const api = {
    call: () => Promise.reject(new Error('no calls here')),
    on: (event: string, listener: (data: unknown) => void) => listeners.add(event, listener),
  } as unknown as CoreApi;
  return { api, emit: (event, data) => listeners.emit(event, data) };
}

const out = (id: string, state: OutgoingRecord['state'], at: number): OutgoingRecord => ({
  kind: 'out', id, simId: 'sim-1', to: '10086', text: 'YE', state, messageRefs: [], error: state === 'failed' ? 'cms-38' : null, at,
});

function recorder(): { handlers: LogEventHandlers; seen: string[] } {
  const seen: string[] = [];
  return { seen, handlers: { incoming: (r) => seen.push(`in:${r.key}`), outgoing: (r) => seen.push(`out:${r.id}:${r.state}`) } };
}

describe('holdLogEvents', () => {
  it('holds what comes before a store attaches and hands it over in order, then passes each new one on', () => {
    const core = fakeCore();
    const events = holdLogEvents(core.api);
    core.emit('outgoing', out('c1', 'sending', 1));
    core.emit('outgoing', out('c1', 'failed', 2));
    core.emit('incoming', { key: 'k1' } as Events['incoming']);
    const store = recorder();
    events.attach(store.handlers);
    expect(store.seen).toEqual(['out:c1:sending', 'out:c1:failed', 'in:k1']);
    core.emit('outgoing', out('c2', 'sent', 3));
    expect(store.seen.at(-1)).toBe('out:c2:sent');
    expect(store.seen).toHaveLength(4);
  });

  it('holds again once the store detaches, for the next one (a store restarted), and never hands an event twice', () => {
    const core = fakeCore();
    const events = holdLogEvents(core.api);
    const first = recorder();
    const detach = events.attach(first.handlers);
    core.emit('outgoing', out('c1', 'sent', 1));
    detach();
    core.emit('outgoing', out('c2', 'failed', 2));
    const second = recorder();
    events.attach(second.handlers);
    expect(first.seen).toEqual(['out:c1:sent']);
    expect(second.seen).toEqual(['out:c2:failed']);
  });
});
