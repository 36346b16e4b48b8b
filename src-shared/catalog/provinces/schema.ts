import * as v from 'valibot';
import { InstructionSchema, LocalizedSchema, ParamSpecSchema } from '../schema';

/**
 * The 31 provinces, autonomous regions and municipalities China Mobile has a company in, by their
 * two-letter GB/T 2260 (ISO 3166-2:CN) codes, lower-cased.
 */
export const PROVINCE_IDS = [
  'bj', 'tj', 'he', 'sx', 'nm', 'ln', 'jl', 'hl', 'sh', 'js', 'zj', 'ah', 'fj', 'jx', 'sd', 'ha',
  'hb', 'hn', 'gd', 'gx', 'hi', 'cq', 'sc', 'gz', 'yn', 'xz', 'sn', 'gs', 'qh', 'nx', 'xj',
] as const;

/** A province's own text for a catalog instruction (e.g. its balance query), replacing the fields given. */
export const InstructionOverrideSchema = v.pipe(
  v.strictObject({
    id: v.string(),
    template: v.optional(InstructionSchema.entries.template),
    params: v.optional(v.array(ParamSpecSchema)),
    to: v.optional(InstructionSchema.entries.to),
    summary: v.optional(LocalizedSchema),
  }),
  v.check((o) => Object.keys(o).length > 1, 'an override changes at least one field'),
);

/** "In this province, this instruction works as the catalog says": the caveat no longer needs showing. */
export const CaveatConfirmationSchema = v.strictObject({ id: v.string(), caveat: v.string() });

export const ProvinceProfileSchema = v.pipe(
  v.strictObject({
    id: v.picklist(PROVINCE_IDS),
    name: LocalizedSchema,
    /** Only a checked profile may change anything; an unverified one leaves every caveat showing. */
    status: v.picklist(['unverified', 'verified']),
    /** Where a verified profile's facts come from (a page of the provincial site, a clerk's check and its date). */
    source: v.optional(v.pipe(v.string(), v.minLength(1))),
    overrides: v.optional(v.array(InstructionOverrideSchema), []),
    added: v.optional(v.array(InstructionSchema), []),
    hidden: v.optional(v.array(v.string()), []),
    confirms: v.optional(v.array(CaveatConfirmationSchema), []),
  }),
  v.check(
    (p) => (p.status === 'verified' ? p.source !== undefined : changeCount(p) === 0),
    'a verified profile names its source; an unverified one changes nothing',
  ),
);

export const ProvinceDirectorySchema = v.pipe(
  v.strictObject({ schemaVersion: v.literal(1), provinces: v.array(ProvinceProfileSchema) }),
  v.check((d) => new Set(d.provinces.map((p) => p.id)).size === d.provinces.length, 'each province is listed once'),
);

export type ProvinceId = (typeof PROVINCE_IDS)[number];
export type InstructionOverride = v.InferOutput<typeof InstructionOverrideSchema>;
export type ProvinceProfile = v.InferOutput<typeof ProvinceProfileSchema>;
export type ProvinceDirectory = v.InferOutput<typeof ProvinceDirectorySchema>;

function changeCount(p: { overrides: unknown[]; added: unknown[]; hidden: unknown[]; confirms: unknown[] }): number {
  return p.overrides.length + p.added.length + p.hidden.length + p.confirms.length;
}
