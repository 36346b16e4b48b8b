import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { dateLine, figureLine, RECEIVED } from './format';

interface Sample {
  name: string;
  text: string;
  from?: string;
  receivedAt?: string;
  kind: 'figures' | 'confirm' | 'outcome' | 'unknown';
  figures?: string[];
  dates?: string[];
  confidence?: 'sure' | 'unsure';
  problems?: string[];
  reply?: string;
  withinMinutes?: number | null;
  outcome?: string;
  template?: string;
  reason?: string;
  service?: string;
}

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/replies/own-wordings.json');
const { samples } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { samples: Sample[] };

describe('replies in wordings other than the emulator’s', () => {
  it('has enough samples of every kind', () => {
    const count = (k: Sample['kind']) => samples.filter((s) => s.kind === k).length;
    expect(samples.length).toBeGreaterThanOrEqual(55);
    expect([count('figures'), count('confirm'), count('outcome'), count('unknown')].every((n) => n >= 5)).toBe(true);
  });

  it.each(samples.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const receivedAt = s.receivedAt ? Date.parse(s.receivedAt) : RECEIVED;
    const r = understandReply({ text: s.text, receivedAt, from: s.from ?? '10086' });
    expect(r.kind).toBe(s.kind);
    expect(r.text).toBe(s.text);
    if (r.kind === 'figures') {
      expect(r.figures.map(figureLine)).toEqual(s.figures);
      if (s.dates) expect(r.dates.map(dateLine)).toEqual(s.dates);
      expect(r.confidence).toBe(s.confidence ?? 'sure');
      expect(r.problems.map((p) => p.code)).toEqual(s.problems ?? []);
      // Every figure points at its amount in the original text.
      for (const f of r.figures) expect(s.text.slice(f.span.start, f.span.end)).toBe(f.span.text);
    }
    if (r.kind === 'confirm') {
      expect(r.reply).toBe(s.reply);
      expect(s.text.slice(r.replySpan.start, r.replySpan.end)).toBe(s.reply);
      expect(r.deadline === null ? null : r.deadline.withinMs / 60_000).toBe(s.withinMinutes);
      if (r.deadline) expect(r.deadline.until).toBe(receivedAt + r.deadline.withinMs);
    }
    if (r.kind === 'outcome') {
      expect([r.outcome, r.template]).toEqual([s.outcome, s.template]);
      if (s.reason) expect(r.reason).toBe(s.reason);
      if (s.service) expect(r.service).toBe(s.service);
    }
  });
});
