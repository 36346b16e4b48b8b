import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FAULT_MATRIX } from './matrix';

const here = new URL('.', import.meta.url);

async function testSources(): Promise<Map<string, string>> {
  const names = (await readdir(here)).filter((n) => n.endsWith('-faults.test.ts'));
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(new URL(n, here), 'utf8')] as const)));
}

describe('the fault matrix table', () => {
  it('lists at least 20 faults, each once, each with its user-visible outcome', () => {
    expect(FAULT_MATRIX.length).toBeGreaterThanOrEqual(20);
    expect(new Set(FAULT_MATRIX.map((r) => r.id)).size).toBe(FAULT_MATRIX.length);
    for (const row of FAULT_MATRIX) {
      expect(row.fault.trim(), row.id).not.toBe('');
      expect(row.outcome.trim(), row.id).not.toBe('');
    }
  });

  it('has exactly one test file driving each row', async () => {
    const sources = await testSources();
    for (const row of FAULT_MATRIX) {
      const drivers = [...sources].filter(([, text]) => text.includes(`'${row.id}'`)).map(([name]) => name);
      expect(drivers, row.id).toHaveLength(1);
    }
  });
});
