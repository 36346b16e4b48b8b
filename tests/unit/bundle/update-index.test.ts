import { describe, expect, it } from 'vitest';
import { canonicalJson, compareVersions, fromBase64, parseUpdateIndex, planUpdate, toBase64 } from '../../../src-shared/bundle';

const index = {
  format: 'hall10086-catalog-index/1',
  latest: '2026.12.01-2',
  full: 'catalog-2026.12.01-2.full.json.gz',
  deltas: { '2026.11.25-1': 'catalog-2026.11.25-1-to-2026.12.01-2.delta.json.gz' },
};

describe('update index', () => {
  it.each([
    ['2026.11.25-1', { latest: '2026.12.01-2', kind: 'delta', file: index.deltas['2026.11.25-1'], full: index.full }],
    ['2026.11.20-1', { latest: '2026.12.01-2', kind: 'full', file: index.full, full: index.full }],
    ['2026.12.01-2', undefined],
    ['2027.01.01-1', undefined],
  ])('plans the update from %s', (current, plan) => {
    expect(planUpdate(parseUpdateIndex(JSON.stringify(index)), current)).toEqual(plan);
  });

  it.each([
    ['a path instead of a file name', { ...index, full: '../../etc/passwd' }],
    ['a hidden file', { ...index, full: '.htpasswd' }],
    ['a bad version', { ...index, latest: 'latest' }],
    ['an unknown member', { ...index, signature: 'x' }],
  ])('refuses an index with %s', (_, bad) => {
    expect(() => parseUpdateIndex(JSON.stringify(bad))).toThrow(expect.objectContaining({ code: 'bundle.bad-index' }));
  });

  it('refuses an index cut short', () => {
    expect(() => parseUpdateIndex(JSON.stringify(index).slice(0, 40))).toThrow(expect.objectContaining({ code: 'bundle.bad-index', en: expect.stringContaining('incomplete') }));
  });
});

describe('small pieces', () => {
  it.each([
    ['2026.11.25-1', '2026.11.25-1', 0],
    ['2026.11.25-2', '2026.11.25-10', -1],
    ['2026.12.01-1', '2026.11.30-9', 1],
    ['2027.01.01-1', '2026.12.31-99', 1],
  ])('compareVersions(%s, %s) = %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it('canonical JSON sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 2 }], a: '中', c: undefined })).toBe('{"a":"中","b":[{"a":2,"z":1}]}');
  });

  it('base64 round-trips every byte value and refuses text that is not base64', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('abc')).toBeUndefined();
    expect(fromBase64('ab!=')).toBeUndefined();
  });
});
