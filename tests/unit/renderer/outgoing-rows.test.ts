import { describe, expect, it } from 'vitest';
import type { OutgoingRecord } from '../../../src-shared/journal-records';
import { MASKER_VERSION } from '../../../src-shared/catalog/secrets';
import { mergeCommand, outgoingMessageRow } from '../../../src-renderer/store/outgoing-rows';

const T0 = Date.UTC(2026, 10, 25, 1, 30);

function record(state: OutgoingRecord['state'], at: number, extra: Partial<OutgoingRecord> = {}): OutgoingRecord {
  return { kind: 'out', id: 'c1', simId: 'sim-a', to: '10086', text: 'MMXG#******#******', state, messageRefs: [], error: null, at, ...extra };
}

describe('mergeCommand', () => {
  it('creates a command from its first record', () => {
    expect(mergeCommand(undefined, record('queued', T0))).toEqual({
      id: 'c1',
      simId: 'sim-a',
      to: '10086',
      text: 'MMXG#******#******',
      state: 'queued',
      error: null,
      messageRefs: [],
      createdAt: T0,
      updatedAt: T0,
      // The journal of this build masked the text (mend63).
      masker: MASKER_VERSION,
    });
  });

  it('moves to a later state and keeps when it was created', () => {
    const queued = mergeCommand(undefined, record('queued', T0))!;
    const failed = mergeCommand(queued, record('failed', T0 + 5000, { error: 'cms.38', messageRefs: [12] }))!;
    expect(failed).toMatchObject({ state: 'failed', error: 'cms.38', messageRefs: [12], createdAt: T0, updatedAt: T0 + 5000 });
  });

  it('ignores a record older than what is stored (a replay after a live event)', () => {
    const sent = mergeCommand(undefined, record('sent', T0 + 5000))!;
    expect(mergeCommand(sent, record('sending', T0 + 1000))).toBeNull();
  });

  it('keeps that it was retried through a later record of its own, and its bubble says so', () => {
    const failed = { ...mergeCommand(undefined, record('failed', T0))!, retriedBy: 'c2' };
    const again = mergeCommand(failed, record('failed', T0 + 10, { error: 'cms.38' }))!;
    expect(again.retriedBy).toBe('c2');
    expect(outgoingMessageRow(again).retriedBy).toBe('c2');
  });

  it('takes the later arrival when two records have the same time', () => {
    const sending = mergeCommand(undefined, record('sending', T0))!;
    expect(mergeCommand(sending, record('sent', T0))!.state).toBe('sent');
  });

  it('keeps the earliest time as the creation time when the first record arrives late', () => {
    const sent = mergeCommand(undefined, record('sent', T0 + 5000))!;
    expect(mergeCommand(sent, record('sent', T0 + 6000))!.createdAt).toBe(T0 + 5000);
  });
});

describe('outgoingMessageRow', () => {
  it('is a read, complete bubble in the thread of its recipient', () => {
    const command = mergeCommand(undefined, record('failed-retryable', T0, { to: '+8610086', error: 'at.timeout' }))!;
    expect(outgoingMessageRow(command)).toEqual({
      id: 'out:c1',
      simId: 'sim-a',
      direction: 'out',
      peer: '10086',
      text: 'MMXG#******#******',
      state: 'failed-retryable',
      at: T0,
      read: 1,
      partKeys: [],
      complete: true,
      total: 1,
      received: 1,
      commandId: 'c1',
      error: 'at.timeout',
      masker: MASKER_VERSION,
    });
  });
});
