import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src-main/services/journal';
import { sms, useTempDirs } from './journal-test-kit';

const tempDir = useTempDirs();

describe('a part identical to an earlier one', () => {
  it('is the same part while the modem may still hold the first (re-read after a failed delete)', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.appendIncoming(sms(1));
    expect(await journal.appendIncoming(sms(1))).toEqual({ added: false, key: first.key });
    expect(journal.pendingIncoming()).toHaveLength(1);
    await journal.close();
  });

  it('is a new message once the modem has let go of the first, under the next occurrence key', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.appendIncoming(sms(1));
    journal.settle(first.key);
    const second = await journal.appendIncoming(sms(1));
    expect(second).toEqual({ added: true, key: `${first.key}#2` });
    // Read again before its own delete: still the second, not a third.
    expect(await journal.appendIncoming(sms(1))).toEqual({ added: false, key: `${first.key}#2` });
    journal.settle(second.key);
    expect((await journal.appendIncoming(sms(1))).key).toBe(`${first.key}#3`);
    expect(journal.pendingIncoming().map((r) => r.key)).toEqual([first.key, `${first.key}#2`, `${first.key}#3`]);
    await journal.close();
  });

  it('is the network delivering a long message part twice when it has a reference, even after a delete', async () => {
    const journal = await Journal.open(await tempDir());
    const part = sms(3, { concat: { ref: 17, total: 2, part: 1 } });
    const first = await journal.appendIncoming(part);
    journal.settle(first.key);
    expect(await journal.appendIncoming(part)).toEqual({ added: false, key: first.key });
    await journal.close();
  });

  it('is the same part after a restart, whatever was settled before it (crash recovery comes first)', async () => {
    const dir = await tempDir();
    let journal = await Journal.open(dir);
    const first = await journal.appendIncoming(sms(1));
    journal.settle(first.key);
    await journal.close();
    journal = await Journal.open(dir);
    expect(await journal.appendIncoming(sms(1))).toEqual({ added: false, key: first.key });
    await journal.close();
  });

  it('is journaled once when two reads of it race', async () => {
    const journal = await Journal.open(await tempDir());
    const [a, b] = await Promise.all([journal.appendIncoming(sms(2)), journal.appendIncoming(sms(2))]);
    expect([a.added, b.added].sort()).toEqual([false, true]);
    expect(a.key).toBe(b.key);
    expect(journal.pendingIncoming()).toHaveLength(1);
    await journal.close();
  });
});
