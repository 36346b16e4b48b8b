import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src-main/services/journal';
import { readLog, useTempDirs } from './journal-test-kit';

const tempDir = useTempDirs();
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const writer = fileURLToPath(new URL('../../fixtures/journal-burst-writer.ts', import.meta.url));
const KILL_AFTER = 300;

/** Runs the burst writer, SIGKILLs it once it has confirmed KILL_AFTER appends, returns every confirmed key. */
function runWriterUntilKilled(dir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], { cwd: repoRoot });
    let output = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const confirmed = output.split('\n').length - 2; // minus 'ready' and the unfinished last line
      if (confirmed >= KILL_AFTER && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const lines = output.split('\n');
      if (signal !== 'SIGKILL' || lines[0] !== 'ready') {
        return reject(new Error(`writer ended with ${code ?? signal}: ${stderr}`));
      }
      // Only complete lines count: a key cut off mid-print was still durable, but is not checked.
      resolve(lines.slice(1, -1));
    });
  });
}

describe('Journal: killed mid-burst', () => {
  it('keeps every append that resolved before a SIGKILL, once, with nothing damaged', async () => {
    const dir = await tempDir();
    const confirmed = await runWriterUntilKilled(dir);
    expect(confirmed.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const journal = await Journal.open(dir); // also takes over the dead writer's lock
    const pending = journal.pendingIncoming().map((r) => r.key);
    expect(journal.recovery.corruptLines).toBe(0);
    expect(new Set(pending).size).toBe(pending.length);
    const journaled = new Set(pending);
    const missing = confirmed.filter((key) => !journaled.has(key));
    expect(missing).toEqual([]);
    await journal.close();

    const log = await readLog(dir);
    expect(log).toMatchObject({ corruptLines: 0, truncatedBytes: 0 });
    const keys = log.records.flatMap((r) => (r.kind === 'in' ? [r.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
