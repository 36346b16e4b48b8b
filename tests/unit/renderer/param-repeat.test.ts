import { describe, expect, it } from 'vitest';
import { repeatedParams } from '../../../src-renderer/components/ParamForm';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';

describe('passwords typed twice', () => {
  it('are the passwords an instruction sets: MMXG’s new one, not the old one it proves with', () => {
    const catalog = builtinCatalog();
    expect(repeatedParams(catalog.require('MMXG'))).toEqual(['newPassword']);
    const others = catalog.instructions.filter((i) => i.id !== 'MMXG' && repeatedParams(i).length > 0).map((i) => i.id);
    // MMHF resets with an ID number: 10086 sends the new password, none is typed.
    expect(others).toEqual([]);
  });
});
