import type { ActionKind, Instruction, Localized, ParamSpec, ParamType } from '../schema';
import { foreignNumberReason, isServiceSmsPort } from '../service-numbers';
import { templateParams } from '../template';
import { invisibleRemoved } from '../outgoing-text';
import { placeholderType, type CustomInstruction } from './schema';

/**
 * Custom entries live in their own namespace: a code can never be a built-in id (built-in ids are
 * letters and digits only), so a user's `YE` sits beside the catalog's YE and no catalog update
 * can replace or remove it.
 */
export const CUSTOM_ID_PREFIX = 'custom:';

export const customId = (code: string) => CUSTOM_ID_PREFIX + code;
export const isCustomId = (id: string) => id.toLowerCase().startsWith(CUSTOM_ID_PREFIX);

export const USER_DEFINED_CAVEAT = {
  id: 'user-defined',
  text: {
    'zh-Hans': '这是用户自己添加的指令，内容未经核实',
    'zh-Hant': '這是使用者自行新增的指令，內容未經核實',
    en: 'Added by a user; its text has not been checked',
  },
} as const;

export const CUSTOM_CATEGORY = {
  id: 'custom',
  name: { 'zh-Hans': '自定义指令', 'zh-Hant': '自訂指令', en: 'Custom instructions' },
} as const;

const CONFIRM_REASON: Localized = {
  'zh-Hans': '添加者要求发送前确认',
  'zh-Hant': '新增者要求傳送前確認',
  en: 'Whoever added it asked for a confirmation before sending',
};

const TYPE_LABELS: Record<ParamType, Localized> = {
  month: { 'zh-Hans': '月份', 'zh-Hant': '月份', en: 'Month' },
  password: { 'zh-Hans': '服务密码', 'zh-Hant': '服務密碼', en: 'Service password' },
  idNumber: { 'zh-Hans': '证件号码', 'zh-Hant': '證件號碼', en: 'ID number' },
  amount: { 'zh-Hans': '金额（元）', 'zh-Hant': '金額（元）', en: 'Amount (yuan)' },
};
const SECRET_TYPES: ReadonlySet<ParamType> = new Set(['password', 'idNumber']);

/** The seed's codes start with what they do: 开通 KT, 取消 QX, 查询 CX, 变更 BG. */
const ACTION_BY_PREFIX: [RegExp, ActionKind][] = [
  [/^KT/i, 'enable'],
  [/^QX/i, 'disable'],
  [/^CX/i, 'query'],
  [/^BG/i, 'change'],
];

function paramSpec(name: string): ParamSpec {
  const type = placeholderType(name)!;
  const ordinal = name.slice(type.length);
  const base = TYPE_LABELS[type];
  const label = ordinal
    ? { 'zh-Hans': `${base['zh-Hans']} ${ordinal}`, 'zh-Hant': `${base['zh-Hant']} ${ordinal}`, en: `${base.en} ${ordinal}` }
    : base;
  return { name, type, secret: SECRET_TYPES.has(type), label };
}

function defaultSummary(entry: CustomInstruction): Localized {
  return {
    'zh-Hans': `自定义指令：发送 ${entry.template} 到 ${entry.to}`,
    'zh-Hant': `自訂指令：傳送 ${entry.template} 到 ${entry.to}`,
    en: `Custom instruction: sends ${entry.template} to ${entry.to}`,
  };
}

/**
 * Asked before sending when its author asked for it, and always when it goes to a number other than
 * a service port: a custom instruction may come in someone else's file, and 10658… or 1065… may
 * be a paid service. Such an entry is never sent unattended (schedules refuse what needs confirmation).
 */
function riskOf(entry: CustomInstruction): Instruction['risk'] {
  if (!isServiceSmsPort(entry.to)) return { confirm: true, reason: foreignNumberReason(entry.to) };
  return entry.confirm ? { confirm: true, reason: CONFIRM_REASON } : { confirm: false };
}

/** A validated custom entry in the catalog's own shape, so search, compose and recognise treat it like any other. */
export function toInstruction(stored: CustomInstruction): Instruction {
  // What is sent is what is seen: a direction override or zero-width character in a colleague's template
  // turned the description's "发送 CXYE‮ 到 68001" around (read "10086 到"), and went out in the SMS. The
  // catalog's entry has none (an instruction carries none: outgoingText), nor a variation selector or emoji
  // tag; a blank-looking letter inside stays seen and is refused when sent. The user's list keeps the file's.
  const entry = { ...stored, template: invisibleRemoved(stored.template, 'service') };
  return {
    id: customId(entry.code),
    template: entry.template,
    to: entry.to,
    params: templateParams(entry.template).map(paramSpec),
    name: entry.name,
    summary: entry.notes ?? defaultSummary(entry),
    category: CUSTOM_CATEGORY.id,
    action: ACTION_BY_PREFIX.find(([prefix]) => prefix.test(entry.code))?.[1] ?? 'other',
    caveats: [USER_DEFINED_CAVEAT.id],
    risk: riskOf(entry),
    synonyms: { 'zh-Hans': [], 'zh-Hant': [], en: [] },
    examples: { 'zh-Hans': [], 'zh-Hant': [], en: [] },
    seed: '',
  };
}
