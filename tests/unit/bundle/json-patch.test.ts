import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, diffJson, type PatchOp } from '../../../src-shared/bundle';

const doc = { a: { b: [1, 2, 3] }, 'x/y': 1, 't~n': 2 };

describe('JSON Patch (RFC 6902 add / remove / replace / test)', () => {
  it.each<[string, PatchOp[], unknown]>([
    ['add a member', [{ op: 'add', path: '/a/c', value: 'new' }], { ...doc, a: { b: [1, 2, 3], c: 'new' } }],
    ['add inside an array', [{ op: 'add', path: '/a/b/1', value: 9 }], { ...doc, a: { b: [1, 9, 2, 3] } }],
    ['add at the end with -', [{ op: 'add', path: '/a/b/-', value: 4 }], { ...doc, a: { b: [1, 2, 3, 4] } }],
    ['remove from an array', [{ op: 'remove', path: '/a/b/0' }], { ...doc, a: { b: [2, 3] } }],
    ['replace a member, escaped /', [{ op: 'replace', path: '/x~1y', value: 5 }], { ...doc, 'x/y': 5 }],
    ['remove a member, escaped ~', [{ op: 'remove', path: '/t~0n' }], { a: { b: [1, 2, 3] }, 'x/y': 1 }],
    ['test that holds, then replace', [{ op: 'test', path: '/a/b', value: [1, 2, 3] }, { op: 'replace', path: '/a/b/2', value: 0 }], { ...doc, a: { b: [1, 2, 0] } }],
    ['replace the whole document', [{ op: 'replace', path: '', value: [1] }], [1]],
  ])('%s', (_, ops, expected) => {
    expect(applyPatch(doc, ops)).toStrictEqual(expected);
  });

  it('keeps a member named __proto__ as plain data', () => {
    const patched = applyPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(Object.keys(patched)).toEqual(['__proto__']);
  });

  it('never changes the document it was given', () => {
    const before = structuredClone(doc);
    applyPatch(doc, [{ op: 'remove', path: '/a/b/0' }]);
    expect(doc).toStrictEqual(before);
  });

  it.each<[string, PatchOp, string]>([
    ['a test that fails', { op: 'test', path: '/a/b/0', value: 7 }, 'test failed'],
    ['a missing member', { op: 'replace', path: '/nope', value: 1 }, 'no such member'],
    ['an index past the end', { op: 'remove', path: '/a/b/3' }, 'index out of range'],
    ['an index with a leading zero', { op: 'replace', path: '/a/b/01', value: 1 }, 'index out of range'],
    ['a parent that does not exist', { op: 'add', path: '/q/r', value: 1 }, 'no such place'],
    ['a path without a leading /', { op: 'add', path: 'a', value: 1 }, 'bad path'],
    ['removing the root', { op: 'remove', path: '' }, 'cannot remove the root'],
    ['a path through an inherited member', { op: 'add', path: '/__proto__/polluted', value: 1 }, 'no such place'],
  ])('refuses %s', (_, op, why) => {
    expect(() => applyPatch(doc, [{ op: 'add', path: '/ok', value: 1 }, op])).toThrow(
      expect.objectContaining({ code: 'bundle.bad-patch', en: expect.stringContaining(`step 2, ${op.op} ${op.path}: ${why}`) }),
    );
  });
});

describe('diffJson', () => {
  it('touches one place when one array item changes, is inserted or removed', () => {
    const list = [{ id: 'A' }, { id: 'B' }, { id: 'C' }];
    expect(diffJson(list, [{ id: 'A' }, { id: 'B2' }, { id: 'C' }])).toEqual([{ op: 'replace', path: '/1/id', value: 'B2' }]);
    expect(diffJson(list, [{ id: 'A' }, { id: 'N' }, { id: 'B' }, { id: 'C' }])).toEqual([{ op: 'add', path: '/1', value: { id: 'N' } }]);
    expect(diffJson(list, [{ id: 'A' }, { id: 'C' }])).toEqual([{ op: 'remove', path: '/1' }]);
    expect(diffJson({ a: 1, b: 2 }, { a: 1, c: 3 })).toEqual([{ op: 'remove', path: '/b' }, { op: 'add', path: '/c', value: 3 }]);
  });

  it('always produces a patch that turns the first document into the second', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (from, to) => {
        expect(applyPatch(from, diffJson(from, to))).toEqual(to);
      }),
      { numRuns: 300 },
    );
  });
});
