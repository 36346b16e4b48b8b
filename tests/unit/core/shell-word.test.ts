import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../../src-main/services/shell-word';

/** The data folder in a suggested command must reach the shell as one word, whatever it holds. */
describe('shellWord', () => {
  it("passes a plain path as it is, and quotes macOS's default folder (a space) and a quote so the shell reads them back whole", () => {
    expect(shellWord('/home/li/.local/share/hall10086')).toBe('/home/li/.local/share/hall10086');
    for (const path of ['/Users/li/Library/Application Support/Hall10086', "/tmp/li's data", '/tmp/$HOME `x` *', '/tmp/数据 文件夹']) {
      const echoed = spawnSync('sh', ['-c', `printf %s ${shellWord(path)}`], { encoding: 'utf8' });
      expect(echoed.stdout, path).toBe(path);
    }
  });
});
