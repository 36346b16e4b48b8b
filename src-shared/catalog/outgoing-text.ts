import { HallError } from '../errors';

/**
 * What an SMS carries: the one place every sender (the core, so the composer, the CLI, Retry, a reply's
 * "send back", the extension through the app) and every confirmation takes its text from, so what the
 * user is shown is exactly what goes out.
 *
 * Two audiences. An instruction to a service number (10086, 1008611…) is letters, digits, '#' and
 * Chinese: any character nobody sees there makes 10086 answer 指令有误, or hides what goes out, so every
 * Default_Ignorable_Code_Point goes (zero-width characters, joiners, variation selectors, emoji tags,
 * soft hyphen, word joiner and invisible operators, BOM, Mongolian vowel separator, direction
 * controls…) with the control characters that show nothing. Free text to a person (`send --to`, the
 * API's `to`) keeps what is part of what was written there: an emoji's joiners and variation selectors
 * (👨‍👩‍👧, ❤️, 1️⃣), Persian's ZWNJ, Mongolian's variation selectors, a flag's tags; never between two
 * ASCII letters, digits or '#', where one would hide a code (`qx\u200dgprs`).
 *
 * Blank-looking letters (U+3164 HANGUL FILLER, U+115F, U+1160, U+FFA0, U+2800 BRAILLE PATTERN BLANK) are
 * drawn as a space (Chromium: 15–20 px at 20 px, a space 5 px). At either end, or beside a space, one is
 * dropped like a space is trimmed; between two visible characters it is refused: dropped, it would join
 * what the user saw apart (`KT⠀GPRS` would go as KTGPRS, an order), and a space in its place would be a
 * character the user did not type.
 */

export type Audience = 'service' | 'person';

export type RemovedKind = 'control' | 'direction' | 'soft-hyphen' | 'zero-width' | 'joiner' | 'variation' | 'tag' | 'blank' | 'format';

export interface RemovedCharacter {
  /** `U+200B`. */
  codePoint: string;
  kind: RemovedKind;
  count: number;
}

export interface OutgoingText {
  /** Exactly what the SMS carries (trimmed). */
  text: string;
  /** What was taken out of the typed text, in order of first appearance. */
  removed: RemovedCharacter[];
}

const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/u;
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const JOINER = /[\u200C\u200D]/u;
const VARIATION = /[\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const TAG = /[\u{E0001}\u{E0020}-\u{E007F}]/u;
const SOFT_HYPHEN = /\u00AD/u;
const ZERO_WIDTH = /[\u034F\u180E\u200B\u2060-\u2064\uFEFF]/u;
/** Letters drawn as a blank (Default_Ignorable or not: U+2800 is a symbol). */
const BLANK = /[\u115F\u1160\u3164\uFFA0\u2800]/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const ASCII_CODE = /[A-Za-z0-9#]/;
const FLAG_BASE = '\u{1F3F4}';

function kindOf(ch: string): RemovedKind | null {
  if (BLANK.test(ch)) return 'blank';
  if (CONTROL.test(ch)) return 'control';
  if (DIRECTION.test(ch)) return 'direction';
  if (JOINER.test(ch)) return 'joiner';
  if (VARIATION.test(ch)) return 'variation';
  if (TAG.test(ch)) return 'tag';
  if (SOFT_HYPHEN.test(ch)) return 'soft-hyphen';
  if (ZERO_WIDTH.test(ch)) return 'zero-width';
  if (IGNORABLE.test(ch)) return 'format';
  return null;
}

/** Whether a person's text keeps `chars[i]` (of kind `kind`): part of an emoji, a script, a flag. */
function keptForPerson(chars: readonly string[], i: number, kind: RemovedKind): boolean {
  if (kind === 'joiner' || kind === 'variation') {
    const before = neighbour(chars, i, -1);
    const after = neighbour(chars, i, 1);
    return !(before !== undefined && after !== undefined && ASCII_CODE.test(before) && ASCII_CODE.test(after));
  }
  if (kind === 'tag') return inFlagSequence(chars, i);
  return false;
}

/** The nearest character that is not a format or control one, `step` apart. */
function neighbour(chars: readonly string[], i: number, step: 1 | -1): string | undefined {
  for (let k = i + step; k >= 0 && k < chars.length; k += step) {
    const kind = kindOf(chars[k]!);
    if (kind === null || kind === 'blank') return chars[k];
  }
  return undefined;
}

/** 🏴 + tag letters + CANCEL TAG (🏴󠁧󠁢󠁳󠁣󠁴󠁿): Unicode's emoji tag sequence, a subdivision's flag. */
function inFlagSequence(chars: readonly string[], i: number): boolean {
  let start = i;
  while (start > 0 && /[\u{E0020}-\u{E007E}]/u.test(chars[start - 1]!)) start--;
  let end = i;
  while (end < chars.length && /[\u{E0020}-\u{E007E}]/u.test(chars[end]!)) end++;
  return chars[start - 1] === FLAG_BASE && chars[end] === '\u{E007F}' && end > start && i <= end;
}

const isSpace = (ch: string | undefined) => ch === undefined || /\s/u.test(ch);

/**
 * The text an SMS carries for `typed`, and what was removed. Throws `send.blank-inside` (Chinese and
 * English, naming the character and where) for a blank-looking letter between two visible characters.
 */
export function outgoingText(typed: string, audience: Audience): OutgoingText {
  const { kept, removed } = withoutInvisible(typed, audience);
  const note = noter(removed);
  const out: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const ch = kept[i]!;
    if (!BLANK.test(ch)) {
      out.push(ch);
      continue;
    }
    let end = i;
    while (end < kept.length && BLANK.test(kept[end]!)) end++;
    const before = out.at(-1);
    const after = kept[end];
    if (!isSpace(before) && !isSpace(after)) throw blankInside(ch, [...out.join('').trimStart()].length + 1, before!, after!);
    for (let k = i; k < end; k++) note(kept[k]!, 'blank');
    i = end - 1;
  }
  return { text: out.join('').trim(), removed };
}

/**
 * The SMS an instruction's template or text becomes, to tell which instruction it is: a blank-looking letter at
 * either end goes like a space, so a colleague's `TJ⠀` (U+2800) is TJ and asks TJ's question (review38: before, it
 * was no instruction to the recogniser, and went as TJ). One inside is refused when sent: it is looked at as it is.
 */
export function instructionSent(text: string): string {
  try {
    return outgoingText(text, 'service').text;
  } catch (e) {
    if (e instanceof HallError && e.code === 'send.blank-inside') return text;
    throw e;
  }
}

/**
 * Only the invisible characters taken out, blank-looking letters left where they are: a custom
 * instruction's template as its catalog entry shows it (a blank inside is refused when it is sent).
 */
export function invisibleRemoved(typed: string, audience: Audience): string {
  return withoutInvisible(typed, audience).kept.join('');
}

/** The code points in `text` that nobody sees or that look like a space (`U+200B`), each once: an instruction holds none. */
export function unseenCodePoints(text: string): string[] {
  return [...new Set([...text].filter((ch) => kindOf(ch) !== null).map(codePointOf))];
}

const codePointOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function noter(removed: RemovedCharacter[]): (ch: string, kind: RemovedKind) => void {
  return (ch, kind) => {
    const codePoint = codePointOf(ch);
    const seen = removed.find((r) => r.codePoint === codePoint);
    if (seen) seen.count++;
    else removed.push({ codePoint, kind, count: 1 });
  };
}

function withoutInvisible(typed: string, audience: Audience): { kept: string[]; removed: RemovedCharacter[] } {
  const chars = [...typed];
  const kept: string[] = [];
  const removed: RemovedCharacter[] = [];
  const note = noter(removed);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const kind = kindOf(ch);
    if (kind === null || (audience === 'person' && keptForPerson(chars, i, kind))) {
      kept.push(ch);
    } else if (kind === 'blank') {
      kept.push(ch); // judged by outgoingText, once the invisible ones are out
    } else {
      note(ch, kind);
    }
  }
  return { kept, removed };
}

/**
 * A neighbour of a refused blank as the message names it: a digit only as "a digit", for it may be one of a password's
 * or an ID number's (MMXG#123⠀456#…: the toast at a hall desk, the extension's list of sends, the CLI's stderr would
 * show two of its digits; the position alone finds the blank: review27).
 */
const namedBeside = (ch: string, lang: 'zh' | 'en'): string => {
  if (/\p{Nd}/u.test(ch)) return lang === 'zh' ? '一个数字' : 'a digit';
  // An ID number's check character (…123⠀X, Ｘ typed full-width, or …123X⠀谢谢 with the ID's digits on its far side) is
  // named as a letter only, whatever stands on the blank's other side (review28, review29).
  if (/^[Xx]$/u.test(ch.normalize('NFKC'))) return lang === 'zh' ? '一个字母' : 'a letter';
  return lang === 'zh' ? `“${ch}”` : `"${ch}"`;
};

function blankInside(ch: string, position: number, before: string, after: string): HallError {
  const code = codePointOf(ch);
  return new HallError(
    'send.blank-inside',
    {
      zh: `第 ${position} 个字符是 ${code}（看起来像空格，其实不是空格的字符），在${namedBeside(before, 'zh')}和${namedBeside(after, 'zh')}之间：去掉它会把两边连在一起，发出的就不是看到的内容。请删掉它或换成普通空格后再发送。`,
      en: `Character ${position} is ${code} (it looks like a space but is not one), between ${namedBeside(before, 'en')} and ${namedBeside(after, 'en')}: removing it would join the two, so what goes out would not be what is shown. Delete it or type an ordinary space instead, then send.`,
    },
    { details: { codePoint: code, position } },
  );
}

const KIND_NAMES: Record<RemovedKind, { zh: string; en: string }> = {
  control: { zh: '控制字符', en: 'control character' },
  direction: { zh: '文字方向控制符', en: 'direction control' },
  'soft-hyphen': { zh: '软连字符', en: 'soft hyphen' },
  'zero-width': { zh: '零宽字符', en: 'zero-width character' },
  joiner: { zh: '零宽连接符', en: 'zero-width joiner' },
  variation: { zh: '变体选择符', en: 'variation selector' },
  tag: { zh: '标签字符', en: 'tag character' },
  blank: { zh: '像空格的空白字符', en: 'blank-looking character' },
  format: { zh: '格式字符', en: 'format character' },
};

/** What was removed, said once in Chinese and English (`已去掉 2 个看不见的字符：U+200B 零宽字符 ×2。`); null when nothing was. */
export function removedNote(removed: readonly RemovedCharacter[]): { zh: string; en: string } | null {
  if (removed.length === 0) return null;
  const total = removed.reduce((n, r) => n + r.count, 0);
  const times = (r: RemovedCharacter) => (r.count > 1 ? ` ×${r.count}` : '');
  return {
    zh: `已去掉 ${total} 个看不见或像空格的字符（短信里不会有它们）：${removed.map((r) => `${r.codePoint} ${KIND_NAMES[r.kind].zh}${times(r)}`).join('、')}。`,
    en: `Removed ${total} invisible or blank-looking character${total > 1 ? 's' : ''} (the SMS will not carry ${total > 1 ? 'them' : 'it'}): ${removed.map((r) => `${r.codePoint} ${KIND_NAMES[r.kind].en}${times(r)}`).join(', ')}.`,
  };
}
