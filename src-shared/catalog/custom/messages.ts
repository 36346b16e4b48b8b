import type { Bilingual } from '../../errors';

/**
 * What is wrong with one field of a user-defined instruction. The schema uses these keys as its
 * messages, so each rule is written once and its text lives here in both languages.
 */
export const FIELD_PROBLEMS = {
  'custom.entry-type': { zh: '每条指令应是一个对象。', en: 'each instruction must be an object.' },
  'custom.code-format': { zh: '代码应为 1–16 位字母或数字，例如 CXLL。', en: 'the code must be 1–16 letters or digits, e.g. CXLL.' },
  'custom.template-type': { zh: '短信内容应为文字。', en: 'the SMS text must be text.' },
  'custom.template-length': { zh: '短信内容应为 1–70 个字符。', en: 'the SMS text must be 1–70 characters.' },
  'custom.template-chars': { zh: '短信内容不能有换行或控制字符。', en: 'the SMS text cannot contain line breaks or control characters.' },
  'custom.template-param': {
    zh: '参数只能写成 {month}、{password}、{idNumber}、{amount}（同类第二个加数字，如 {password2}），每个只用一次，大括号不能单独出现。',
    en: 'parameters are written {month}, {password}, {idNumber} or {amount} (a second of a kind gets a digit, e.g. {password2}), each once; braces cannot stand alone.',
  },
  'custom.template-code': { zh: '短信内容应以指令代码开头。', en: 'the SMS text must start with the instruction code.' },
  'custom.to-format': { zh: '发送号码应为 3–20 位数字，例如 10086。', en: 'the number to send to must be 3–20 digits, e.g. 10086.' },
  'custom.name-type': { zh: '名称应按语言填写（简体、繁體或 English），每种最多 40 个字。', en: 'names are given per language (zh-Hans, zh-Hant or en), each at most 40 characters.' },
  'custom.name-missing': { zh: '请至少用一种语言填写名称。', en: 'give a name in at least one language.' },
  'custom.notes-type': { zh: '说明应按语言填写，每种最多 500 个字。', en: 'notes are given per language, each at most 500 characters.' },
  'custom.confirm-type': { zh: '“发送前确认”应为是或否。', en: '"confirm before sending" must be true or false.' },
  'custom.duplicate-code': { zh: '已有相同代码的自定义指令。', en: 'a custom instruction with this code already exists.' },
} satisfies Record<string, Bilingual>;

export type FieldProblem = keyof typeof FIELD_PROBLEMS;

export const FIELD_LABELS = {
  entry: { zh: '指令', en: 'Instruction' },
  code: { zh: '代码', en: 'Code' },
  template: { zh: '短信内容', en: 'SMS text' },
  to: { zh: '发送号码', en: 'Number' },
  name: { zh: '名称', en: 'Name' },
  notes: { zh: '说明', en: 'Notes' },
  confirm: { zh: '发送前确认', en: 'Confirm before sending' },
} satisfies Record<string, Bilingual>;

export type CustomField = keyof typeof FIELD_LABELS;

/** What a field that is left out entirely is told (valibot reports a missing key with the entry's message). */
export const FIELD_MISSING: Record<CustomField, FieldProblem> = {
  entry: 'custom.entry-type',
  code: 'custom.code-format',
  template: 'custom.template-type',
  to: 'custom.to-format',
  name: 'custom.name-missing',
  notes: 'custom.notes-type',
  confirm: 'custom.confirm-type',
};
