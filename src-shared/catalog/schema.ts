import * as v from 'valibot';

/** Text in the three languages the product speaks. zh-Hant is the seed's own wording. */
export const LocalizedSchema = v.strictObject({
  'zh-Hans': v.pipe(v.string(), v.minLength(1)),
  'zh-Hant': v.pipe(v.string(), v.minLength(1)),
  en: v.pipe(v.string(), v.minLength(1)),
});

export const LocalizedListSchema = v.strictObject({
  'zh-Hans': v.array(v.pipe(v.string(), v.minLength(1))),
  'zh-Hant': v.array(v.pipe(v.string(), v.minLength(1))),
  en: v.array(v.pipe(v.string(), v.minLength(1))),
});

export const PARAM_TYPES = ['month', 'password', 'idNumber', 'amount'] as const;
export const ACTION_KINDS = ['query', 'enable', 'disable', 'change', 'other'] as const;
export const CATEGORY_IDS = ['billing', 'data', 'calls', 'services', 'account', 'reminders', 'trial', 'custom'] as const;

export const ParamSpecSchema = v.strictObject({
  /** Name used in the template placeholder, e.g. `month` in `ZD{month}`. */
  name: v.pipe(v.string(), v.regex(/^[a-z][A-Za-z0-9]*$/)),
  type: v.picklist(PARAM_TYPES),
  /** Secrets (passwords, ID numbers) are masked on screen and redacted before anything is stored. */
  secret: v.boolean(),
  label: LocalizedSchema,
});

export const InstructionSchema = v.strictObject({
  /** The keyword exactly as the seed writes it, without its parameters. */
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{1,16}$/)),
  /** SMS text with `{param}` placeholders, e.g. `MMXG#{oldPassword}#{newPassword}`. */
  template: v.pipe(v.string(), v.minLength(1), v.maxLength(70)),
  /** Destination number. */
  to: v.pipe(v.string(), v.regex(/^\d{3,20}$/)),
  params: v.array(ParamSpecSchema),
  name: LocalizedSchema,
  summary: LocalizedSchema,
  category: v.picklist(CATEGORY_IDS),
  action: v.picklist(ACTION_KINDS),
  /** The instruction that undoes this one (KT… ↔ QX…). */
  opposite: v.optional(v.string()),
  /** Other instructions worth offering next to this one (e.g. the query for a KT/QX pair). */
  related: v.optional(v.array(v.string())),
  /** Ids into the catalog's `caveats` table. */
  caveats: v.array(v.string()),
  risk: v.strictObject({
    /** A clerk must confirm before this is sent (TJ suspends the line; QX… turn things off). */
    confirm: v.boolean(),
    reason: v.optional(LocalizedSchema),
  }),
  synonyms: LocalizedListSchema,
  examples: LocalizedListSchema,
  /** The seed's line this entry comes from, verbatim (empty for instructions not from the seed). */
  seed: v.string(),
});

export const CaveatSchema = v.strictObject({ id: v.string(), text: LocalizedSchema });
export const CategorySchema = v.strictObject({ id: v.picklist(CATEGORY_IDS), name: LocalizedSchema });

export const CatalogSchema = v.strictObject({
  schemaVersion: v.literal(1),
  /** Data version, compared by updates: `YYYY.MM.DD-N`. */
  version: v.pipe(v.string(), v.regex(/^\d{4}\.\d{2}\.\d{2}-\d+$/)),
  date: v.pipe(v.string(), v.isoDate()),
  categories: v.array(CategorySchema),
  caveats: v.array(CaveatSchema),
  instructions: v.array(InstructionSchema),
});

export const ServiceNumberSchema = v.strictObject({
  number: v.pipe(v.string(), v.regex(/^\d{3,20}$/)),
  kind: v.picklist(['hotline', 'sms-port', 'retired', 'roaming-hotline']),
  name: LocalizedSchema,
  notes: LocalizedSchema,
  /** ISO dates: when the number came into or went out of service, where the seed says. */
  since: v.optional(v.pipe(v.string(), v.isoDate())),
  until: v.optional(v.pipe(v.string(), v.isoDate())),
});

export const ServiceDirectorySchema = v.strictObject({
  schemaVersion: v.literal(1),
  numbers: v.array(ServiceNumberSchema),
});

export type Localized = v.InferOutput<typeof LocalizedSchema>;
export type LocalizedList = v.InferOutput<typeof LocalizedListSchema>;
export type ParamType = (typeof PARAM_TYPES)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];
export type CategoryId = (typeof CATEGORY_IDS)[number];
export type ParamSpec = v.InferOutput<typeof ParamSpecSchema>;
export type Instruction = v.InferOutput<typeof InstructionSchema>;
export type Catalog = v.InferOutput<typeof CatalogSchema>;
export type ServiceDirectory = v.InferOutput<typeof ServiceDirectorySchema>;
