import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src-main/services/journal';
import { clock, readLog, sms, useTempDirs } from './journal-test-kit';

const tempDir = useTempDirs();
const slot1 = { slot: 'SM:1' };
const slot2 = { slot: 'SM:2' };

describe('a part identical to an earlier one', () => {
  it('is the same part when read again from the same slot (after a failed delete)', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.appendIncoming(sms(1), slot1);
    expect(await journal.appendIncoming(sms(1), slot1)).toEqual({ added: false, key: first.key });
    expect(journal.pendingIncoming()).toHaveLength(1);
    await journal.close();
  });

  // review19: a single SMS's key names nothing of its text, so only the text tells this from a re-read.
  it('is another message when a different text of the same second is read from the slot the first still holds', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.appendIncoming(sms(1), slot1);
    const other = { ...sms(1), text: '您的验证码为482913，5分钟内有效。' };
    expect(await journal.appendIncoming(other, slot1)).toEqual({ added: true, key: `${first.key}#2` });
    expect(journal.pendingIncoming().map((r) => r.text)).toEqual([sms(1).text, other.text]);
    await journal.close();
  });

  it('is a new message in another slot, under the next occurrence key, and stays itself when read again', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.appendIncoming(sms(1), slot1);
    const second = await journal.appendIncoming(sms(1), slot2);
    expect(second).toEqual({ added: true, key: `${first.key}#2`, sameTextAs: first.key });
    expect(await journal.appendIncoming(sms(1), slot2)).toEqual({ added: false, key: `${first.key}#2` });
    expect(await journal.appendIncoming(sms(1), slot1)).toEqual({ added: false, key: first.key });
    expect(journal.pendingIncoming().map((r) => r.key)).toEqual([first.key, `${first.key}#2`]);
    await journal.close();
  });

  it('is a new message in a slot the first has left (settled), also after a restart', async () => {
    const dir = await tempDir();
    let journal = await Journal.open(dir);
    const first = await journal.appendIncoming(sms(1), slot1);
    await journal.settle(first.key, 'SM:1');
    await journal.close();
    journal = await Journal.open(dir);
    expect(await journal.appendIncoming(sms(1), slot1)).toEqual({ added: true, key: `${first.key}#2`, sameTextAs: first.key });
    await journal.close();
  });

  it('is the same part after a restart when its slot was not settled (crash before the delete)', async () => {
    const dir = await tempDir();
    let journal = await Journal.open(dir);
    const first = await journal.appendIncoming(sms(1), slot1);
    await journal.close();
    journal = await Journal.open(dir);
    expect(await journal.appendIncoming(sms(1), slot1)).toEqual({ added: false, key: first.key });
    expect((await journal.appendIncoming(sms(1), slot2)).added).toBe(true);
    await journal.close();
  });

  it('is a new message when the modem says nobody read its slot yet, whatever the journal holds for it', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.appendIncoming(sms(1), slot1);
    expect(await journal.appendIncoming(sms(1), { slot: 'SM:1', unread: true })).toEqual({ added: true, key: `${first.key}#2`, sameTextAs: first.key });
    await journal.close();
  });

  it('settling another slot, or a slot under another key, releases nothing', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.appendIncoming(sms(1), slot1);
    await journal.settle(first.key, 'SM:2');
    expect((await journal.appendIncoming(sms(1), slot1)).added).toBe(false);
    await journal.close();
  });

  it('slots a full listing no longer shows are settled; listed ones and other SIMs keep theirs', async () => {
    const journal = await Journal.open(await tempDir());
    const a = await journal.appendIncoming(sms(1), slot1);
    await journal.appendIncoming(sms(2), slot2);
    await journal.appendIncoming(sms(3, { simId: 'sim-2' }), { slot: 'SM:3' });
    await journal.settleAbsent('sim-1', 'SM', new Set(['SM:2']));
    expect(await journal.appendIncoming(sms(1), slot1)).toEqual({ added: true, key: `${a.key}#2`, sameTextAs: a.key });
    expect((await journal.appendIncoming(sms(2), slot2)).added).toBe(false);
    expect((await journal.appendIncoming(sms(3, { simId: 'sim-2' }), { slot: 'SM:3' })).added).toBe(false);
    await journal.close();
  });

  it('keeps the slot of an acknowledged part the modem still holds through a compaction', async () => {
    const dir = await tempDir();
    let journal = await Journal.open(dir, { now: clock });
    const first = await journal.appendIncoming(sms(1), slot1);
    await journal.ack([first.key]);
    await journal.compact();
    await journal.close();
    journal = await Journal.open(dir, { now: clock });
    expect(await journal.appendIncoming(sms(1), slot1)).toEqual({ added: false, key: first.key });
    expect(journal.pendingIncoming()).toHaveLength(0);
    await journal.settle(first.key, 'SM:1');
    await journal.compact();
    expect((await readLog(dir)).records.filter((r) => r.kind === 'in')).toHaveLength(0);
    await journal.close();
  });

  it('is the network delivering a long message part twice when it has a reference, even in another slot', async () => {
    const journal = await Journal.open(await tempDir());
    const part = sms(3, { concat: { ref: 17, total: 2, part: 1 } });
    const first = await journal.appendIncoming(part, slot1);
    await journal.settle(first.key, 'SM:1');
    expect(await journal.appendIncoming(part, slot2)).toEqual({ added: false, key: first.key });
    await journal.close();
  });

  it('a long message part on another SIM is that SIM’s own copy, also once acknowledged and after a restart (review17)', async () => {
    const dir = await tempDir();
    let journal = await Journal.open(dir);
    const part = sms(3, { concat: { ref: 17, total: 2, part: 1 } });
    const first = await journal.appendIncoming(part, slot1);
    const other = await journal.appendIncoming({ ...part, simId: 'sim-2' }, slot1);
    expect(other).toEqual({ added: true, key: `${first.key}#2` });
    // Each SIM's network delivering it twice is still that SIM's one part.
    expect(await journal.appendIncoming({ ...part, simId: 'sim-2' }, slot2)).toEqual({ added: false, key: other.key });
    expect(await journal.appendIncoming(part, slot2)).toEqual({ added: false, key: first.key });
    await journal.ack([first.key, other.key]);
    await journal.compact();
    await journal.close();
    journal = await Journal.open(dir);
    expect(await journal.appendIncoming({ ...part, simId: 'sim-2' }, slot2)).toEqual({ added: false, key: other.key });
    expect((await journal.appendIncoming({ ...part, simId: 'sim-3' }, slot1)).key).toBe(`${first.key}#3`);
    expect(journal.pendingIncoming().map((r) => r.simId)).toEqual(['sim-3']);
    await journal.close();
  });

  it('is still told apart once remembered without its checksum (review17): a twin is numbered after it, a long part of another text is journaled', async () => {
    const dir = await tempDir();
    let journal = await Journal.open(dir, { keptPartsDays: 0 });
    const first = await journal.appendIncoming(sms(1), slot1);
    const part = await journal.appendIncoming(sms(2, { concat: { ref: 17, total: 2, part: 1 } }), slot2);
    await journal.settle(first.key, 'SM:1');
    await journal.settle(part.key, 'SM:2');
    await journal.ack([first.key, part.key]);
    await journal.compact();
    await journal.close();
    journal = await Journal.open(dir, { keptPartsDays: 0 });
    expect(await journal.appendIncoming(sms(1), slot1)).toEqual({ added: true, key: `${first.key}#2` });
    // Same sender, second, reference and part, another text: nothing at rest says it is the same, so it is kept.
    const other = sms(2, { concat: { ref: 17, total: 2, part: 1 }, text: '另一条短信的第一段' });
    expect((await journal.appendIncoming(other, slot2)).added).toBe(true);
    await journal.close();
  });

  it('is journaled once when two reads of one slot race; twice when two slots race', async () => {
    const journal = await Journal.open(await tempDir());
    const [a, b] = await Promise.all([journal.appendIncoming(sms(2), slot1), journal.appendIncoming(sms(2), slot1)]);
    expect([a.added, b.added].sort()).toEqual([false, true]);
    expect(a.key).toBe(b.key);
    const [c, d] = await Promise.all([journal.appendIncoming(sms(4), slot1), journal.appendIncoming(sms(4), slot2)]);
    expect(c.added && d.added).toBe(true);
    expect(c.key).not.toBe(d.key);
    expect(journal.pendingIncoming()).toHaveLength(3);
    await journal.close();
  });

  it('a +CMT handed over again before its acknowledgement is the same; after it, a new one', async () => {
    const journal = await Journal.open(await tempDir());
    const direct = { slot: 'direct' };
    const first = await journal.appendIncoming(sms(5), direct);
    expect(await journal.appendIncoming(sms(5), direct)).toEqual({ added: false, key: first.key });
    await journal.settle(first.key, 'direct');
    expect(await journal.appendIncoming(sms(5), direct)).toEqual({ added: true, key: `${first.key}#2`, sameTextAs: first.key });
    // From nowhere in particular (an import): any identical part already journaled is this one.
    expect(await journal.appendIncoming(sms(5))).toEqual({ added: false, key: `${first.key}#2` });
    await journal.close();
  });

  it('a +CMT never acknowledged that the network retries into a slot is the same part, released by that slot’s delete', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.appendIncoming(sms(6), { slot: 'direct' });
    expect(await journal.appendIncoming(sms(6), { slot: 'SM:4', unread: true })).toEqual({ added: false, key: first.key });
    await journal.settle(first.key, 'SM:4');
    expect(await journal.appendIncoming(sms(6), { slot: 'SM:4', unread: true })).toEqual({ added: true, key: `${first.key}#2`, sameTextAs: first.key });
    await journal.close();
  });

  it('a twin read while the release of the first is still being written is new', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.appendIncoming(sms(7), { slot: 'direct' });
    const releasing = journal.settle(first.key, 'direct');
    expect(await journal.appendIncoming(sms(7), { slot: 'direct' })).toEqual({ added: true, key: `${first.key}#2`, sameTextAs: first.key });
    await releasing;
    await journal.close();
  });
});

describe('a part read again after the upgrade that keeps a split escape (review50 F2)', () => {
  // A GSM 7-bit part 1 of 2 ending in the escape of a pair: journaled by a build before mend64 as `A` (the lone escape
  // dropped), read again from its slot after a crash and the upgrade as `A\u001b` (septetsToText's split pair).
  const part = (text: string) => sms(1, { text, concat: { ref: 7, part: 1, total: 2 } });

  it('is the part journaled, not a second one, also after a restart', async () => {
    const dir = await tempDir();
    let journal = await Journal.open(dir);
    const first = await journal.appendIncoming(part('A'), slot1);
    await journal.close();
    journal = await Journal.open(dir);
    expect(await journal.appendIncoming(part('A\u001b'), slot1)).toEqual({ added: false, key: first.key });
    expect(journal.pendingIncoming().map((r) => r.text)).toEqual(['A']);
    await journal.close();
  });
});
