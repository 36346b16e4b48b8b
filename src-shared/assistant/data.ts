import * as v from 'valibot';
import type { InstructionCatalog } from '../catalog/catalog';
import { LocalizedListSchema, LocalizedSchema } from '../catalog/schema';
import { HallError } from '../errors';

export const ASSISTANT_ACTIONS = ['query', 'enable', 'disable', 'change'] as const;
export type AssistantAction = (typeof ASSISTANT_ACTIONS)[number];

const InstructionId = v.pipe(v.string(), v.minLength(1));
const PerAction = <T extends v.GenericSchema>(item: T) =>
  v.strictObject({ query: item, enable: item, disable: item, change: item });

const ObjectSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z][A-Za-z0-9]*$/)),
  /** How the answer names the thing, e.g. in “关于「彩铃」，你想做什么？”. */
  name: LocalizedSchema,
  /** What people call it. */
  words: LocalizedListSchema,
  /** The instruction for each action the thing supports. */
  instructions: v.strictObject({
    query: v.optional(InstructionId),
    enable: v.optional(InstructionId),
    disable: v.optional(InstructionId),
    change: v.optional(InstructionId),
  }),
  /** Taken when the question names no action (余额 alone means 查余额); without it the assistant asks. */
  default: v.optional(InstructionId),
  /** What to offer when it asks; the instructions above when absent. */
  options: v.optional(v.array(InstructionId)),
});

const TEXT_KEYS = [
  'help',
  'foundOne',
  'foundMany',
  'whichAction',
  'whichMonth',
  'whichFigure',
  'nothingToExplain',
  'whichOne',
  'whichThing',
  'monthThis',
  'monthLast',
  'monthPick',
  'explain',
  'unknown',
  'unknownNothing',
  'unknownRisky',
  'riskyGuess',
  'riskyAsk',
  'whyObject',
  'whySearch',
  'whyTyped',
  'whyRefresh',
  'whySummary',
  'secretNote',
  'monthInvalid',
  'noInstruction',
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export const AssistantDataSchema = v.strictObject({
  schemaVersion: v.literal(1),
  /** Colloquial action words the assistant adds to the shared ones in intents.json. */
  actions: PerAction(LocalizedListSchema),
  actionNames: PerAction(LocalizedSchema),
  objects: v.array(ObjectSchema),
  greetings: LocalizedListSchema,
  /** Words that carry no request (帮我, 一下, please): a question of only these and an action word asks “which?”. */
  fillers: LocalizedListSchema,
  help: v.strictObject({ phrases: LocalizedListSchema, chips: v.array(InstructionId) }),
  explain: v.strictObject({
    /** “什么意思”, “what did 10086 say”: about the last reply whatever else the question names. */
    phrases: LocalizedListSchema,
    /** “还剩多少”: about the last reply only when the question names nothing else. */
    vague: LocalizedListSchema,
    /** Offered when there is no reply yet to explain. */
    choices: v.array(InstructionId),
  }),
  months: v.strictObject({
    relative: v.array(v.strictObject({ offset: v.pipe(v.number(), v.integer()), words: LocalizedListSchema })),
  }),
  texts: v.strictObject(Object.fromEntries(TEXT_KEYS.map((k) => [k, LocalizedSchema])) as Record<TextKey, typeof LocalizedSchema>),
});

export type AssistantData = v.InferOutput<typeof AssistantDataSchema>;
export type AssistantObject = AssistantData['objects'][number];

/** Every instruction a thing can lead to without asking: one per action, and its default. */
export function instructionsOf(o: AssistantObject): string[] {
  return [...new Set([...Object.values(o.instructions), ...(o.default ? [o.default] : [])])];
}

function invalid(zh: string, en: string, details: string[]): HallError {
  return new HallError(
    'assistant.invalid',
    {
      zh: `助手词表（assistant.json）${zh}：${details.join('；')}`,
      en: `The assistant word list (assistant.json) ${en}: ${details.join('; ')}`,
    },
    { action: { zh: '请修正该文件后重新启动。', en: 'Fix the file and start again.' }, details: { problems: details } },
  );
}

/** Validates the assistant's data and checks that every instruction it names is in the catalog. */
export function parseAssistantData(input: unknown, catalog: InstructionCatalog): AssistantData {
  const parsed = v.safeParse(AssistantDataSchema, input);
  if (!parsed.success) {
    const where = parsed.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
    throw invalid('格式不对', 'is not valid', where);
  }
  const data = parsed.output;
  const named = (where: string, ids: readonly string[]) => ids.map((id) => ({ where, id }));
  const missing = [
    ...data.objects.flatMap((o) => named(`objects.${o.id}`, [...instructionsOf(o), ...(o.options ?? [])])),
    ...named('help.chips', data.help.chips),
    ...named('explain.choices', data.explain.choices),
  ]
    .filter(({ id }) => !catalog.get(id))
    .map(({ where, id }) => `${where} → ${id}`);
  const ids = data.objects.map((o) => o.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `objects.${id} ×2`);
  if (missing.length || twice.length) throw invalid('内容有误', 'is inconsistent', [...missing, ...twice]);
  return data;
}
