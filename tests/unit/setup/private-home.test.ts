import { homedir, tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src-main/core/data-dir';

describe('the test run', () => {
  it('has a temporary home, so a default data folder never lands in the real one', () => {
    expect(homedir().startsWith(tmpdir())).toBe(true);
    expect(process.env.XDG_DATA_HOME?.startsWith(homedir())).toBe(true);
    expect(defaultDataDir().startsWith(homedir())).toBe(true);
  });
});
