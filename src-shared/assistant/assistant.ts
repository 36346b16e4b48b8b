import intentsJson from '../../instructions/intents.json';
import * as v from 'valibot';
import type { InstructionCatalog } from '../catalog/catalog';
import { HallError, type Lang } from '../errors';
import type { SearchEngine, SearchResult } from '../search';
import { fold } from '../search/fold';
import { ActionDetector, IntentDataSchema, type IntentData } from '../search/intents';
import type { Instruction, LocalizedList } from '../catalog/schema';
import { cut } from '../search/text';
import { ChipMaker, type Made } from './chips';
import {
  ASSISTANT_ACTIONS,
  instructionsOf,
  parseAssistantData,
  type AssistantAction,
  type AssistantData,
  type AssistantObject,
  type TextKey,
} from './data';
import { MonthReader, shiftMonth } from './months';
import { PhraseFinder } from './phrases';
import { readQuestion, type Question } from './question';
import type { AssistantAnswer, AssistantContext, Chip, ClarifyOption } from './types';

/** A search hit this sure is an answer; below it, only a suggestion. */
const SURE = 0.4;
/** Further hits are offered next to the first while they score at least this share of it. */
const NEAR = 0.85;
const MAX_CHIPS = 3;
/**
 * A risky first guess scoring at least this is asked about (你是想要「停机」吗？); under it, it is only named. Under it were
 * 6 of 7 such guesses at chit-chat over the development and probe sets (再见 → 取消余额提醒, 我失恋了 → 停机) and 4 of 63 right ones.
 */
const ASK_RISKY = 0.2;
/** How many things a bare action word (取消, turn it off) offers to act on. */
const MAX_THINGS = 6;

export interface AssistantDeps {
  catalog: InstructionCatalog;
  search: SearchEngine;
  /** The contents of instructions/assistant.json (or a maintainer's edit of it); validated here. */
  data: unknown;
  /** The shared action words (instructions/intents.json) the assistant's own are added to. */
  intents?: unknown;
}

export interface Assistant {
  answer(question: string, lang: Lang, context?: AssistantContext): AssistantAnswer;
}

export function createAssistant(deps: AssistantDeps): Assistant {
  return new LocalAssistant(deps);
}

/**
 * 小e: answers a question in everyday words with instruction chips, a clarifying question, the last
 * reply in plain words, or help. Objects and words are data (instructions/assistant.json); fuzzy
 * matching is the catalog search's. Never echoes the question, so nothing typed in it (a password)
 * comes back in an answer.
 */
class LocalAssistant implements Assistant {
  private readonly data: AssistantData;
  private readonly catalog: InstructionCatalog;
  private readonly search: SearchEngine;
  private readonly actions: ActionDetector;
  private readonly objects = new PhraseFinder<AssistantObject>();
  private readonly greetings = new PhraseFinder<true>();
  /** Action words, fillers and greetings: what is left after them is what the question is about. */
  private readonly noise = new PhraseFinder<true>();
  private readonly helpPhrases = new PhraseFinder<true>();
  private readonly explainPhrases = new PhraseFinder<true>();
  private readonly vaguePhrases = new PhraseFinder<true>();
  private readonly chips: ChipMaker;
  /** Each instruction's own words (holdsWordOf), made when first asked. */
  private readonly ownWords = new WeakMap<Instruction, ReadonlySet<string>>();

  constructor(deps: AssistantDeps) {
    this.catalog = deps.catalog;
    this.search = deps.search;
    this.data = parseAssistantData(deps.data, deps.catalog);
    const { merged, words } = withExtraActions(deps.intents ?? intentsJson, this.data);
    this.actions = new ActionDetector(merged);
    this.noise.add(words, true).add(this.data.fillers, true).add(this.data.greetings, true);
    for (const o of this.data.objects) this.objects.add(o.words, o);
    this.greetings.add(this.data.greetings, true);
    this.helpPhrases.add(this.data.help.phrases, true);
    this.explainPhrases.add(this.data.explain.phrases, true);
    this.vaguePhrases.add(this.data.explain.vague, true);
    this.chips = new ChipMaker(this.catalog, this.data, new MonthReader(this.data.months.relative));
  }

  answer(question: string, lang: Lang, context: AssistantContext = { now: new Date() }): AssistantAnswer {
    const q = readQuestion(question);
    const ask = new Asking(this.chips, q, lang, context.now);
    if (!q.solid) return this.help(ask);

    const typed = this.catalog.recognize(q.raw);
    if (typed) return ask.instructions([ask.chip(typed.instruction.id, ask.text('whyTyped'), typed.params)]);

    // Action words inside a thing's name (关 in 关机提醒) are not asked for: they are read in what is left.
    const { values: objects, rest } = this.objects.find(q);
    const action = this.actions.detect(rest);
    const explained = this.explain(ask, objects, context);
    if (explained) return explained;
    if (!objects.length && (this.helpPhrases.has(q) || this.onlyGreets(q))) return this.help(ask);
    if (!objects.length && action && this.noise.find(q).rest.trim() === '') return this.whichThing(ask, action);
    // 公积金余额, 信用卡账单: a word the objects know (余额, 账单) is no answer to a question about something else.
    if (this.search.outOfScope(question)) return ask.reply('unknown', ask.text('noInstruction'), []);
    return this.fromObjects(ask, objects, action) ?? this.fromSearch(ask, question, action);
  }

  /** 取消 / turn it off alone: which of the things that can be turned off. */
  private whichThing(ask: Asking, action: AssistantAction): AssistantAnswer {
    const ids = [...new Set(this.data.objects.flatMap((o) => o.instructions[action] ?? []))].slice(0, MAX_THINGS);
    const text = ask.text('whichThing', { action: this.data.actionNames[action][ask.lang] });
    return ask.clarify(text, ids.map((id) => ask.option(id)));
  }

  /** 你好, hello, 小e在吗: nothing asked but a greeting. */
  private onlyGreets(q: Question): boolean {
    const { values, rest } = this.greetings.find(q);
    return values.length > 0 && rest.trim() === '';
  }

  private help(ask: Asking): AssistantAnswer {
    return ask.reply('help', ask.text('help'), this.data.help.chips.map((id) => ask.chip(id)));
  }

  /** The last reply in plain words, when the question is about it; or which figure, when there is none yet. */
  private explain(ask: Asking, objects: AssistantObject[], context: AssistantContext): AssistantAnswer | null {
    const explicit = this.explainPhrases.has(ask.q);
    if (!explicit && !(objects.length === 0 && this.vaguePhrases.has(ask.q))) return null;
    const last = context.lastReply;
    const about = last?.instructionId ? this.catalog.get(last.instructionId)?.id : undefined;
    // “10086说我的流量还剩多少” is about the last reply only if that reply was about data.
    if (objects.length && !(about && objects.some((o) => instructionsOf(o).includes(about)))) return null;
    if (!last) return ask.clarify(ask.text(explicit ? 'nothingToExplain' : 'whichFigure'), this.data.explain.choices.map((id) => ask.option(id)));
    const text = ask.text('explain', { summary: last.summary[ask.lang] });
    return ask.reply('explain', text, about ? [ask.chip(about, ask.text('whyRefresh'), {}, null)] : []);
  }

  /** Things the data knows by name: 流量, 彩铃, 账单… with the action asked or the thing's default. */
  private fromObjects(ask: Asking, objects: AssistantObject[], named: AssistantAction | null): AssistantAnswer | null {
    if (!objects.length) return null;
    const chosen = objects.flatMap((o) => {
      // A thing with one instruction whatever is said of it (停机, 忘记密码) takes no action word.
      const id = named && Object.keys(o.instructions).length ? o.instructions[named] : o.default;
      return id ? [{ object: o, id }] : [];
    });
    if (!chosen.length) {
      const first = objects[0]!;
      // An action the thing has no instruction for (查彩铃) is the search's to interpret.
      if (named) return null;
      const ids = first.options ?? instructionsOf(first);
      return ask.clarify(ask.text('whichAction', { object: first.name[ask.lang] }), ids.map((id) => ask.option(id)));
    }
    const chips = chosen.slice(0, MAX_CHIPS).map(({ object, id }) => ask.chip(id, this.objectWhy(object, id, ask.lang)));
    return ask.instructions(chips);
  }

  private fromSearch(ask: Asking, question: string, action: AssistantAction | null): AssistantAnswer {
    const results = this.search.search(question, 5);
    const top = results[0];
    // A guess is never offered as the answer, however high it scored ("what'll an education at boulder state college run").
    if (top?.confident && top.score >= SURE) {
      const sure = results.filter((r) => r.confident && r.score >= SURE && r.score >= top.score * NEAR).slice(0, MAX_CHIPS);
      const pair = sure[1];
      // Both halves of a KT/QX pair and no word that picks one (彩铃? 查彩铃?): ask which, rather than guess.
      if (pair && top.instruction.opposite === pair.id && action !== top.instruction.action) {
        return ask.clarify(ask.text('whichOne'), [top.id, pair.id].map((id) => ask.option(id)));
      }
      return ask.instructions(sure.map((r) => ask.chip(r.id, this.searchWhy(r, ask.lang))));
    }
    if (this.greetings.has(ask.q)) return this.help(ask);
    if (!results.length) return ask.reply('unknown', ask.text('unknownNothing'), this.data.help.chips.map((id) => ask.chip(id)));
    // A guess that needs a confirmation (停机, a password changed, something turned off) is never offered as an answer:
    // a further one is named, and asked for by name it is a sure answer.
    const guesses = results.slice(0, MAX_CHIPS);
    const [first, ...rest] = guesses;
    const safe = guesses.filter((r) => !r.instruction.risk.confirm);
    // The likeliest guess itself needing one (出国前想先把手机停了 → 停机, right in 56 of 70 such guesses, session 26): 小e asks
    // whether it is meant, so a yes is a tap, not the name typed again; its form still confirms before sending.
    // Only with a word of its own in the question: nihao zaima (→ 停机) or a cat that will not stop meowing is no ask for it (review41).
    const asked = first!.instruction.risk.confirm && first!.score >= ASK_RISKY && this.holdsWordOf(question, first!.instruction) ? first! : null;
    const named = (asked ? rest : guesses).filter((r) => r.instruction.risk.confirm);
    if (named.length) ask.note(ask.text('riskyGuess', { names: quoteNames(named.map((r) => r.instruction.name[ask.lang]), ask.lang) }));
    if (asked) return ask.clarify(ask.text('riskyAsk', { name: quoteNames([asked.instruction.name[ask.lang]], ask.lang) }), [asked, ...safe].map((r) => ask.option(r.id)));
    const chips = safe.map((r) => ask.chip(r.id, this.searchWhy(r, ask.lang)));
    return ask.reply('unknown', ask.text(chips.length ? 'unknown' : 'unknownRisky'), chips);
  }

  /** Whether the question holds a content character or word of the instruction's names or synonyms (停 of 停机, off of turn off). */
  private holdsWordOf(question: string, instruction: Instruction): boolean {
    let own = this.ownWords.get(instruction);
    if (!own) {
      const texts = [...Object.values(instruction.name), ...Object.values(instruction.synonyms).flat()];
      own = wordsOf(texts.join(' '));
      this.ownWords.set(instruction, own);
    }
    for (const w of wordsOf(question)) if (own.has(w)) return true;
    return false;
  }

  private searchWhy(r: SearchResult, lang: Lang): string {
    return this.chips.text('whySearch', lang, { summary: r.instruction.summary[lang] });
  }

  /** “你想关闭彩铃” for one of the thing's actions; null (the chip then says what it does) for a default such as 停机. */
  private objectWhy(object: AssistantObject, id: string, lang: Lang): string | null {
    const action = ASSISTANT_ACTIONS.find((a) => object.instructions[a] === id);
    if (!action) return null;
    return this.chips.text('whyObject', lang, { action: this.data.actionNames[action][lang], object: object.name[lang] });
  }
}

/**
 * One answer being put together: the question, language and time every chip of it shares, and the
 * notes its chips collect (shown once each).
 */
class Asking {
  private readonly notes: string[] = [];

  constructor(
    private readonly maker: ChipMaker,
    readonly q: Question,
    readonly lang: Lang,
    private readonly now: Date,
  ) {}

  text(key: TextKey, values: Record<string, string> = {}): string {
    return this.maker.text(key, this.lang, values);
  }

  /** A chip pre-filled from the question (`from`) unless `given` says the value; `why` defaults to what it does. */
  chip(id: string, why: string | null = null, given: Record<string, string> = {}, from: Question | null = this.q): Chip {
    return this.keep(this.maker.make(id, this.lang, why, from, this.now, given));
  }

  /** A choice in a clarifying question: its label, and the chip it leads to. */
  option(id: string, given: Record<string, string> = {}, label?: string): ClarifyOption {
    const chip = this.chip(id, null, given);
    return { label: label ?? chip.label, chip };
  }

  /** Chips, unless the only one is a bill with no month named: then which month. */
  instructions(chips: Chip[]): AssistantAnswer {
    const only = chips.length === 1 ? chips[0] : undefined;
    const month = only && this.maker.monthParam(only.id);
    if (only && month && only.missing.length === 1 && only.missing[0] === month) return this.whichMonth(only.id, month);
    return this.reply('instructions', this.text(chips.length > 1 ? 'foundMany' : 'foundOne'), chips);
  }

  clarify(text: string, options: ClarifyOption[]): AssistantAnswer {
    return { kind: 'clarify', lang: this.lang, text, options, notes: [...this.notes] };
  }

  reply(kind: 'instructions' | 'explain' | 'help' | 'unknown', text: string, chips: Chip[]): AssistantAnswer {
    return { kind, lang: this.lang, text, chips, notes: [...this.notes] };
  }

  private whichMonth(id: string, param: string): AssistantAnswer {
    return this.clarify(this.text('whichMonth'), [
      this.option(id, { [param]: shiftMonth(this.now, 0) }, this.text('monthThis')),
      this.option(id, { [param]: shiftMonth(this.now, -1) }, this.text('monthLast')),
      this.option(id, {}, this.text('monthPick')),
    ]);
  }

  /** A line under the text, shown once. */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  private keep(made: Made): Chip {
    for (const n of made.notes) this.note(n);
    return made.chip;
  }
}

/** 「停机」、「密码重置」 / "Suspend line", "Reset password". */
function quoteNames(names: string[], lang: Lang): string {
  return lang === 'en' ? names.map((n) => `"${n}"`).join(', ') : names.map((n) => `「${n}」`).join('、');
}

/**
 * The shared action words with the assistant's colloquial ones added (folded as the detector
 * compares), and all of them as one phrase list.
 */
function withExtraActions(intents: unknown, data: AssistantData): { merged: IntentData; words: LocalizedList } {
  const parsed = v.safeParse(IntentDataSchema, intents);
  if (!parsed.success) {
    throw new HallError('intents.invalid', { zh: '意图词表格式不对。', en: 'The intent word list is not valid.' });
  }
  const base = parsed.output;
  const actions = { ...base.actions };
  for (const a of ASSISTANT_ACTIONS) {
    const extra = data.actions[a];
    const zh = [...extra['zh-Hans'], ...extra['zh-Hant']].map(fold);
    // Words as the detector splits them (don't → dont); it stems them itself.
    const en = extra.en.map((w) => cut(fold(w)).latinWords.join(' '));
    actions[a] = { zh: [...new Set([...base.actions[a].zh, ...zh])], en: [...new Set([...base.actions[a].en, ...en])] };
  }
  const all = Object.values(actions);
  return { merged: { ...base, actions }, words: { 'zh-Hans': all.flatMap((w) => w.zh), 'zh-Hant': [], en: all.flatMap((w) => w.en) } };
}

/** Characters and words that say nothing of a thing: shared by a question and an instruction, they tie nothing. */
const GRAMMAR = new Set([...'的了我你他她它们吗呢吧啊呀一个这那是有在和也都就要不想把给帮', 'the', 'and', 'for', 'this', 'that', 'with', 'you', 'your', 'not', 'can', 'are', 'was']);

/** A text's Han characters and its Latin words of three letters or more, folded, grammar left out. */
function wordsOf(text: string): Set<string> {
  const { hanRuns, latinWords } = cut(fold(text));
  return new Set([...hanRuns.flatMap((run) => [...run]), ...latinWords.filter((w) => w.length >= 3)].filter((w) => !GRAMMAR.has(w)));
}
