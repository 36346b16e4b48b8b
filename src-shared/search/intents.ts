import * as v from 'valibot';
import { CAUTION, DEFERRED, DENIAL } from './language/clauses';
import { HallError } from '../errors';
import type { ActionKind } from '../catalog/schema';
import { lemma } from './language/english';
import { cut, stem } from './text';

/**
 * Words that hold an action's character without asking for the action: 关机 is the phone being
 * off (关机时来电提醒 is turned on), 开会 is a meeting, 兑换 is redeeming points. They are blanked out before actions are read.
 */
const NOT_ACTIONS = ['关机', '开机', '关于', '相关', '机关', '开会', '开心', '开车', '离开', '分开', '公开', '开始', '开支', '开销', '兑换',
  // done to the line by someone else (是不是流量被关了): what happened, not what is asked
  '被关', '被停', '被取消', '被禁', '被断', '被开通', '被开'];
/**
 * Words of wanting (我想, 需要, 怎么才能, want, request, how to): with no action named, a person who wants a
 * feature (我想同时跟两个人打电话, request delivery receipts) more likely wants it on than its status.
 */
/** 就想问问里面还有没有钱, 想了解一下: wanting to ask is asking, not wanting a service turned on. */
const WANTS_TO_ASK = /想(?:问问|问一下|问下|问|了解|请教|咨询)/g;
const WISHES = phrases({ zh: ['想', '要', '需要', '希望', '才能'], en: ['want', 'wanna', 'need', 'request', 'like', 'how to', 'how do i', 'can i', 'let me'] });

/** The same in English: the phone being off is not turning something off, nor a balance dropping below a level, nor being charged (i get charged every month). */
const NOT_ACTIONS_EN = ['phone off', 'phone is off', 'phone was off', 'phone switched off', 'phone turned off', 'drop below', 'drop under', 'drop to', 'get charged', 'get billed', 'be charged'].map((p) => p.split(' ').map(stem));

/**
 * Words that say a state in an English question (is data on, is call waiting enabled, what do i have
 * turned on): `on` only when no verb stands before it (turn on, log on ask for an action).
 */
const STATES_EN = new Set(['on', 'enabled', 'activated', 'active']);
/** A state said in English and asked in Chinese (彩铃on着吗, call waiting on了没, data off了没有). */
const MIXED_STATE = /(?<![a-z])(?:on|off|enabled|active)\s*(?:着(?:吗|嘛|没有?|不)?|了(?:吗|嘛|没有?))|(?<![a-z])(?:on|off)\s*(?:吗|没有?)(?!\p{Script=Han})/u;
/** 开了呼叫保持没有 (開咗呼叫保持未), 有没有给我开通: whether it was done, with the service or who it was done for between. */
const STATUS_AROUND = /(?:开|关|开通|取消|退订|关闭)了\p{Script=Han}{1,6}?没有?$|(?:有没有|是不是|是否)(?:给我|帮我|已经|已)(?:开通|开着|开了|开启|打开|关了|关掉|取消)/u;
/** Asking to be told of an event (想知道对方收到没有, want to know if my sms was delivered) wants the feature that tells, unless an amount is asked. */
/**
 * Being told again and again (每天都知道花了多少, 定期推送, send me my balance every day): a standing notice to turn on,
 * not one look at an amount.
 */
const REGULARLY = /每天|每日|天天|每周|定期|定时|\b(?:every day|daily|each day|every week|weekly|regularly)\b/;
const TOLD_AGAIN = /(?<!不)知道|告诉|收到|推送|通知|发给我|发短信给我|\b(?:know|tell|told|send|sent|get|receive|notify|text)\b/;
const AMOUNT_ASKED = /多少|几|剩|余额|话费|\b(?:how much|how many|left|remaining|balance|credit)\b/;
/** Verbs as typed (turned on is a state again). */
const VERBS_BEFORE_ON = new Set(['turn', 'turns', 'turning', 'switch', 'switches', 'switching', 'put', 'sign', 'log', 'hold', 'go', 'get', 'carry', 'keep']);
const QUESTION_WORDS = new Set(['what', 'which', 'whats', 'whether', 'if']);

/** Where one clause of a sentence ends and the next begins. */
const CLAUSE_BREAK = /[,，。;；!！?？…]+/;

/** A setting given a new value: 改成 / 调到 / 提高到 … a number, from one amount to another, or an old value told (原来设的是十块). */
const NEW_VALUE = /(?:改成|改为|改到|调成|调到|调为|调高|调低|提高到|降到|降低到|换成)\p{Script=Han}{0,2}\s*(?:\d|[一二三四五六七八九十两百]+[块元])|从\s*\d+\s*[块元]?\S{0,3}(?:改|调|换)|(?:原来|之前|以前|本来)(?:设|定|调)的?(?:是|为|成)?\s*(?:\d|[一二三四五六七八九十两百]+[块元])/u;

/** After `on`, a word that makes it a preposition (on my phone, on the line), not turning on. */
const ON_WHAT = new Set(['my', 'the', 'this', 'that', 'your', 'our', 'his', 'her', 'a', 'an', 'me', 'it', 'its', 'there', 'here']);

const AMOUNT = /\d+(?:\.\d+)?\s*(?:块|元|yuan|rmb)?|[一二三四五六七八九十两百]+[块元]/g;
const REMINDER = /提醒|通知|remind|alert|warn/;

/**
 * Who may say "don't …" as a request (i dont want, please dont show): after any other word a
 * negation tells what is wrong ("number not show"), not what to turn off.
 */
const ASKER = new Set(['i', 'please', 'just', 'and', 'so', 'then', 'we', 'you', 'really'].map(stem));

const WordsSchema = v.strictObject({ zh: v.array(v.string()), en: v.array(v.string()) });
const DETECTABLE = ['query', 'enable', 'disable', 'change'] as const;
type Detectable = (typeof DETECTABLE)[number];
/** An action word found in a query: which action, where (hanzi runs joined, then Latin words), how long. */
interface Found {
  action: Detectable;
  at: number;
  length: number;
}

export const IntentDataSchema = v.strictObject({
  schemaVersion: v.literal(1),
  actions: v.strictObject({ query: WordsSchema, enable: WordsSchema, disable: WordsSchema, change: WordsSchema }),
  conflicts: v.array(v.tuple([v.picklist(DETECTABLE), v.picklist(DETECTABLE)])),
  precedence: v.array(v.picklist(DETECTABLE)),
  /** English first words of a yes/no question ("is call waiting on"): asking, whatever else it names. */
  questionOpeners: v.array(v.string()),
  /** Words that ask whether something is on (开着吗, 有没有开, on or off): its state, not an amount. */
  status: v.optional(WordsSchema),
  /** Words that ask to be told of an event (想知道谁, 收到没有, know if): the feature that tells. */
  toldOf: v.optional(WordsSchema),
  /** The old secret forgotten (忘了, 被锁, forgot) or known (记得, remember): resetting it or changing it. */
  forgotten: v.optional(WordsSchema),
  remembered: v.optional(WordsSchema),
});
export type IntentData = v.InferOutput<typeof IntentDataSchema>;

/**
 * Detects the action a query asks for (查 / 开 / 关 / 改, check / on / off / change) from word lists
 * that maintainers extend in `instructions/intents.json`. When a query holds several, the actions
 * in `precedence` win (asking about something, 开通了什么业务, outranks doing it); otherwise the
 * last one named does, as in 上网被关了，怎么重新打开.
 */
export class ActionDetector {
  private readonly zh: [string, Detectable][];
  private readonly en: [string[], Detectable][];
  private readonly conflicts: Set<string>;
  private readonly precedence: Detectable[];
  private readonly questionOpeners: Set<string>;
  private readonly status: Phrases;
  private readonly told: Phrases;
  private readonly forgotten: Phrases;
  private readonly remembered: Phrases;

  constructor(data: unknown) {
    const parsed = v.safeParse(IntentDataSchema, data);
    if (!parsed.success) {
      throw new HallError('intents.invalid', { zh: '意图词表格式不对。', en: 'The intent word list is not valid.' });
    }
    const d = parsed.output;
    this.zh = DETECTABLE.flatMap((a) => d.actions[a].zh.map((w) => [w, a] as [string, Detectable]));
    // Longest first, so that 开通 is taken before 开 and 关掉 before 关.
    this.zh.sort((x, y) => y[0].length - x[0].length);
    this.en = DETECTABLE.flatMap((a) => d.actions[a].en.map((w) => [w.split(' ').map(stem), a] as [string[], Detectable]));
    this.en.sort((x, y) => y[0].length - x[0].length);
    this.conflicts = new Set(d.conflicts.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
    this.precedence = d.precedence;
    this.questionOpeners = new Set(d.questionOpeners);
    this.status = phrases(d.status);
    this.told = phrases(d.toldOf);
    this.forgotten = phrases(d.forgotten);
    this.remembered = phrases(d.remembered);
  }

  /**
   * Whether a folded query asks if something is on (彩铃开着没有, 数据开咗未, is my data even on,
   * what do i have turned on): a question of state, which an instruction reading an amount does not answer.
   */
  asksStatus(folded: string): boolean {
    // As for actions, the last clause naming one says it (数据开着老是乱跑，先把上网关了 turns off).
    const clauses = folded.split(CLAUSE_BREAK);
    for (let i = clauses.length - 1; i >= 0; i--) {
      const action = this.detectIn(clauses[i]!);
      // …是开着还是关着的，能查一下吗: the clause that asks only asks; the state is named before it.
      if (action) return this.statusIn(clauses[i]!) || (action === 'query' && clauses.some((c) => this.statusIn(c)));
    }
    return this.statusIn(folded);
  }

  private statusIn(folded: string): boolean {
    const words = wordsOf(folded);
    const { hanRuns, latinWords } = words;
    // `on` before my, the … is a place (already on the phone), not a state.
    const place = (i: number) => latinWords[i] === 'on' && ON_WHAT.has(latinWords[i + 1] ?? '');
    if (says(words, this.status, place) || hanRuns.some((run) => STATUS_AROUND.test(run)) || MIXED_STATE.test(folded)) return true;
    const question = this.questionOpeners.has(lemma(latinWords[0] ?? '') ?? latinWords[0] ?? '') || latinWords.some((w) => QUESTION_WORDS.has(w)) || /[?？]\s*$/.test(folded);
    return question && latinWords.some((w, i) => STATES_EN.has(w) && !place(i) && !(w === 'on' && i > 0 && VERBS_BEFORE_ON.has(latinWords[i - 1]!)));
  }

  /**
   * Whether a folded query says the old password is forgotten (忘了, 被锁了, forgot: true) or known
   * (原来的我记得, i remember it: false), or neither (null): resetting it, or changing it.
   */
  forgot(folded: string): boolean | null {
    const words = wordsOf(folded);
    return says(words, this.forgotten) ? true : says(words, this.remembered) ? false : null;
  }

  /** Whether a folded query asks to be told when something happens (想知道谁打过电话, want to know if my texts arrived): the feature that tells is wanted on. */
  asksToBeTold(folded: string): boolean {
    return (!AMOUNT_ASKED.test(folded) && says(wordsOf(folded), this.told)) || (REGULARLY.test(folded) && TOLD_AGAIN.test(folded));
  }

  /**
   * The action a folded query asks for, or null when it names none. In a sentence of several
   * clauses the last clause naming an action says it: 用了几个月才发现在扣钱，帮我取消 asks to
   * turn off, though its story names a query word.
   */
  detect(folded: string): Detectable | null {
    const clauses = folded.split(CLAUSE_BREAK);
    for (let i = clauses.length - 1; i > 0; i--) {
      // 先停了，回来再开: what is put off till later is not what is asked now.
      if (DEFERRED.test(clauses[i]!)) continue;
      // 先查下余额，千万别停机: what is not to be done is not what is asked.
      if (CAUTION.test(clauses[i]!)) continue;
      // 我没有要开彩铃，我是想…: what is denied is not what is asked.
      if (DENIAL.test(clauses[i]!)) continue;
      const action = this.detectIn(clauses[i]!);
      if (action) return action;
    }
    // A denial first (我没有要开彩铃，我是想投诉): its action is not asked.
    if (clauses.length > 1 && DENIAL.test(clauses[0]!)) return null;
    return this.detectIn(clauses[0]!);
  }

  private detectIn(folded: string): Detectable | null {
    const { found } = this.find(folded);
    const preferred = this.precedence.find((a) => found.some((f) => f.action === a));
    if (preferred) return preferred;
    return found.reduce<Found | null>((last, f) => (!last || f.at > last.at ? f : last), null)?.action ?? null;
  }

  /**
   * Which pieces of a folded text are action words, and which action: for each hanzi of its runs
   * (in order, runs joined) and each Latin word. An answer doing that action explains them (退掉 in
   * 彩铃每个月扣钱，帮我退掉 is explained by turning the ringback tone off, not on).
   */
  marks(folded: string): { hanzi: (Detectable | null)[]; words: (Detectable | null)[] } {
    const { found, han, words } = this.find(folded);
    const offsets: number[] = [];
    let k = 0;
    for (const ch of han) offsets.push(ch === '\u0001' ? -1 : k++);
    const hanzi = new Array<Detectable | null>(k).fill(null);
    const latin = new Array<Detectable | null>(words).fill(null);
    for (const f of found) {
      if (f.at < 0) continue;
      for (let i = f.at; i < f.at + f.length; i++) {
        if (i < han.length) {
          if (offsets[i]! >= 0) hanzi[offsets[i]!] = f.action;
        } else latin[i - han.length] = f.action;
      }
    }
    return { hanzi, words: latin };
  }

  private find(folded: string): { found: Found[]; han: string; words: number } {
    const found: Found[] = [];
    const { hanRuns, latinWords } = cut(folded);
    const han = hanRuns.join('\u0001');
    let rest = han;
    for (const word of NOT_ACTIONS) rest = rest.replaceAll(word, '\u0000'.repeat(word.length));
    for (const [word, action] of this.zh) {
      for (let at = rest.indexOf(word); at !== -1; at = rest.indexOf(word, at + 1)) {
        found.push({ action, at, length: word.length });
        // Blank the word out so that 开 is not found again inside 开通.
        rest = rest.slice(0, at) + '\u0000'.repeat(word.length) + rest.slice(at + word.length);
      }
    }
    if (hanRuns.length === 0 && this.questionOpeners.has(latinWords[0] ?? '')) found.push({ action: 'query', at: -1, length: 0 });
    const words = latinWords.map(stem);
    for (const phrase of NOT_ACTIONS_EN) {
      for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((p, k) => words[i + k] === p)) words.fill('\u0000', i, i + phrase.length);
    }
    for (const [phrase, action] of this.en) {
      for (let i = 0; i + phrase.length <= words.length; i++) {
        if (phrase.every((p, k) => words[i + k] === p) && !(phrase[0] === 'not' && i > 0 && !ASKER.has(words[i - 1]!)) && !(phrase.length === 1 && phrase[0] === 'on' && ON_WHAT.has(latinWords[i + 1] ?? ''))) {
          found.push({ action, at: han.length + i, length: phrase.length });
          words.fill('\u0000', i, i + phrase.length);
        }
      }
    }
    return { found, han, words: latinWords.length };
  }

  /** Whether a folded query wants something (我想, want, how to): a hint toward turning on when it names no action. */
  wishes(folded: string): boolean {
    return says(wordsOf(folded.replace(WANTS_TO_ASK, '')), WISHES);
  }

  /** Whether a folded query gives a setting a new value (改成30块, 调到50元, 从10元提高): a change of what is on, not turning it on. */
  setsValue(folded: string): boolean {
    // 低于20才提醒，我想低于5块再提醒: two amounts for one reminder move its threshold.
    return NEW_VALUE.test(folded) || ((folded.match(AMOUNT) ?? []).length >= 2 && REMINDER.test(folded));
  }

  conflict(asked: ActionKind, offered: ActionKind): boolean {
    return this.conflicts.has(`${asked}|${offered}`);
  }
}

/** Phrases a text may say: Chinese words found inside a hanzi run, English phrases as their words' stems. */
interface Phrases {
  zh: readonly string[];
  en: readonly (readonly string[])[];
}

function phrases(words: { zh: string[]; en: string[] } | undefined): Phrases {
  return { zh: words?.zh ?? [], en: (words?.en ?? []).map((w) => w.split(' ').map(stem)) };
}

/** A folded text cut as phrases are looked for in it: its hanzi runs, and its Latin words as typed and stemmed. */
interface Words {
  hanRuns: string[];
  latinWords: string[];
  stems: string[];
}

function wordsOf(folded: string): Words {
  const { hanRuns, latinWords } = cut(folded);
  return { hanRuns, latinWords, stems: latinWords.map(stem) };
}

/** Whether the words say one of the phrases; `except` rules out an English one by the index of its last word. */
function says({ hanRuns, stems }: Words, p: Phrases, except?: (last: number) => boolean): boolean {
  return (
    hanRuns.some((run) => p.zh.some((w) => run.includes(w))) ||
    p.en.some((phrase) => stems.some((_, i) => phrase.every((w, k) => stems[i + k] === w) && !except?.(i + phrase.length - 1)))
  );
}
