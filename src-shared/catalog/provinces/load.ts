import * as v from 'valibot';
import { HallError } from '../../errors';
import { ProvinceDirectorySchema, ProvinceProfileSchema, type ProvinceDirectory, type ProvinceProfile } from './schema';

function parseOrThrow<T>(schema: v.GenericSchema<unknown, T>, input: unknown, what: { zh: string; en: string }): T {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return parsed.output;
  const where = parsed.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  throw new HallError(
    'province.invalid',
    { zh: `${what.zh}格式不对：${where.join('；')}`, en: `${what.en} is not valid: ${where.join('; ')}` },
    { details: { issues: where } },
  );
}

export function parseProvinceDirectory(input: unknown): ProvinceDirectory {
  return parseOrThrow(ProvinceDirectorySchema, input, { zh: '省份目录', en: 'The province directory' });
}

export function parseProvinceProfile(input: unknown): ProvinceProfile {
  return parseOrThrow(ProvinceProfileSchema, input, { zh: '省份配置', en: 'The province profile' });
}
