import { describe, expect, it } from 'vitest';
import catalogJson from '../../../instructions/catalog.json';
import { parseCatalog, parseServiceDirectory } from '../../../src-shared/catalog/load';
import { HallError } from '../../../src-shared/errors';

const clone = () => structuredClone(catalogJson) as { instructions: Record<string, unknown>[] } & Record<string, unknown>;

function rejection(input: unknown): HallError {
  try {
    parseCatalog(input);
  } catch (e) {
    expect(e).toBeInstanceOf(HallError);
    return e as HallError;
  }
  throw new Error('accepted a broken catalog');
}

describe('parseCatalog', () => {
  it('accepts the shipped catalog', () => {
    expect(parseCatalog(catalogJson).instructions).toHaveLength(38);
  });

  it.each([
    ['not an object', () => 'hello'],
    ['a missing name', () => { const c = clone(); delete c.instructions[0]!.name; return c; }],
    ['an unknown action', () => { const c = clone(); c.instructions[0]!.action = 'explode'; return c; }],
    ['an extra field', () => { const c = clone(); c.instructions[0]!.surprise = 1; return c; }],
    ['a bad version', () => { const c = clone(); c.version = 'latest'; return c; }],
    ['an over-long template', () => { const c = clone(); c.instructions[0]!.template = 'X'.repeat(71); return c; }],
  ])('rejects %s with a bilingual schema error', (_name, make) => {
    const e = rejection(make());
    expect(e.code).toBe('catalog.invalid');
    expect(e.zh).toMatch(/指令目录/);
    expect(e.en).toMatch(/catalog/);
  });

  it.each([
    ['a duplicate id', (c: ReturnType<typeof clone>) => { c.instructions[1]!.id = 'ye'; }, /YE ×2/],
    ['a dangling opposite', (c: ReturnType<typeof clone>) => { c.instructions[3]!.opposite = 'NOPE'; }, /opposite → NOPE/],
    ['a one-way opposite', (c: ReturnType<typeof clone>) => { c.instructions[0]!.opposite = 'KTGPRS'; }, /YE.opposite ↔ KTGPRS/],
    ['an unknown caveat', (c: ReturnType<typeof clone>) => { c.instructions[0]!.caveats = ['moon']; }, /caveats → moon/],
    ['a template without its parameter', (c: ReturnType<typeof clone>) => { c.instructions[1]!.template = 'ZD'; }, /ZD.template/],
    // An update may not carry what nobody sees into an SMS (outgoingText): 10086 answers 指令有误, and the user never saw why.
    ['a template with a variation selector', (c: ReturnType<typeof clone>) => { c.instructions[0]!.template = 'YE\uFE0F'; }, /YE.template ∋ U\+FE0F/],
    ['a template with a zero-width space', (c: ReturnType<typeof clone>) => { c.instructions[0]!.template = 'Y\u200BE'; }, /YE.template ∋ U\+200B/],
    ['a template with a blank-looking letter', (c: ReturnType<typeof clone>) => { c.instructions[0]!.template = 'Y\u3164E'; }, /YE.template ∋ U\+3164/],
  ])('rejects %s and names it', (_name, mutate, message) => {
    const c = clone();
    mutate(c);
    const e = rejection(c);
    expect(e.en).toMatch(message);
    expect(e.zh).toMatch(message);
  });

  it.each(['8610086', '008610086999'])('takes %s as a service port: the catalog may send there', (to) => {
    const c = clone();
    c.instructions[0]!.to = to;
    expect(parseCatalog(c).instructions[0]!.to).toBe(to);
  });

  it.each(['1008611', '10658000'])('rejects %s, no service port, and names the entry', (to) => {
    const c = clone();
    c.instructions[0]!.to = to;
    const e = rejection(c);
    expect(e.code).toBe('catalog.foreign-number');
    expect(e.en).toContain(`YE → ${to}`);
  });

  it('rejects a broken service directory', () => {
    expect(() => parseServiceDirectory({ schemaVersion: 1, numbers: [{ number: 'abc' }] })).toThrow(HallError);
  });
});
