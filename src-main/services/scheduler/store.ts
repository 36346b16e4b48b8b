import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { ScheduleSchema, type Schedule } from '../../../src-shared/api/contract';
import type { Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { jsonOf, loadSettingsFile, type SettingsFile } from '../settings-file';

const ScheduleFileSchema = v.strictObject({ version: v.literal(1), schedules: v.array(ScheduleSchema) });
const LastRunsFileSchema = v.strictObject({
  version: v.literal(1),
  lastRuns: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/**
 * Where the schedules live: `schedules.json` in the data folder, replaced atomically on every change;
 * when each SIM's checks last ran, in `schedule-runs.json` beside it (its own file, so an older app
 * still reads the schedules). A damaged file is kept aside, and said in `problems`.
 */
export class ScheduleFile {
  /** What loading found damaged and kept aside, for the user to read. */
  readonly problems: Bilingual[] = [];

  constructor(
    private readonly path: string,
    private readonly lastRunsPath = join(dirname(path), 'schedule-runs.json'),
  ) {}

  static in(dataDir: string): ScheduleFile {
    return new ScheduleFile(join(dataDir, 'schedules.json'));
  }

  /** A missing or damaged file knows of no run: the next one is today's, if its time is still ahead. */
  async loadLastRuns(): Promise<Map<string, number>> {
    const file = await this.read({
      path: this.lastRunsPath,
      holds: { zh: '定时查询运行记录', en: 'scheduled checks’ last runs' },
      meanwhile: { zh: '今天已经做过的定时查询可能会再做一次。', en: 'a scheduled check that already ran today may run once more.' },
      parse: jsonOf(LastRunsFileSchema),
    });
    return new Map(Object.entries(file?.lastRuns ?? {}));
  }

  saveLastRuns(lastRuns: ReadonlyMap<string, number>): Promise<void> {
    return writeFileAtomic(this.lastRunsPath, `${JSON.stringify({ version: 1, lastRuns: Object.fromEntries(lastRuns) })}\n`);
  }

  /** A missing or damaged file schedules nothing: checks are off unless the user turned them on. */
  async load(): Promise<Schedule[]> {
    const file = await this.read({
      path: this.path,
      holds: { zh: '定时查询', en: 'scheduled checks' },
      meanwhile: { zh: '定时查询都不会运行，直到你重新设置。', en: 'no scheduled check runs until you set them again.' },
      parse: jsonOf(ScheduleFileSchema),
    });
    return file?.schedules ?? [];
  }

  save(schedules: readonly Schedule[]): Promise<void> {
    return writeFileAtomic(this.path, `${JSON.stringify({ version: 1, schedules }, null, 2)}\n`);
  }

  private async read<T>(file: SettingsFile<T>): Promise<T | undefined> {
    const { value, problem } = await loadSettingsFile(file);
    if (problem) this.problems.push(problem);
    return value;
  }
}
