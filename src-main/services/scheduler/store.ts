import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { ScheduleSchema, type Schedule } from '../../../src-shared/api/contract';
import { writeFileAtomic } from '../atomic-write';

const ScheduleFileSchema = v.strictObject({ version: v.literal(1), schedules: v.array(ScheduleSchema) });

/** Where the schedules live: `schedules.json` in the data folder, replaced atomically on every change. */
export class ScheduleFile {
  constructor(private readonly path: string) {}

  static in(dataDir: string): ScheduleFile {
    return new ScheduleFile(join(dataDir, 'schedules.json'));
  }

  /** A missing or damaged file schedules nothing: checks are off unless the user turned them on. */
  async load(): Promise<Schedule[]> {
    const text = await readFile(this.path, 'utf8').catch(() => null);
    if (text === null) return [];
    try {
      const parsed = v.safeParse(ScheduleFileSchema, JSON.parse(text));
      return parsed.success ? parsed.output.schedules : [];
    } catch {
      return [];
    }
  }

  save(schedules: readonly Schedule[]): Promise<void> {
    return writeFileAtomic(this.path, `${JSON.stringify({ version: 1, schedules }, null, 2)}\n`);
  }
}
