import { describe, expect, it } from 'vitest';
import { makeI18n } from '../../../src-renderer/i18n';
import { dayKey, dayLabel, timeOfDay } from '../../../src-renderer/views/thread/day';
import { NETWORK_OFFSET_MIN, offsetOf, threadZone, zoneName } from '../../../src-renderer/views/thread/network-zone';

const zh = makeI18n('zh-Hans');
// 2026-12-05 17:30 UTC: already the 6th in Beijing.
const AT = Date.UTC(2026, 11, 5, 17, 30);

describe('the network’s clock', () => {
  it('reads the offset a service-centre stamp carries', () => {
    expect(offsetOf('2026-12-06T11:09:52+08:00')).toBe(480);
    expect(offsetOf('2026-12-06T11:09:52-03:30')).toBe(-210);
    expect(offsetOf('2026-12-06T03:09:52Z')).toBe(0);
    expect(offsetOf('2026-12-06T03:09:52')).toBeNull();
    expect(offsetOf(undefined)).toBeNull();
  });

  it('is the newest stamp’s zone in a thread, China’s where none has one', () => {
    expect(threadZone([{ timestamp: '2026-12-06T11:09:52+09:00' }, { timestamp: undefined }])).toBe(540);
    expect(threadZone([{ timestamp: undefined }])).toBe(NETWORK_OFFSET_MIN);
    expect(NETWORK_OFFSET_MIN).toBe(8 * 60);
  });

  it('names a zone as UTC±h[:mm]', () => {
    expect([zoneName(480), zoneName(330), zoneName(-180), zoneName(0)]).toEqual(['UTC+8', 'UTC+5:30', 'UTC−3', 'UTC+0']);
  });

  it('tells the day and the time on that clock, whatever this computer’s', () => {
    expect(dayKey(AT, 480)).toBe('2026-12-6');
    expect(dayKey(AT, 0)).toBe('2026-12-5');
    expect(timeOfDay(AT, 'zh-Hans', 480)).toBe('01:30');
    // A 24-hour clock in both Chinese scripts (zh-Hant's own default is 上午01:30), as ARCHITECTURE.md says.
    expect(timeOfDay(AT, 'zh-Hant', 480)).toBe('01:30');
    expect(timeOfDay(AT + 12 * 3600_000, 'zh-Hant', 480)).toBe('13:30');
    expect(timeOfDay(AT, 'en', 480)).toBe('01:30 AM');
    // "Now" a day later on Beijing's clock: the message was yesterday there.
    expect(dayLabel(AT, AT + 24 * 3600_000, zh, 480)).toBe('昨天');
    expect(dayLabel(AT, AT + 3600_000, zh, 480)).toBe('今天');
    expect(dayLabel(AT, AT + 3 * 24 * 3600_000, zh, 480)).toBe('2026年12月6日周日');
  });
});
