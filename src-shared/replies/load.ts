import * as v from 'valibot';
import { HallError } from '../errors';
import { fold } from '../search/fold';
import {
  MEASURES,
  ReplyRulesSchema,
  type AnswerKind,
  type DataPool,
  type DateRole,
  type FieldRule,
  type Measure,
  type NoticeKind,
  type Outcome,
  type RelativeDate,
  type ReplyRulesFile,
  type Topic,
  type VoicePool,
} from './schema';

export interface MeasureRule {
  /** [folded word, factor], longest first so `gb` wins over `g` and `分钟` over `分`. */
  units: [string, number][];
  prefixes: [string, number][];
  compound: boolean;
  /** Header words of a table column whose rows' bare numbers are in this measure, [folded word, factor], longest first. */
  columns: [string, number][];
}

export interface FigureTemplate {
  id: string;
  topic: Topic;
  measure: Measure;
  when: string[];
  fields: FieldRule[];
  items: boolean;
  itemsAfter: string[];
  chargedAfter: string[];
  /** Words in a spent amount's label that call it a total (总额): followed by item lines, it is the bill's total. */
  totalWords: string[];
  /** Words in a bill's other amount's label that call it a discount (已优惠): the lines after it add up to spent and it. */
  discountWords: string[];
  packages: boolean;
  breakdown: string[];
  /** Words that, opening a bracket, list the parts of the amount before it: the template's breakdown and these. */
  bracketParts: string[];
  heads: string[];
  byUnit: boolean;
  unless: string[];
  sums: { total: string; parts: string[]; discounts: boolean }[];
  /** Words of a kind (pools) that a label may begin: 共 in 共享 is no total. */
  kindWords: string[];
  /** Words a label's last character may begin (`notStems`: 打 of 打开, 用 of 用户): a label so followed is part of that word. */
  longerWords: string[];
}

/** A kind of allowance (of data, of minutes) and the words that name it. */
export interface KindRule<K extends string> {
  pool: K;
  words: string[];
  narrowable?: { words: string[]; after: string[] };
}

export type PoolRule = KindRule<DataPool>;

export interface ReplyRules {
  serviceNumbers: ReadonlySet<string>;
  signs: string[];
  offers: string[];
  greetings: string[];
  measures: Record<Measure, MeasureRule>;
  ignore: RegExp[];
  boilerplate: RegExp[];
  /** `own`: words that say a sentence's figures are the customer's (您的, 剩余): without them, an advert's whole sentence is one. */
  adverts: { clause: RegExp[]; sentence: RegExp[]; own: string[]; ownLabels: string[]; offer: RegExp[]; held: string[] };
  hypothetical: string[];
  /** Labels of a percentage used or left (已使用80%, 剩余10%), before it or (…After) right after it. */
  percents: { used: string[]; remaining: string[]; usedAfter: string[]; remainingAfter: string[] };
  segments: RegExp[];
  thresholds: { before: string[]; after: string[] };
  /** A sentence stating a rate (0.29元/M, 按每3MB): its steps (每达到100M, 仅收费10元) are the tariff's, no figures. */
  tariffs: { rates: RegExp[]; before: string[] };
  packageNames: RegExp[];
  dates: { role: DateRole; pattern: RegExp; relative: RelativeDate | undefined }[];
  figures: FigureTemplate[];
  /** Strongest first; words folded. */
  pools: PoolRule[];
  /** Kinds of call minutes, as `pools`; words folded. */
  voicePools: KindRule<VoicePool>[];
  /** Operators known by a word of theirs, whose kinds of data come before `pools` in their replies. */
  regions: { id: string; signs: string[]; pools: { pool: DataPool; words: string[] }[]; currencies: Record<string, string> }[];
  notStems: string[];
  /** Words of a total over kinds (合计): such an amount takes no kind from the amounts before it. */
  allKinds: string[];
  kindOfAll: string[];
  /** Words of data outside every kind (套餐外): nearer than a kind word, the amount has no kind. */
  noKind: string[];
  /** Words of use beyond the plan (套餐外, 超出): such a volume used is the field `beyondPlan`, no pool's use. */
  beyondPlan: string[];
  /** Words of a kind of data that no pool is (小区): the amount takes no kind from the amount before. */
  unpooledKinds: string[];
  /** Words of data usable only at some hours (包时段, 忙时): no kind unless off-peak is said of it (`offpeak`). */
  hoursOnly: { words: string[]; offpeak: string[] };
  /** Qualifiers that narrow a kind stated in an amount's own words (包时段, 校园): the kind is not plainly stated. */
  kindNarrowers: string[];
  /** Words between a kind word and its data word that name no kind (移动数据, 4G): any other word there is an unknown kind. */
  kindNeutral: string[];
  /** Words of the month before (上月): data said of it is of no plainly stated kind but carried over. */
  lastMonth: string[];
  /** Kinds that say only where data may be used (省内, 国内): an unknown qualifier after one may name another kind. */
  kindScopes: DataPool[];
  /** Words that end the name of data leftwards (的, 您), besides the labels of data. */
  kindBounds: string[];
  /** Whose an amount is (labelling rule 13): see the schema. Words folded. */
  holders: { members: string[]; listed: string[]; own: string[]; together: string[] };
  /** One pool said twice (labelling rule 14): see the schema. Words folded. */
  repeats: { details: string[]; totals: string[] };
  /** Labels that also say where an amount lies (套餐内): after a part word, the part keeps its whole's field. */
  partNames: string[];
  /** A balance's parts and what is owed by period (labelling rules 6 and 10): see the schema. Words folded. */
  moneyParts: { opens: string[]; spendable: string[]; earmarked: string[]; owedPeriods: string[]; owedInAll: string[]; due: string[]; settled: string[] };
  /** Packages of data beyond the plan (安心包), whose use is no pool's (labelling rule 7). Words folded. */
  overPlanPackages: { words: string[]; until: string[] };
  menus: { cues: RegExp[]; item: RegExp; sequence: RegExp; quick: RegExp; quickCues: RegExp[]; replies: RegExp | null; sends: RegExp[]; changes: RegExp[]; lookups: RegExp[] };
  services: { cues: RegExp[]; markers: RegExp[]; fee: RegExp; unnumbered: RegExp | null; cancel: RegExp[]; cancelWith: RegExp[]; cancelCode: RegExp[] };
  /** What makes a numbered list a menu or the services paid for (list-shape.ts). */
  lists: { choose: RegExp[]; subscribed: RegExp[]; offers: RegExp[]; cancels: RegExp[]; byNumber: RegExp[]; byCode: RegExp[] };
  notices: { id: NoticeKind; patterns: RegExp[] }[];
  outcomes: { id: string; outcome: Outcome; patterns: RegExp[] }[];
  confirm: { patterns: RegExp[]; deadlines: RegExp[] };
  answers: {
    windowMs: number;
    anyInstruction: ReadonlySet<AnswerKind>;
    rules: { instruction: RegExp; accepts: ReadonlySet<AnswerKind> }[];
  };
}

function invalid(problems: string[]): HallError {
  return new HallError(
    'replies.invalid',
    {
      zh: `回复模板文件格式不对：${problems.join('；')}`,
      en: `The reply templates file is not valid: ${problems.join('; ')}`,
    },
    {
      action: { zh: '请修正 instructions/replies.json 中列出的项。', en: 'Fix the listed entries in instructions/replies.json.' },
      details: { problems },
    },
  );
}

/**
 * Validates reply templates from any source against the schema, compiles every pattern and
 * resolves shared label sets, so a maintainer's typo fails at load and never mid-parse.
 */
export function parseReplyRules(input: unknown): ReplyRules {
  const parsed = v.safeParse(ReplyRulesSchema, input);
  if (!parsed.success) {
    throw invalid(parsed.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`));
  }
  const problems: string[] = [];
  const rules = compile(parsed.output, problems);
  if (problems.length) throw invalid(problems);
  return rules;
}

function compile(file: ReplyRulesFile, problems: string[]): ReplyRules {
  // `g` and `d` (match indices) for the reply patterns; instruction codes are matched whole, any case.
  const regex = (where: string, source: string, flags = 'gdu'): RegExp => {
    try {
      return new RegExp(source, flags);
    } catch (e) {
      problems.push(`${where}: ${e instanceof Error ? e.message : String(e)}`);
      return /(?!)/gdu;
    }
  };
  const synonyms = (file.labelSynonyms ?? []).map((set) => set.map(fold));
  // 使用总流量 also as 使用总数据, 已消费 as 已经消费: each label once with every synonym of a word it holds.
  const withSynonyms = (labels: string[]): string[] => [
    ...new Set(labels.flatMap((l) => [l, ...synonyms.flatMap((set) => set.flatMap((w) => (l.includes(w) ? set.filter((o) => o !== w).map((o) => l.replaceAll(w, o)) : [])))])),
  ];
  const foldFields = (fields: FieldRule[]): FieldRule[] =>
    fields.map((f) => ({ ...f, labels: withSynonyms(f.labels.map(fold)), suffixes: f.suffixes?.map(fold), stems: f.stems?.map(fold) }));
  const byLength = (entries: [string, number][]): [string, number][] =>
    entries.map(([w, n]): [string, number] => [fold(w), n]).sort((a, b) => b[0].length - a[0].length);

  const measures = Object.fromEntries(
    MEASURES.map((m) => {
      const spec = file.measures[m];
      const rule: MeasureRule = {
        units: byLength(Object.entries(spec.units)),
        prefixes: byLength(Object.entries(spec.prefixes ?? {})),
        compound: spec.compound ?? false,
        columns: byLength(Object.entries(spec.columns ?? {})),
      };
      return [m, rule];
    }),
  ) as Record<Measure, MeasureRule>;

  const figures = file.figures.map((t, i): FigureTemplate => {
    let fields: FieldRule[] = [];
    if (typeof t.fields === 'string') {
      const shared = file.labelSets[t.fields];
      if (shared) fields = shared;
      else problems.push(`figures.${i}.fields: no label set "${t.fields}"`);
    } else fields = t.fields;
    return {
      id: t.id,
      topic: t.topic,
      measure: t.measure,
      // A template is spoken of in any synonym of its words (已经消费 as 已消费).
      when: withSynonyms(t.when.map(fold)),
      fields: foldFields(fields),
      items: t.items ?? false,
      itemsAfter: (t.itemsAfter ?? []).map(fold),
      chargedAfter: (t.chargedAfter ?? []).map(fold),
      totalWords: (t.totalWords ?? []).map(fold),
      discountWords: (t.discountWords ?? []).map(fold),
      packages: t.packages ?? false,
      breakdown: (t.breakdown ?? []).map(fold),
      bracketParts: [...(t.breakdown ?? []), ...(t.bracketParts ?? [])].map(fold),
      heads: (t.heads ?? []).map(fold),
      byUnit: t.byUnit ?? false,
      unless: (t.unless ?? []).map(fold),
      sums: (t.sums ?? []).map((sum) => ({ ...sum, discounts: sum.discounts ?? false })),
      // Words of data usable only at some hours (时段流量) name data as kind words do, though no kind.
      kindWords: [...file.pools.flatMap((p) => p.words), ...(file.hoursOnly?.words ?? [])].map(fold),
      longerWords: (file.notStems ?? []).map(fold),
    };
  });
  const ids = figures.map((f) => f.id).concat(file.outcomes.map((o) => o.id));
  for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`template id "${id}" used twice`);

  const dataUseLabels = figures
    .filter((t) => t.topic === 'data')
    .flatMap((t) => t.fields.filter((r) => !r.weak && (r.field === 'used' || r.field === 'remaining' || r.field === 'total')).flatMap((r) => r.labels));
  return {
    serviceNumbers: new Set(file.serviceNumbers),
    signs: file.signs.map(fold),
    offers: file.offers.map(fold),
    greetings: file.greetings.map(fold),
    measures,
    ignore: file.ignore.map((p, i) => regex(`ignore.${i}`, p)),
    boilerplate: (file.boilerplate ?? []).map((p, i) => regex(`boilerplate.${i}`, p)),
    adverts: {
      clause: (file.adverts?.clause ?? []).map((p, i) => regex(`adverts.clause.${i}`, p)),
      sentence: (file.adverts?.sentence ?? []).map((p, i) => regex(`adverts.sentence.${i}`, p)),
      own: (file.adverts?.own ?? []).map(fold),
      // "您本地流量共使用：300.5MB，详询10086。" (GENERATED data wordings of round 50): every plain label of use or of what is left of
      // an allowance (two Chinese characters or more) before an opening word says the customer's own too, but only before the
      // sentence's first word of an offer (`offer`: "现在办理流量包，每月可用流量30GB，详询10086", mend54 on review45).
      ownLabels: allowanceLabels(figures, ['used', 'remaining']).filter((w, i, all) => all.indexOf(w) === i && !(file.adverts?.own ?? []).map(fold).includes(w)),
      offer: (file.adverts?.offer ?? []).map((p, i) => regex(`adverts.offer.${i}`, p)),
      // "1、神州行田园特惠卡,使用了4.92MB" (real r25a-029 with another word of use): every plain label of use of an allowance
      // (two Chinese characters or more) says what the customer used, as the words the file lists do.
      held: [...new Set([...(file.adverts?.held ?? []).map(fold), ...allowanceLabels(figures)])],
    },
    hypothetical: (file.hypothetical ?? []).map(fold),
    percents: {
      used: (file.percents?.used ?? []).map(fold),
      remaining: (file.percents?.remaining ?? []).map(fold),
      usedAfter: (file.percents?.usedAfter ?? []).map(fold),
      remainingAfter: (file.percents?.remainingAfter ?? []).map(fold),
    },
    segments: (file.segments ?? []).map((p, i) => regex(`segments.${i}`, p)),
    thresholds: { before: (file.thresholds?.before ?? []).map(fold), after: (file.thresholds?.after ?? []).map(fold) },
    tariffs: { rates: (file.tariffs?.rates ?? []).map((p, i) => regex(`tariffs.rates.${i}`, p)), before: (file.tariffs?.before ?? []).map(fold) },
    packageNames: file.packageNames.map((p, i) => regex(`packageNames.${i}`, p)),
    dates: file.dates.map((d, i) => ({ role: d.role, pattern: regex(`dates.${i}`, d.pattern), relative: d.relative })),
    figures,
    pools: file.pools.map((p) => ({
      pool: p.pool,
      // 爱看流量 also as 爱看数据, as for labels.
      words: withSynonyms(p.words.map(fold)),
      // A label of what is left, used or held right before a narrowable word (剩下专用流量, 尚余通用流量, 套餐包含通用流量; round 54: the
      // totals' labels too) is no qualifier of it, as 剩余 is not;
      // nor is a word that names no kind (`kindNeutral`: 手机通用流量, 今日通用流量; round 50).
      ...(p.narrowable ? { narrowable: { words: withSynonyms(p.narrowable.words.map(fold)), after: [...new Set([...p.narrowable.after.map(fold), ...dataUseLabels, ...(file.kindNeutral ?? []).map(fold)])] } } : {}),
    })),
    voicePools: (file.voicePools ?? []).map((p) => ({ pool: p.pool, words: p.words.map(fold) })),
    regions: (file.regions ?? []).map((r) => ({
      id: r.id,
      signs: r.signs.map(fold),
      pools: r.pools.map((p) => ({ pool: p.pool, words: p.words.map(fold) })),
      currencies: r.currencies ?? {},
    })),
    notStems: (file.notStems ?? []).map(fold),
    allKinds: (file.allKinds ?? []).map(fold),
    kindOfAll: (file.kindOfAll ?? []).map(fold),
    noKind: (file.noKind ?? []).map(fold),
    beyondPlan: (file.beyondPlan ?? []).map(fold),
    unpooledKinds: (file.unpooledKinds ?? []).map(fold),
    hoursOnly: { words: withSynonyms((file.hoursOnly?.words ?? []).map(fold)), offpeak: (file.hoursOnly?.offpeak ?? []).map(fold) },
    kindNarrowers: (file.kindNarrowers ?? []).map(fold),
    kindNeutral: (file.kindNeutral ?? []).map(fold),
    lastMonth: (file.lastMonth ?? []).map(fold),
    kindBounds: (file.kindBounds ?? []).map(fold),
    holders: {
      members: (file.holders?.members ?? []).map(fold),
      listed: (file.holders?.listed ?? []).map(fold),
      own: (file.holders?.own ?? []).map(fold),
      together: (file.holders?.together ?? []).map(fold),
    },
    repeats: { details: (file.repeats?.details ?? []).map(fold), totals: (file.repeats?.totals ?? []).map(fold) },
    kindScopes: file.kindScopes ?? [],
    partNames: (file.partNames ?? []).map(fold),
    moneyParts: {
      opens: (file.moneyParts?.opens ?? []).map(fold),
      spendable: (file.moneyParts?.spendable ?? []).map(fold),
      earmarked: (file.moneyParts?.earmarked ?? []).map(fold),
      owedPeriods: (file.moneyParts?.owedPeriods ?? []).map(fold),
      owedInAll: (file.moneyParts?.owedInAll ?? []).map(fold),
      due: (file.moneyParts?.due ?? []).map(fold),
      settled: (file.moneyParts?.settled ?? []).map(fold),
    },
    overPlanPackages: { words: (file.overPlanPackages?.words ?? []).map(fold), until: (file.overPlanPackages?.until ?? []).map(fold) },
    menus: {
      cues: file.menus.cues.map((p, i) => regex(`menus.cues.${i}`, p)),
      // Options are matched where the previous one ended, so these anchor at the start of what is left.
      item: regex('menus.item', file.menus.item, 'du'),
      sequence: regex('menus.sequence', file.menus.sequence ?? file.menus.item, 'du'),
      quick: regex('menus.quick', file.menus.quick, 'du'),
      quickCues: file.menus.quickCues.map((p, i) => regex(`menus.quickCues.${i}`, p)),
      replies: file.menus.replies === undefined ? null : regex('menus.replies', file.menus.replies),
      sends: (file.menus.sends ?? []).map((p, i) => regex(`menus.sends.${i}`, p)),
      changes: (file.menus.changes ?? []).map((p, i) => regex(`menus.changes.${i}`, p)),
      lookups: (file.menus.lookups ?? []).map((p, i) => regex(`menus.lookups.${i}`, p)),
    },
    lists: {
      choose: (file.lists?.choose ?? []).map((p, i) => regex(`lists.choose.${i}`, p)),
      subscribed: (file.lists?.subscribed ?? []).map((p, i) => regex(`lists.subscribed.${i}`, p)),
      offers: (file.lists?.offers ?? []).map((p, i) => regex(`lists.offers.${i}`, p)),
      cancels: (file.lists?.cancels ?? []).map((p, i) => regex(`lists.cancels.${i}`, p)),
      byNumber: (file.lists?.byNumber ?? []).map((p, i) => regex(`lists.byNumber.${i}`, p)),
      byCode: (file.lists?.byCode ?? []).map((p, i) => regex(`lists.byCode.${i}`, p)),
    },
    services: {
      cues: file.services.cues.map((p, i) => regex(`services.cues.${i}`, p)),
      markers: file.services.markers.map((p, i) => regex(`services.markers.${i}`, p)),
      fee: regex('services.fee', file.services.fee),
      unnumbered: file.services.unnumbered === undefined ? null : regex('services.unnumbered', file.services.unnumbered),
      cancel: file.services.cancel.map((p, i) => regex(`services.cancel.${i}`, p)),
      cancelWith: (file.services.cancelWith ?? []).map((p, i) => regex(`services.cancelWith.${i}`, p)),
      cancelCode: (file.services.cancelCode ?? []).map((p, i) => regex(`services.cancelCode.${i}`, p)),
    },
    notices: file.notices.map((n, i) => ({ id: n.id, patterns: n.patterns.map((p, j) => regex(`notices.${i}.patterns.${j}`, p)) })),
    outcomes: file.outcomes.map((o, i) => ({
      id: o.id,
      outcome: o.outcome,
      patterns: o.patterns.map((p, j) => regex(`outcomes.${i}.patterns.${j}`, p)),
    })),
    confirm: {
      patterns: file.confirm.patterns.map((p, i) => regex(`confirm.patterns.${i}`, p)),
      deadlines: file.confirm.deadlines.map((p, i) => regex(`confirm.deadlines.${i}`, p)),
    },
    answers: {
      windowMs: file.answers.window.minutes * 60_000,
      anyInstruction: new Set(file.answers.anyInstruction),
      rules: file.answers.rules.map((r, i) => ({
        instruction: regex(`answers.rules.${i}`, r.instruction, 'iu'),
        accepts: new Set(r.accepts),
      })),
    },
  };
}

/** The labels of the allowances (packages) of the fields given (use by default), weak ones left out, of two Chinese characters or more. */
function allowanceLabels(figures: FigureTemplate[], fields: string[] = ['used']): string[] {
  return figures.filter((t) => t.packages).flatMap((t) => t.fields.filter((r) => fields.includes(r.field) && !r.weak).flatMap((r) => r.labels.filter((l) => /^\p{Script=Han}{2,}$/u.test(l))));
}
