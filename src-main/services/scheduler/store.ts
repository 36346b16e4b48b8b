import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { ScheduleSchema, type Schedule } from '../../../src-shared/api/contract';
import { writeFileAtomic } from '../atomic-write';

const ScheduleFileSchema = v.strictObject({ version: v.literal(1), schedules: v.array(ScheduleSchema) });
const LastRunsFileSchema = v.strictObject({
  version: v.literal(1),
  lastRuns: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/**
 * Where the schedules live: `schedules.json` in the data folder, replaced atomically on every change;
 * when each SIM's checks last ran, in `schedule-runs.json` beside it (its own file, so an older app
 * still reads the schedules).
 */
export class ScheduleFile {
  constructor(
    private readonly path: string,
    private readonly lastRunsPath = join(dirname(path), 'schedule-runs.json'),
  ) {}

  static in(dataDir: string): ScheduleFile {
    return new ScheduleFile(join(dataDir, 'schedules.json'));
  }

  /** A missing or damaged file knows of no run: the next one is today's, if its time is still ahead. */
  async loadLastRuns(): Promise<Map<string, number>> {
    return new Map(Object.entries((await readValid(this.lastRunsPath, LastRunsFileSchema))?.lastRuns ?? {}));
  }

  saveLastRuns(lastRuns: ReadonlyMap<string, number>): Promise<void> {
    return writeFileAtomic(this.lastRunsPath, `${JSON.stringify({ version: 1, lastRuns: Object.fromEntries(lastRuns) })}\n`);
  }

  /** A missing or damaged file schedules nothing: checks are off unless the user turned them on. */
  async load(): Promise<Schedule[]> {
    return (await readValid(this.path, ScheduleFileSchema))?.schedules ?? [];
  }

  save(schedules: readonly Schedule[]): Promise<void> {
    return writeFileAtomic(this.path, `${JSON.stringify({ version: 1, schedules }, null, 2)}\n`);
  }
}

/** The file's contents when it exists, is JSON and has the shape; otherwise null. */
async function readValid<S extends v.GenericSchema>(path: string, schema: S): Promise<v.InferOutput<S> | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = v.safeParse(schema, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}
