import { MARKED_PART_START } from '../pdu/misfit-mark';
import type { Instruction } from './schema';
import { parseTemplate } from './template';

/** What every secret becomes at rest, whatever its length: not even how long a password is leaks. */
export const SECRET_MASK = '******';
/** Letters or digits beside a mask: the rest of a secret a part boundary cut (see `maskContinued`). */
const MASK_CONTINUED = /[0-9A-Za-z]/;
/** In a whole text, only digits (and an ID's final X): a code typed glued to its value (`cxyeh******`) keeps its letters. */
const MASK_CONTINUED_DIGITS = /[0-9Xx]/;
/** Between the groups of an ID number as forms print it. */
const GROUP_SEPARATOR = /[ -]/;
/**
 * Between the groups of an ID number as people write or paste it: a short run of spaces, tabs, line breaks, dots,
 * slashes, commas, `、`, `·`, underscores or dashes (`110105.19491231.002X`, `110105  19491231  002X`, ` - `; review49 F2).
 */
const ID_GAP = String.raw`[\s.。·・,，、/\\_|~\-—–]`;
/** The shortest group of an ID number printed in groups (`440106 19491231 002X`): the last one. */
const GROUP_MIN = 4;
/**
 * Letters and digits right at the start or the end of text that a missing part cuts off, also in
 * groups apart by single spaces or hyphens (an ID number as forms print it), at the end with the separators after them
 * (`身份证号码 110105.`: masked `身份证号码 ******`, so the rest that comes later glued to the mask goes with it, ID_CUED);
 * a piece of a secret only when it holds a digit.
 */
const FRAGMENT_AT_START = /^[ -]?[0-9A-Za-z０-９]+(?:[ -][0-9A-Za-z０-９]+)*/;
const FRAGMENT_AT_END = new RegExp(String.raw`[0-9A-Za-z０-９]+(?:[ -][0-9A-Za-z０-９]+)*${ID_GAP}{0,3}$`);
const HAS_DIGIT = /[0-9０-９]/;

/**
 * Between a code and its values people type `#`, spaces, full-width `＃` or nothing at all, and
 * often a trailing separator. After NFKC (full-width → ASCII) these are the separators accepted.
 */
const SEPARATOR = String.raw`[\s#*,，、.。:;/\\\-_=+|~]`;
/**
 * Between a code and a value: any run of separators, or a few words and brackets as people write
 * them (`mmxg 旧密码：123456，新密码：654321`, `MMXG（123456）`). Never a Latin letter or a digit, and
 * bounded, so a code in a question does not reach a number far away in the text.
 */
// Lazy, so the words end where the value begins even when the value is written in Chinese digits.
const GAP = String.raw`(?:${SEPARATOR}*|[^0-9A-Za-z]{0,12}?)`;
/**
 * A digit as some people type a password with a Chinese input method: 幺 for 一 as said on the phone, and the financial
 * numerals of cheques and receipts (壹贰叁…, Traditional 貳參陸).
 */
const CHINESE_DIGIT = '[零〇一二三四五六七八九幺壹贰貳叁參肆伍陆陸柒捌玖]';
/** A digit of either kind, Arabic (any width: the text is read after NFKC) or Chinese. */
const ANY_DIGIT = String.raw`[0-9零〇一二三四五六七八九幺壹贰貳叁參肆伍陆陸柒捌玖]`;
/**
 * Three or more digits in a row with at least one Chinese digit among them: all Chinese (`一二三四五六`), mixed
 * (`一2三4五6`), or apart by single spaces or hyphens (`一 二 三 四 五 六`, `一二三 四五六`). Pure Arabic runs are the other
 * shapes' (SECRET_VALUE's letters and digits, SPACED_DIGITS).
 */
const CHINESE_DIGITS = String.raw`(?=[0-9 -]*${CHINESE_DIGIT})${ANY_DIGIT}(?:[ -]?${ANY_DIGIT}){2,}`;
/** Four or more Arabic digits one space or hyphen apart (`1 2 3 4 5 6`, `4 8 2 1`), as read out or typed to be clear. */
const SPACED_DIGITS = String.raw`\d(?:[ -]\d){3,}`;
/**
 * What may not follow a run of digits after a secret word for it to be a secret (review44 F7): more digits or letters,
 * a year or a date (`二〇二六年`), an amount (`一二三元`, `12.50元`: a decimal point and a digit).
 */
const NOT_CHINESE_SECRET_AFTER = String.raw`(?![0-9A-Za-z]|${CHINESE_DIGIT}|\s*[年月日号元次]|[.．]\d)`;
const CHINESE_10086 = String.raw`[一幺][零〇]{2}八六(?!${ANY_DIGIT})`;
/**
 * Six Chinese digits on their own, anywhere: SIX_DIGITS in Chinese (`原来是一二三四五六`, `壹贰叁肆伍陆`), not a date's year or
 * month. Not mixed ones (`一2三4五6` is masked after a secret word or a code only): 10086 writes `发送“我”到10086一次性查询`.
 */
const SIX_CHINESE_DIGITS = String.raw`(?<![0-9A-Za-z]|${CHINESE_DIGIT})(${CHINESE_DIGIT}{6})${NOT_CHINESE_SECRET_AFTER}`;
/**
 * The check digit of a Hong Kong identity card, in brackets after its letters and six digits (`A123456(7)`; NFKC makes
 * full-width brackets ASCII): part of the number.
 */
const CHECK_DIGIT = String.raw`(?:\(\s?[0-9Aa]\s?\))?`;
/**
 * A secret value (password, ID number) always has a digit, Arabic or Chinese; a word after a code
 * (`MMXG is…`) is not one.
 */
const SECRET_VALUE = String.raw`((?:${CHINESE_DIGITS}|[0-9A-Za-z]*[0-9][0-9A-Za-z]*${CHECK_DIGIT}))`;
/**
 * After an instruction's last value, more digit groups apart only by separators are the same
 * secrets typed in pieces (`MMXG 123 456 654 321`): masked with them rather than left half shown.
 */
const MORE_GROUPS = String.raw`((?:${SEPARATOR}+(?:${CHINESE_DIGITS}|\d+))*)`;
const PLAIN_VALUE = String.raw`([0-9A-Za-z]+)`;
/**
 * An ID number anywhere, even glued to a word before it (`sfz110105…`): 17 digits and a digit or X,
 * also written in groups with single spaces or hyphens (`110105 19491231 002X`, as forms print it), or in the groups
 * of its fields (6 digits, a birth date of 8, or 4 and 4, then 3 and a digit or X) apart by up to three of ID_GAP: the
 * birth date keeps dates and other figures apart by such marks from being taken for one.
 */
const ID_NUMBER = String.raw`(?<!\d)(\d(?:[ \-]?\d){16}[ \-]?[\dXx]|\d{6}${ID_GAP}{1,3}(?:18|19|20)\d\d${ID_GAP}{0,3}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])${ID_GAP}{1,3}\d{3}[\dXx])(?![0-9A-Za-z])`;
/** A mainland mobile number, with or without +86 / 86 before it, not part of a longer run of digits. */
const MOBILE_NUMBER = /(?<!\d)(?:\+?86)?(1[3-9]\d)\d{4}(\d{4})(?!\d)/gu;

/**
 * `text` with every ID number masked whole (ID_NUMBER, as the detector finds one anywhere) and every mobile number as
 * 10086 itself writes one (`138****5678`): for free text no instruction frames (a bug's message and stack), where a
 * phone number is no secret of any instruction the detector knows.
 */
export function maskPersonalNumbers(text: string): string {
  return text.replace(new RegExp(ID_NUMBER, 'gu'), SECRET_MASK).replace(MOBILE_NUMBER, (_, head: string, tail: string) => `${head}****${tail}`);
}

/**
 * A 6-digit run on its own, anywhere: the shape of a service password (glued to letters, as in
 * ZD202610, it is not). One exception, see `isBillMonth`.
 */
const SIX_DIGITS = String.raw`(?<![0-9A-Za-z])(\d{6})(?![0-9A-Za-z])`;

/**
 * A value right after a word that names it secret (`验证码：4821`, `密码是12345678`, `OTP 83920`),
 * whatever its length (4–12 letters and digits, with a digit): 10086 and people write one-time codes
 * and passwords of other lengths than 6 too. Only separators, 是 or 为 (in English `is`) may stand
 * between, and one opening bracket or quote: SMS templates write `验证码为【%s】` and `验证码“%s”`.
 */
/**
 * A date or a time where a cued value would start (review47 F1: `已` as a cue reached `密码已修改，2026-12-07 10:30`, masked
 * to `******:30`): `2026-12-07`, `2026 12 07`, `12-07`, `12 07 10:30`, `10:30`. Never a secret's value after a word of
 * changing it (`密码已重置 12-07`: a notice of when) or after a word that names another secret; after a password word
 * itself see PASSWORD_THEN.
 */
const DATE = String.raw`(?:19|20)\d\d[-/. ](?:0?[1-9]|1[0-2])(?:[-/. ](?:0?[1-9]|[12]\d|3[01]))?(?!\d)|(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\d -])`;
const TIME = String.raw`\d{1,2}[:：]\d{2}(?!\d)`;
const DATE_OR_TIME = String.raw`${DATE}|(?:0?[1-9]|1[0-2])[ -](?:0?[1-9]|[12]\d|3[01]) \d{1,2}[:：]\d{2}|${TIME}`;
/**
 * Words that say the value is a password (`密码 12-07`, `口令：2019 12 31`, `my password is 12-07`), and CZMM, the reset
 * instruction of some provinces: a value right after one (only separators, 是, 为 or `is` between) is a password even when
 * it reads as a date (mend63: masked since people choose a birthday or a date as one). A date with a time after it
 * (`密码 2026-12-07 10:30`) or a time alone is when, not what, and stays.
 */
const PASSWORD_WORDS = String.raw`密码|密碼|口令|(?<![A-Za-z])(?:password|passcode|pwd|czmm)(?![A-Za-z])`;
const PASSWORD_THEN = String.raw`(?<=(?:${PASSWORD_WORDS})(?:[\s:：是为為,，#]|(?<=\s)is(?=\s)){0,4}[【\[(“"‘'「『《<]?)(?!(?:${DATE})\s*\d{1,2}[:：]\d{2}|${TIME})`;
/** Words that name a password or a one-time code: a SIM's PIN码 and PUK码 (PIN1, PUK2…), an English `verification code`. */
const SECRET_WORDS = String.raw`密码|密碼|验证码|驗證碼|校验码|校驗碼|动态码|動態碼|随机码|隨機碼|短信码|短信碼|口令|(?<![A-Za-z])(?:password|passcode|pwd|czmm|(?:pin|puk)(?:[12](?!\d))?(?:码|碼)?|otp|(?:verification|security|confirmation|login|one-time|sms|2fa|auth(?:entication)?)[ -]code)`;
/**
 * The old or the new one, when a word that names a secret stands before it in the same sentence, at most 16 characters
 * back: `改密码：旧 1234567 新 7654321`, `密码1234567 改成 7654321` (review49 F3: a value of another length than six after
 * them was kept). `新套餐`, `新的资费` are no value: only CUED_VALUE's separators may follow.
 */
const SECRET_AGAIN = String.raw`(?<=(?:${SECRET_WORDS})[^。！？!?\n]{0,16})(?:旧|舊|新|原|改成|改为|改為|换成|換成|换为|換為|(?<![A-Za-z])(?:old|new)(?![A-Za-z]))`;
// The value in Chinese digits too (`服务密码是一二三四五六`), as after an instruction's code (review43: only there before).
// In groups (`密码是 一二三 四五六`, `123 456`) whole, after a word of changing it (`改为`, `重置为`) too (review44 F7), but not a
// year or 10086 in Chinese digits.
// Digits one space apart (`1 2 3 4 5 6`), mixed (`一2三4五6`) and financial (`壹贰叁肆伍陆`) too, and after 已 (`服务密码已重置为…`,
// 10086's wording) (mend56); a run is taken whole or not at all (the lookahead and back reference: no shorter run of
// `二〇二六年` is a secret), and never an amount (`12.50元`). After `=` too (`pwd=12345678`), and after a word of the old or
// the new one that follows a secret word in the same sentence (SECRET_AGAIN; review49 F3).
const CUED_VALUE = String.raw`(?:${SECRET_WORDS}|${SECRET_AGAIN})(?:[\s:：是为為,，成已#=]|(?<=\s)is(?=\s)|修改|更改|改|重置|设置|设){0,4}[【\[(“"‘'「『《<]?(?:${PASSWORD_THEN}|(?!${DATE_OR_TIME}))(\d{2,}(?:[ ./#-]\d{2,})+(?![0-9A-Za-z]|[:：]\d|\s*[年月日号元次])|(?=(${SPACED_DIGITS}))\2${NOT_CHINESE_SECRET_AFTER}|(?=[0-9A-Za-z]*\d)[0-9A-Za-z]{4,12}(?![0-9A-Za-z]|[.．]\d|\s*[年月日号元次])|(?!${CHINESE_10086})(?=(${CHINESE_DIGITS}))\3${NOT_CHINESE_SECRET_AFTER})`;

/** Words that name an ID number (`身份证号码`, `证件号`, `sfz`, `ID`, `ID card no.`). */
const ID_WORDS = String.raw`身份证号码|身份证号|身份证|身份證號碼|身份證號|身份證|证件号码|证件号|證件號碼|證件號|(?<![A-Za-z])(?:sfz(?:hm?)?|id(?:[ -]?(?:card|number|no))*\.?)(?![A-Za-z])`;
/**
 * A character of an ID number as typed: a digit, or a letter beside a digit (a passport's `E1234…`, an O typed for a
 * zero, the check X).
 */
const ID_UNIT = String.raw`(?:\d|[A-Za-z](?=\d)|(?<=\d)[A-Za-z])`;
/**
 * The rest of an ID number after a mask and separators, as a part kept masked at a group boundary leaves it: its birth
 * date and what follows (`******.19491231.002X`) or its last group (`******.002X`). Not a phone number (`******，138…`).
 */
const ID_REST = String.raw`(?:18|19|20)\d\d${ID_GAP}{0,3}(?:0[1-9]|1[0-2])${ID_GAP}{0,3}(?:0[1-9]|[12]\d|3[01])|\d{3}[\dXx](?![0-9A-Za-z])`;
/**
 * After a word that names an ID number, the whole run of ID_UNITs that follows, its groups apart by up to three of
 * ID_GAP, 8 to 20 of them (review49 F2): an ID with a character too many or too few, or one mistyped, is the number
 * all the same, and its digits go. Or the rest of one after masks, the last glued to it or ID_REST after it
 * (`******1231.002X`, `******.******9491231.002X`, `******.19491231.002X`: a long message's part kept masked before the
 * next came in clear); a mask apart from other digits after it is the whole number masked, and what follows is another
 * figure (`******，13800138000`). Not a date or a
 * time, and the run ends where a figure's does not go on: a time (`10:30`), a decimal, a year or an amount (`2026年`,
 * `20元`) after it is given back (`身份证 ****** 10:30`).
 */
const ID_CUED = String.raw`(?:${ID_WORDS})(?:[\s:：是为為,，#=]|(?<=\s)is(?=\s)){0,4}[【\[(“"‘'「『《<]?(?!${DATE_OR_TIME})((?:(?:\*{6}${ID_GAP}{0,3})*\*{6}(?:(?=[0-9A-Za-z])|${ID_GAP}{1,3}(?=${ID_REST}))|(?=(?:${ID_UNIT}${ID_GAP}{0,3}){7}${ID_UNIT}))(?:${ID_UNIT}${ID_GAP}{0,3}){0,19}${ID_UNIT})(?![0-9A-Za-z]|[:：.．]\d|\s*[年月日号元次])`;

/**
 * Words that say a text is about a password, a code or an ID: wherever one stands, every 6-digit
 * run in that text stays masked, month-shaped or not (`服务密码已重置为201605`, `验证码 201605`).
 */
const SECRET_CUE = /[密码碼证證]|口令|pass|pwd|pin|code|otp|key|secret/i;
/**
 * Words that name a secret, for what a missing part cuts off: a password or code word, or an ID
 * document. Not SECRET_CUE's lone 码 or 证, which ordinary replies hold (您的号码, 为保证您的正常通信,
 * WLAN自动认证流量): there a figure at the cut (`流量为488.64M`) is the user's, and stays.
 */
const NAMES_SECRET = new RegExp(String.raw`${SECRET_WORDS}|确认码|確認碼|证件|證件|身份证|身份證|(?<![A-Za-z])(?:code|secret)(?![A-Za-z])`, 'i');
/** A month as bills write it: 1990–2099, 01–12. */
const YEAR_MONTH = /^(?:199\d|20\d\d)(?:0[1-9]|1[0-2])$/;
/** Right before a bill month (separators and brackets between allowed): `账单 202610`, `如201309`, `现将201605`. */
const MONTH_BEFORE = String.raw`(?:账单|帳單|帐单|月份|年月|如|将|將|查)`;
/** Right after one: `202610 账单`, `201605的…费用`, `202610月`, `201401累计消费` (a closed month's spending, round 41). */
const MONTH_AFTER = /^[\s#:：（(【\[]*(?:账单|帳單|帐单|月|的|期|累计|消费|话费)/;

interface Pattern {
  /** Null for the bare shapes, which need no confirmation of their own. */
  instruction: Instruction | null;
  regex: RegExp;
  /** Which capture groups hold secrets. */
  secretGroups: number[];
  /** A match this says is no secret is left alone (the normal text, the match). */
  spare?: (normal: string, match: RegExpMatchArray) => boolean;
}

export interface SecretFinding {
  /** The catalog instruction whose secrets the text carries, if it is one: its confirmation applies. */
  instruction: Instruction | null;
}

/**
 * The one detector of secrets in text a person typed, for every path that keeps or shows it
 * (composer, CLI, API, journal, IndexedDB, exports, logs). It finds each catalog instruction with a
 * secret parameter (built in or custom) in any case, with any separators or none, with a trailing
 * separator, inside a sentence and in full-width characters; and ID numbers and 6-digit runs on
 * their own. Pure: the text that is sent is never touched, only the copy that is kept.
 */
/**
 * The version of the masking code (this file's detector and masking, not the catalog's rules, which `shapes` holds
 * already). Bump it whenever the code masks differently: the journal's stamp digests it with the rules, so a log an
 * older masker stamped is read through the newer one at the next open instead of being skipped (mend46).
 */
export const MASKER_VERSION = 8;

export class SecretDetector {
  private readonly patterns: Pattern[];
  /**
   * What this detector's masking is made of, as text: the masking code's version and the secret rules; two catalogs
   * whose rules mask alike give the same. The journal's stamp names its digest, so a log masked before a custom
   * instruction named a new secret, or by an older masking code, is masked again.
   */
  readonly shapes: string;

  constructor(instructions: readonly Instruction[]) {
    const months = monthCodes(instructions);
    this.patterns = [
      ...instructions.flatMap((instruction) => instructionPattern(instruction) ?? []),
      { instruction: null, regex: new RegExp(ID_NUMBER, 'gud'), secretGroups: [1] },
      { instruction: null, regex: new RegExp(SIX_DIGITS, 'gud'), secretGroups: [1], spare: billMonthSpotter(months) },
      { instruction: null, regex: new RegExp(SIX_CHINESE_DIGITS, 'gud'), secretGroups: [1] },
      { instruction: null, regex: new RegExp(CUED_VALUE, 'giud'), secretGroups: [1] },
      { instruction: null, regex: new RegExp(ID_CUED, 'giud'), secretGroups: [1] },
    ];
    this.shapes = JSON.stringify({ masker: MASKER_VERSION, rules: [this.patterns.map((p) => [p.regex.source, p.regex.flags, p.secretGroups]), months] });
  }

  /**
   * The text with every secret replaced by SECRET_MASK; text without one comes back as it was. Digits
   * right beside a mask already there go with it: they are the rest of a secret masked in a piece (a
   * long message's part kept masked, its next part in clear: `重置为******08`).
   */
  mask(text: string): string {
    // Idempotent (review47 F0b): masked again until nothing changes, so a text masked once is a text masking leaves
    // (`2026-482193` → `2026-******` once, whose `2026` group a second masking took). It ends: each change turns at
    // least one letter or digit into stars.
    let out = this.maskOnce(text);
    for (let again = out === text ? out : this.maskOnce(out); again !== out; again = this.maskOnce(out)) out = again;
    return out;
  }

  private maskOnce(text: string): string {
    // A long message whose later part did not fit its length holds that part's mark inside: masked as its parts, so a
    // secret cut there (…重置为3571 | mark 08…) is found whole.
    if (text.includes(MARKED_PART_START)) return this.maskParts(partsAtMarks(text)).join('');
    const spans = merge([...this.secretSpans(text).spans, ...maskContinued(text, MASK_CONTINUED_DIGITS)]);
    if (spans.length === 0) return text;
    let out = '';
    let at = 0;
    for (const [start, end] of spans) {
      out += text.slice(at, start) + SECRET_MASK;
      at = end;
    }
    return out + text.slice(at);
  }

  /**
   * The parts of one long message, each masked as the whole message reads: a secret that a part
   * boundary cuts in two is masked too (its first piece becomes SECRET_MASK, the rest of it goes), so
   * the masked parts joined are the whole message masked. A part kept from before (a restart) may
   * have been masked alone, its piece of a secret then masked as a whole one: the letters and digits
   * the next part adds to that mask are the rest of that secret and go with it.
   *
   * A part that never came is null. Its neighbours are masked as the parts around them read, and in a
   * message that names a password, code or ID (NAMES_SECRET), the letters and digits right at the edge
   * of a missing part are masked too: they may be a piece of a secret whose rest is in the part that
   * never came (`…服务密码已重置为3571` with `08，…` lost), which no pattern finds in the piece alone.
   */
  maskParts(parts: readonly string[]): string[];
  maskParts(parts: readonly (string | null)[]): (string | null)[];
  maskParts(parts: readonly (string | null)[]): (string | null)[] {
    const names = NAMES_SECRET.test(parts.filter((p) => p !== null).join('').normalize('NFKC'));
    const out: (string | null)[] = [...parts];
    for (let from = 0; from < parts.length; ) {
      let to = from;
      while (to < parts.length && parts[to] !== null) to++;
      if (to > from) {
        const run = parts.slice(from, to) as string[];
        this.maskRun(run, names && from > 0, names && to < parts.length).forEach((text, i) => (out[from + i] = text));
      }
      from = to + 1;
    }
    return out;
  }

  /** Consecutive parts masked as they read; `cutBefore`/`cutAfter`: a part is missing there. */
  private maskRun(marked: readonly string[], cutBefore: boolean, cutAfter: boolean): string[] {
    // A part's length-mismatch mark is no text of the message: a secret is looked for in the parts without it.
    const marks = marked.map((part) => (part.startsWith(MARKED_PART_START) ? MARKED_PART_START : ''));
    const parts = marked.map((part, i) => part.slice(marks[i]!.length));
    const joined = parts.join('');
    const rest = maskContinued(joined, MASK_CONTINUED);
    const edges = [cutBefore ? FRAGMENT_AT_START.exec(joined) : null, cutAfter ? FRAGMENT_AT_END.exec(joined) : null].flatMap((m) =>
      m && HAS_DIGIT.test(m[0]) ? [[m.index, m.index + m[0].length] as [number, number]] : [],
    );
    const spans = merge([...this.secretSpans(joined).spans, ...rest, ...edges]);
    let from = 0;
    return parts.map((part, i) => {
      const to = from + part.length;
      let out = marks[i]!;
      let at = 0;
      for (const [start, end] of spans) {
        if (end <= from || start >= to) continue;
        out += part.slice(at, Math.max(start, from) - from) + (start >= from ? SECRET_MASK : '');
        at = Math.min(end, to) - from;
      }
      from = to;
      return out + part.slice(at);
    });
  }

  /** Whether the text carries a secret, and of which catalog instruction (the first found). */
  find(text: string): SecretFinding | null {
    const { spans, instruction } = this.secretSpans(text);
    return spans.length ? { instruction } : null;
  }

  /** Where the secrets are in the text, [start, end) in order: what a screen masks while it is typed. */
  spans(text: string): Array<[number, number]> {
    return this.secretSpans(text).spans;
  }

  /** Secret spans in the original text, merged and in order, found in its NFKC form. */
  private secretSpans(text: string): { spans: Array<[number, number]>; instruction: Instruction | null } {
    const { normal, starts, ends } = normalizeWithOrigins(text);
    const found: Array<[number, number]> = [];
    let instruction: Instruction | null = null;
    for (const pattern of this.patterns) {
      for (const m of normal.matchAll(pattern.regex)) {
        if (pattern.spare?.(normal, m)) continue;
        for (const group of pattern.secretGroups) {
          const value = m.indices?.[group];
          if (!value || value[1] <= value[0]) continue;
          found.push([starts[value[0]]!, ends[value[1] - 1]!]);
          instruction ??= pattern.instruction;
        }
      }
    }
    return { spans: merge(found), instruction };
  }
}

/**
 * A bill month is no secret, and masking it loses what a reply or a question is about
 * (`可发送“CXZD#年月（如201309）”`, `现将201605的…费用退至您的话费账户`, `ZD 202412`, `查 202610 账单`).
 * A 6-digit run is spared only when all hold: the text names no password, code or ID anywhere
 * (SECRET_CUE); the run reads as a month 1990–2099; and a bill word or the code of an instruction
 * that takes a month stands right before it, or a bill word right after it. Anything else 6 digits
 * long stays masked: a password typed as `旧的是201605` has no bill word beside it. The instruction
 * patterns run apart from this, so `MMXG 201605 201606` and `CXYEH201605` are masked as before.
 */
/** The codes of the instructions that take a month, as patterns: a bill month typed after one is no secret. */
function monthCodes(instructions: readonly Instruction[]): string[] {
  return instructions.filter((i) => i.params.some((p) => p.type === 'month')).map((i) => escapeRegExp(i.id));
}

function billMonthSpotter(monthCodes: readonly string[]): (normal: string, m: RegExpMatchArray) => boolean {
  const before = new RegExp(`(?:${[MONTH_BEFORE, ...monthCodes].join('|')})[\\s#:：,，（(【\\[“"]*$`, 'i');
  return (normal, m) => {
    const run = m[1]!;
    const at = m.index!;
    if (!YEAR_MONTH.test(run) || SECRET_CUE.test(normal)) return false;
    return before.test(normal.slice(Math.max(0, at - 12), at)) || MONTH_AFTER.test(normal.slice(at + run.length, at + run.length + 6));
  };
}

/** A literal run of letters and digits (secret: null), or a value (with its parameter's name). */
type Token = { pattern: string; secret: boolean | null; param?: string };

/** The fewest characters an ID document's number has (a Taiwan permit's 8; passports 9, resident IDs 15 or 18). */
const ID_MIN_LENGTH = 8;

/**
 * A lenient matcher for one instruction with secrets: its literal letters and digits in any case,
 * joined by any run of separators (or none), its values as tokens. What follows the first secret is
 * optional, so `MMXG#123456` alone (a half-typed change) is still masked. Anything may come right
 * before the code (`KTCLcxyeh123456`, `0000cxyeh…`: codes typed without a space). Null when there
 * are not two letters before the first secret: nothing to recognise the instruction by.
 */
function instructionPattern(instruction: Instruction): Pattern | null {
  const secret = new Set(instruction.params.filter((p) => p.secret).map((p) => p.name));
  if (secret.size === 0) return null;
  const idParams = new Set(instruction.params.filter((p) => p.type === 'idNumber').map((p) => p.name));
  const tokens = parseTemplate(instruction.template.normalize('NFKC')).flatMap<Token>((s) =>
    'literal' in s
      ? s.literal.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((chunk) => ({ pattern: [...chunk].map(escapeRegExp).join(INSIDE_CODE), secret: null }))
      : [{ pattern: secret.has(s.param) ? SECRET_VALUE : PLAIN_VALUE, secret: secret.has(s.param), param: s.param }],
  );
  const firstSecret = tokens.findIndex((t) => t.secret === true);
  const lead = tokens.slice(0, firstSecret).filter((t) => t.secret === null).map((t) => t.pattern).join('');
  if ((lead.match(/\p{L}/gu) ?? []).length < 2) return null;

  // Capture groups are the values, in order (1-based), then the pieces typed after them.
  const values = tokens.filter((t) => t.secret !== null);
  const valueNames = values.map((t) => t.param);
  const secretGroups = [...values.flatMap((t, i) => (t.secret ? [i + 1] : [])), values.length + 1];
  const required = tokens.slice(0, firstSecret + 1).map((t) => t.pattern).join(GAP);
  const optional = tokens.slice(firstSecret + 1).reduceRight((tail, t) => `(?:${GAP}${t.pattern}${tail})?`, '');
  // An ID document's number is long (18 or 15 characters by GB 11643, 8–9 for passports and
  // permits): a short value after MMHF is the service number of 10086's own advice
  // (`忘记密码可发送MMHF#证件号码至10086重置`), no ID. Typed in groups (`MMHF 110105 19491231 002X`) it is one.
  const idGroups = values.flatMap((t, i) => (t.secret && idParams.has(valueNames[i]!) ? [i + 1] : []));
  const spare = idGroups.length
    ? (_normal: string, m: RegExpMatchArray) => !m[values.length + 1] && idGroups.some((g) => m[g] !== undefined && m[g].length < ID_MIN_LENGTH)
    : undefined;
  return { instruction, regex: new RegExp(`${required}${optional}${MORE_GROUPS}`, 'giud'), secretGroups, ...(spare ? { spare } : {}) };
}

/**
 * Between two characters of an instruction's code: nothing, a space or a punctuation mark (`M.M.X.G 1234 5678`,
 * `M M X G`), as the risky-instruction check reads `T.J` (Recognizer.recognizeRisky; mend63).
 */
const INSIDE_CODE = String.raw`[ .。·・_、*~/|-]?`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Invisible format characters (zero-width space and joiners, BOM, soft hyphen, direction marks):
 * typed or pasted inside a code or a value they would hide it from the patterns, so they are left
 * out of the normal form. A masked span covers them with the value around them.
 */
const INVISIBLE = /^\p{Cf}$/u;

/**
 * Arabic-Indic digits (`١٢٣٤٥٦`, U+0660–0669) and their Persian forms (U+06F0–06F9), which NFKC leaves as they are, as
 * ASCII digits: a password typed with them is still six digits.
 */
function asciiDigit(ch: string): string | undefined {
  const code = ch.codePointAt(0)!;
  if (code >= 0x660 && code <= 0x669) return String(code - 0x660);
  if (code >= 0x6f0 && code <= 0x6f9) return String(code - 0x6f0);
  return undefined;
}

/**
 * The NFKC form of the text without invisible characters, and for each of its UTF-16 units where
 * the character it came from starts and ends in the original: a secret found in the normal form is
 * masked in the text as typed.
 */
function normalizeWithOrigins(text: string): { normal: string; starts: number[]; ends: number[] } {
  let normal = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const ch of text) {
    const n = INVISIBLE.test(ch) ? '' : asciiDigit(ch) ?? ch.normalize('NFKC');
    normal += n;
    for (let i = 0; i < n.length; i++) {
      starts.push(at);
      ends.push(at + ch.length);
    }
    at += ch.length;
  }
  return { normal, starts, ends };
}

/**
 * `text` with the digits glued to a mask turned to stars, its length kept (spans read in it point into
 * `text`). They are the rest of a secret masked in a piece, not a figure: a kept part masked at its cut
 * joined with the next part in clear reads `余额为******5.30元`, which is no balance of 5.30 yuan.
 */
export function hideMaskedRest(text: string): string {
  let out = text;
  for (const [from, to] of maskContinued(text, MASK_CONTINUED_DIGITS)) out = out.slice(0, from) + '*'.repeat(to - from) + out.slice(to);
  return out;
}

/**
 * The spans of each mask with the `unit` characters right beside it, also in groups apart by single
 * spaces or hyphens (the rest of an ID number printed in groups, `****** 19491231 002X`), mask and
 * all. Walked by hand: a regex with the groups on both sides is quadratic on a long run of digits.
 */
function maskContinued(text: string, unit: RegExp): Array<[number, number]> {
  const isUnit = (i: number) => i >= 0 && i < text.length && unit.test(text[i]!);
  const isSeparator = (i: number) => i >= 0 && i < text.length && GROUP_SEPARATOR.test(text[i]!);
  // A separator is crossed only to a group of an ID's length or more (`****** 19491231 002X`): a shorter run is a figure
  // of its own, which masking a masked text again took (`验证码为 ****** 5分钟` → `******分钟`, review47 F0b).
  // Nor to a year or a count (`****** 2026年12月7日`).
  const crosses = (at: number, step: 1 | -1) => {
    if (!isSeparator(at)) return false;
    let n = 0;
    while (isUnit(at + step * (n + 1))) n++;
    return n >= GROUP_MIN && !(step === 1 && /^\s*[年月日号元次]/.test(text.slice(at + n + 1, at + n + 3)));
  };
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/\*{6}/g)) {
    let from = m.index;
    if (crosses(from - 1, -1)) from--;
    while (isUnit(from - 1)) {
      from--;
      if (crosses(from - 1, -1)) from--;
    }
    let to = m.index + SECRET_MASK.length;
    if (crosses(to, 1)) to++;
    while (isUnit(to)) {
      to++;
      if (crosses(to, 1)) to++;
    }
    spans.push([from, to]);
  }
  return spans;
}

function merge(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([...span]);
  }
  return out;
}


/** A joined text cut where each part holding the length-mismatch mark starts, the mark kept with its part. */
function partsAtMarks(text: string): string[] {
  return text.split(MARKED_PART_START).flatMap((piece, i) => (i === 0 ? (piece ? [piece] : []) : [MARKED_PART_START + piece]));
}
