import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';

/* A code typed with its parameters set apart by spaces, or with one left out, is still that instruction. */
const engine = createSearch(builtinCatalog().instructions);

describe('codes typed loosely', () => {
  it('reads spaces as the # between parameters', () => {
    const [first] = engine.search('mmxg 111111 222222', 1);
    expect(first).toMatchObject({ id: 'MMXG', confident: true, params: { oldPassword: '111111', newPassword: '222222' } });
    expect(first?.paramProblem).toBeUndefined();
  });

  it('names the parameter that was left out', () => {
    const [first] = engine.search('MMXG#123456', 1);
    expect(first).toMatchObject({ id: 'MMXG', confident: true, paramProblem: { code: 'param.missing' } });
    expect(first?.paramProblem?.en).toContain('New password');
  });

  it('does not take an English sentence for a code with parameters', () => {
    expect(engine.search('turn on data', 1)[0]?.id).toBe('KTGPRS');
  });
});
