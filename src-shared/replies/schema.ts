import * as v from 'valibot';

/** What a figure counts; each has one canonical unit that values are converted to. */
export const MEASURES = ['money', 'data', 'minutes', 'count', 'points'] as const;
export type Measure = (typeof MEASURES)[number];

/** What a figures reply is about; pairing matches these against the instruction sent. */
export const TOPICS = ['balance', 'bill', 'data', 'voice', 'sms', 'points'] as const;
export type Topic = (typeof TOPICS)[number];

export const OUTCOMES = ['success', 'failure', 'already', 'status'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Kinds of data allowance: only `general` is data the customer can use anywhere, any time, on any app. */
export const DATA_POOLS = ['general', 'provincial', 'app', 'offpeak', 'wlan', 'carryover', 'shared'] as const;
export type DataPool = (typeof DATA_POOLS)[number];

/**
 * Kinds of call minutes, as data pools are kinds of data: only `general` (the package's own minutes,
 * 国内/本地/套餐内) is what the customer can call anyone with; the others (off-peak, group network,
 * long distance…) are never added to it.
 */
export const VOICE_POOLS = ['general', 'provincial', 'offpeak', 'group', 'shared', 'longdistance', 'roaming'] as const;
export type VoicePool = (typeof VOICE_POOLS)[number];

/** What a pushed notice warns of. */
export const NOTICES = ['data-suspended', 'data-reminder', 'balance-low', 'charge-reminder'] as const;
export type NoticeKind = (typeof NOTICES)[number];

export const DATE_ROLES = ['asOf', 'validUntil', 'expiry', 'billMonth'] as const;
export type DateRole = (typeof DATE_ROLES)[number];

export const RELATIVE_DATES = ['end-of-month', 'end-of-year', 'this-month'] as const;
export type RelativeDate = (typeof RELATIVE_DATES)[number];

/** Kinds of reply an instruction can be answered by: a topic, an outcome, or a confirmation request. */
export const ANSWER_KINDS = [...TOPICS, ...OUTCOMES, 'confirm', 'menu', 'services'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

const text = v.pipe(v.string(), v.minLength(1));
const words = v.pipe(v.array(text), v.minLength(1));
/** A regular expression source; compiled (and so checked) when the rules are loaded. */
const pattern = text;

const MeasureSchema = v.strictObject({
  /** Unit word → how many canonical units one of it is (data: MB, so `g` is 1024). */
  units: v.record(text, v.pipe(v.number(), v.minValue(0, 'a unit factor must be positive'))),
  /** Symbols written before the number, e.g. `¥`. */
  prefixes: v.optional(v.record(text, v.number())),
  /** Whether amounts may chain units, largest first, as in `9G721.29M`. */
  compound: v.optional(v.boolean()),
  /**
   * Words of a table's header column that give the unit of the bare numbers in the rows under it ("项目 金额" over
   * "功能费 94.60"), word → factor as for units (round 51).
   */
  columns: v.optional(v.record(text, v.number())),
});

export const FieldRuleSchema = v.strictObject({
  field: text,
  /** Words written before the number; the nearest one before a figure names it. */
  labels: words,
  /** Words written right after the number (English: "8.8GB left"). */
  suffixes: v.optional(words),
  /**
   * The last resort when no label is written before an amount: a character that labels of this field
   * are built on (用 of 已使用/用了/已用, 剩 of 剩余/还剩), in the clause right before the amount and
   * outside kind words and `notStems` words (通用, 费用). An unknown label is read by its stem.
   */
  stems: v.optional(words),
  /** The label also names a number written without a unit ("积分 1200"). */
  bare: v.optional(v.boolean()),
  /** The amount is owed ("欠费12.50元" is a balance of -12.50). */
  negate: v.optional(v.boolean()),
  /**
   * Words that say what was done (通话时长, 已通话): they name an amount only when no label of another field
   * is written before them in their clause (剩余通话时长 is left, 套餐内通话时长 a total).
   */
  weak: v.optional(v.boolean()),
});

export const FigureTemplateSchema = v.strictObject({
  id: text,
  topic: v.picklist(TOPICS),
  measure: v.picklist(MEASURES),
  /** The reply is about this topic when any of these words occurs. */
  when: words,
  /** Field rules, or the name of a shared set in `labelSets`. */
  fields: v.union([v.pipe(v.array(FieldRuleSchema), v.minLength(1)), text]),
  /** An amount with no label is a line item named by the words before it (bills). */
  items: v.optional(v.boolean()),
  /** Words after an amount that open its items ("58.00元，其中：…"): that amount is their total. */
  itemsAfter: v.optional(words),
  /** Words after a charge's amount that say it is (or will be) taken ("套餐费58元已扣除"): that amount is an item. */
  chargedAfter: v.optional(words),
  /**
   * Words in the label of an amount read as spent that call it a total (实时话费总额, 合计): followed by item lines, it is
   * the bill's total also when they do not add up to it (a discount; labelling rule 1 of 2026-12-06).
   */
  totalWords: v.optional(words),
  /**
   * Words in the label of a bill's other amount that call it a discount (已优惠, 减免): between an amount read as spent and
   * the item lines after it, the lines add up to the spent amount and the discount together (round 51).
   */
  discountWords: v.optional(words),
  /**
   * An amount no label names, after one of these words ("其中3G流量0.00MB"), is a part of the amount
   * before it in the same sentence and takes its field.
   */
  breakdown: v.optional(words),
  /** Words that, opening a bracket after an amount, list its parts (`剩余15GB（含结转4GB，本月套餐11GB）`). */
  bracketParts: v.optional(words),
  /** Generic nouns (余额, 积分) that take the meaning of a label written right before them (赠款余额, 到期积分). */
  heads: v.optional(words),
  /** Words before an amount that say it is not this topic ("WLAN时长…632分钟" is no call time). */
  unless: v.optional(words),
  /** The topic is also about when an amount in its measure's unit and one of its labels are written (its measure is its own). */
  byUnit: v.optional(v.boolean()),
  /** Figures belong to the package named before them (【国内通用流量】…); each package is checked on its own. */
  packages: v.optional(v.boolean()),
  /**
   * Consistency checks: the parts must add up to the total (within what the text's rounding allows).
   * `discounts`: the total may be below the parts (a bill's items before a discount).
   */
  sums: v.optional(v.array(v.strictObject({ total: text, parts: words, discounts: v.optional(v.boolean()) }))),
});

export const DateRuleSchema = v.strictObject({
  role: v.picklist(DATE_ROLES),
  /** Named groups y, mo, d, h, mi; a missing year is taken from the time the reply came in. */
  pattern,
  relative: v.optional(v.picklist(RELATIVE_DATES)),
});

export const OutcomeTemplateSchema = v.strictObject({
  id: text,
  outcome: v.picklist(OUTCOMES),
  /** The first template (in file order) with a matching pattern wins; group `service` names the service. */
  patterns: v.pipe(v.array(pattern), v.minLength(1)),
});

export const ReplyRulesSchema = v.strictObject({
  schemaVersion: v.literal(1),
  about: v.optional(v.string()),
  serviceNumbers: words,
  /** Sender signatures such as 【中国移动】: never a package name. */
  signs: v.array(text),
  measures: v.strictObject({
    money: MeasureSchema,
    data: MeasureSchema,
    minutes: MeasureSchema,
    count: MeasureSchema,
    points: MeasureSchema,
  }),
  /** Openings such as 尊敬的客户, left out of a quoted reason. */
  greetings: v.array(text),
  /** Marketing words: a reply with amounts but no named figure and one of these is an ad, not an answer. */
  offers: v.array(text),
  /** Text that looks like an amount but is not one (`4G套餐`, `1M=1024K`, instruction codes). */
  ignore: v.array(pattern),
  /**
   * Words of an advertisement: `clause` words open one that runs to the end of the sentence
   * (…剩余1.5GB，可回复KTLL办理流量包), `sentence` words make their whole sentence one (…，详询10086).
   * Masked like boilerplate, so a package on offer is never read as the customer's figure. `own` words
   * (您的, 剩余, 截至…) say a sentence speaks of the customer: without one before it, a clause word's
   * whole sentence is the advert (5G畅享套餐128元/月，含30GB…，详询10086). `held` words (剩余, 已使用) after a
   * sentence word in its clause say it is in the name of the customer's own package (您的限时特惠省内流量剩余1GB).
   * `offer`: words of a package to take up (现在办理, 每月, 10元可用…); a label of an allowance that the file does not list in
   * `own` says the customer's own only before the first of them in its sentence (每月可用流量30GB, 详询… is an offer's).
   */
  adverts: v.optional(v.strictObject({ clause: v.array(pattern), sentence: v.array(pattern), own: v.optional(words), held: v.optional(words), offer: v.optional(v.array(pattern)) })),
  /** Disclaimers and the like (具体以月结账单为准): masked, never an amount, and they name no topic. */
  boilerplate: v.optional(v.array(pattern)),
  /** Words before (余额已低于10元) or after (10GB以上) an amount that make it a threshold, never a figure. */
  thresholds: v.optional(v.strictObject({ before: v.array(text), after: v.array(text) })),
  tariffs: v.optional(v.strictObject({ rates: v.array(pattern), before: v.array(text) })),
  /** Words that make a clause hypothetical (为避免余额不足…): an outcome word in it says nothing happened. */
  hypothetical: v.optional(v.array(text)),
  /**
   * Shares of an allowance written as a percentage (已使用80%, 已达到套餐的90%, 剩余10%): the label nearest
   * before it in its clause (or a suffix right after it) says used or left, the topic word before it in
   * its sentence says of what. Never an amount of MB or minutes: a figure of its own, in percent.
   */
  percents: v.optional(v.strictObject({ used: words, remaining: words, usedAfter: v.optional(words), remainingAfter: v.optional(words) })),
  /**
   * Marks between the parts of a reply sent as several SMS ("(1/2)", "【2/2】"), with the line break
   * before one cut mid-sentence: left out, so a word or sentence cut by one is whole again.
   */
  segments: v.optional(v.array(pattern)),
  /** Group `name`: the package the allowance figures after it belong to. */
  packageNames: v.array(pattern),
  dates: v.array(DateRuleSchema),
  labelSets: v.record(text, v.pipe(v.array(FieldRuleSchema), v.minLength(1))),
  /**
   * Kinds of data allowance and the words that name them, strongest first: a pool named by
   * "省内…（结转）" is carried over. Words are looked for before a data amount (and in its package name).
   */
  pools: v.array(
    v.strictObject({
      pool: v.picklist(DATA_POOLS),
      words,
      /**
       * Words of this kind that another word before them may narrow (港澳台通用流量 is not domestic
       * general data): they name the kind only at the start of the words, after a non-Han character
       * or after one of `after` (国内通用流量, 套餐内通用流量); after any other word the kind is unstated.
       */
      narrowable: v.optional(v.strictObject({ words, after: v.array(text) })),
    }),
  ),
  /**
   * Kinds of call minutes and the words that name them, as `pools` are for data (the first kind whose
   * word is named last before a minutes amount, or in its package's name): 闲时, 集团, 长途…
   */
  voicePools: v.optional(v.array(v.strictObject({ pool: v.picklist(VOICE_POOLS), words }))),
  /**
   * Operators outside the mainland that also answer from 10086 (CMHK), known by a word of theirs
   * (`signs`: 中國移動香港, HK$): their own kinds of data, before `pools` (Hong Kong's 本地 is the
   * local general data, not a provincial pool).
   */
  regions: v.optional(
    v.array(
      v.strictObject({
        id: text,
        signs: words,
        pools: v.array(v.strictObject({ pool: v.picklist(DATA_POOLS), words })),
        /** A sign several currencies write (`$`) as this region's own (`HK$`). */
        currencies: v.optional(v.record(text, text)),
      }),
    ),
  ),
  /** Words written for one another inside labels (流量/数据): a label with one also stands with the others. */
  labelSynonyms: v.optional(v.array(v.pipe(v.array(text), v.minLength(2)))),
  /** Words a stem is written in that are not labels (可用 is a label itself; 费用, 用户, 信用 are none). */
  notStems: v.optional(v.array(text)),
  /** Words of a total over kinds ("合计剩余4.49GB"): such an amount takes no kind from the amounts before it. */
  allKinds: v.optional(v.array(text)),
  /** Words that say the kind of every amount before them in their sentence ("剩余7.5GB，均为国内通用流量"). */
  kindOfAll: v.optional(v.array(text)),
  /** Words of data outside every kind (套餐外): as allKinds, and when nearer than a kind word the amount has none. */
  noKind: v.optional(v.array(text)),
  /**
   * Words of use beyond the plan (套餐外, 超出; an overage package's use is `overPlanPackages`'s): an amount used whose own clause says one (not followed by 内) is no use
   * of any pool but the volume beyond the plan, read as the field `beyondPlan` (labelling rules 4 and 7 of 2026-12-06).
   */
  beyondPlan: v.optional(v.array(text)),
  /** Words of a kind of data that no pool is (小区流量, one cell area's): the amount names no kind and takes none from the amount before. */
  unpooledKinds: v.optional(v.array(text)),
  /**
   * Data usable only at some hours (限时流量, 时段流量, 包时段流量, 忙时): of no stated kind, also with a place word
   * (省内包时段流量), unless one of `offpeak` (闲时, 夜间) is said of it or its hours lie within 22:00-08:00 (labelling rule 2
   * of 2026-12-06: the app must never add it to the provincial or general pool).
   */
  hoursOnly: v.optional(v.object({ words: v.array(text), offpeak: v.array(text) })),
  /**
   * Qualifiers that narrow a kind stated in an amount's own words (省内包时段流量, 校园, 区域): its kind is then not
   * plainly stated, and the amount is never added to another (data or minutes). A qualifier that is part of the
   * kind word naming the amount (限时 of 限时流量) narrows nothing.
   */
  kindNarrowers: v.optional(v.array(text)),
  /**
   * Words that stand between a kind word and its data word and name no kind (移动数据, 4G, 单模, 套餐内, 高速): any other
   * word there is a kind the rules do not know (`省内闲时流量` to a reader without 闲时), and the amount's kind is not stated.
   */
  kindNeutral: v.optional(v.array(text)),
  /**
   * Words of the month before (上月): data they are said of in its own clause is carried over or last month's, so a place
   * or time word beside them (国内, 闲时) is not plainly its kind unless a carried-over word is known too.
   */
  lastMonth: v.optional(v.array(text)),
  /** Kinds that say only where data may be used (provincial, general): an unknown qualifier after one may name any other kind. */
  kindScopes: v.optional(v.array(v.picklist(DATA_POOLS))),
  /** Words that end the name of data leftwards (的, 您, 其中), besides the labels of data: what is before them qualifies nothing. */
  kindBounds: v.optional(v.array(text)),
  /**
   * Whose an amount is (labelling rule 13 of 2026-12-06, session 20): `members` name a card or member other than the customer
   * (副卡, 成员, 子卡); `listed` names one only when another amount of the reply names a member (主卡 beside 副卡); `own` names the
   * customer (本机, 本号码), and so does 您 or 尊敬的 right before a number; `together` after a member names the pool a family uses
   * together (家庭成员已共使用), and a member after 与/和 or 您共享 is said of that shared pool.
   */
  holders: v.optional(v.object({ members: v.array(text), listed: v.array(text), own: v.array(text), together: v.array(text) })),
  /**
   * One pool said twice (labelling rule 14 of 2026-12-06): after `details` (其中, 明细, 详情) an amount of the kind and field of one
   * before them is its detail, and an amount whose own clause says `totals` (合计, 共剩余) sums those before: neither is added.
   */
  repeats: v.optional(v.object({ details: v.array(text), totals: v.array(text) })),
  /**
   * Labels that say where an amount lies (套餐内, 套餐外) as well as a field: after a part word of an amount
   * ("已使用312分钟，其中套餐内300分钟") they name the part, which keeps its whole's field.
   */
  partNames: v.optional(v.array(text)),
  /**
   * Money said in parts (labelling rules 6 and 10 of 2026-12-06). `opens`: words after a balance that open its parts
   * (其中, 含): each part is no second balance, unless called `spendable` (可用: rule 5's) and not `earmarked` (专款可用余额).
   * `owedPeriods`: words right before an owed label that make it one period's part (往月欠费, 本月欠费); beside an amount
   * `owedInAll` (您已欠费, 欠费总额 of no period) such a part is other. `due`: words of what the bill says must be paid
   * (应缴, 应付): a bill's total when its item lines add up to it, else what is owed now (rule 10), unless the reply says it
   * was `settled` (已从余额中扣除, 已缴) or says what is still owed beside it.
   */
  moneyParts: v.optional(
    v.object({
      opens: v.array(text),
      spendable: v.array(text),
      earmarked: v.array(text),
      owedPeriods: v.array(text),
      owedInAll: v.array(text),
      due: v.optional(v.array(text)),
      settled: v.optional(v.array(text)),
    }),
  ),
  /**
   * Packages of data beyond the plan (流量安心包, 流量放心包; labelling rule 7): data used of one is beyond the plan, no
   * pool's use. `until`: words after the package's name in its clause group that speak of the plan again (本月, 套餐内).
   */
  overPlanPackages: v.optional(v.object({ words: v.array(text), until: v.array(text) })),
  /**
   * Numbered menus (回复序号…101.查询余额): options to send back, never figures. `cues` open a menu;
   * `item` (groups n, label) is one option, `quick` (groups n, label) one "CODE（label）" shortcut.
   */
  menus: v.strictObject({
    cues: v.pipe(v.array(pattern), v.minLength(1)),
    item: pattern,
    /** An option numbered next in a run (groups n, label), whose label may start with a digit ("2.20元包3GB"). */
    sequence: v.optional(pattern),
    quick: pattern,
    quickCues: v.array(pattern),
    /** "回复1办理10元1GB日包，回复2…" (groups n, label): options said one by one; a menu when two or more, or after a numbered menu. */
    replies: v.optional(pattern),
    /**
     * A code to send said once in a sentence (groups n, label): the label is the verb phrase after the code
     * ("回复LLB可订购流量包", "请回复“QXSP”退订") or the words before the verb ("余额查询发YE", "如需退订，请发送QXLLB20至10086").
     */
    sends: v.optional(v.array(pattern)),
    /** An option whose label matches one of these changes the account (开通10元1GB, 退订彩铃): asked about before it is sent. */
    changes: v.optional(v.array(pattern)),
    /** …unless it only looks something up, though it names 开通 or 退订 (已开通业务查询, 包月业务查询与退订: a further menu). */
    lookups: v.optional(v.array(pattern)),
  }),
  /**
   * Lists of subscribed services (replies to 0000 and GN): `cues` open the list, `markers` (group n, and `group` a letter before it, or `bullet` for a line marked with no number) are where an entry's
   * number stands (1、 1. 1） （1）, circled ① are found by the code), `fee` (groups fee, yuan; anchored at the end) is the
   * fee ending an entry's words, `cancel` says that replying an entry's number cancels it;
   * `unnumbered` (groups name, fee, yuan) is one entry of a list that numbers none (来电显示（免费）、彩铃（5元/月）).
   * `cancelWith` (groups prefix, what) says what is sent before an entry's number or code to cancel it (回复QX+序号,
   * 取消请回复QX+代码; `what` 代码 for the code said in each entry); `cancelCode` (groups code, name) a code said to cancel
   * one entry by its name (回复QXCL取消彩铃), or its own number (回复A1即退订…).
   */
  services: v.strictObject({
    cues: v.pipe(v.array(pattern), v.minLength(1)),
    markers: v.pipe(v.array(pattern), v.minLength(1)),
    fee: pattern,
    unnumbered: v.optional(pattern),
    cancel: v.array(pattern),
    cancelWith: v.optional(v.array(pattern)),
    cancelCode: v.optional(v.array(pattern)),
  }),
  /**
   * Words that say what a numbered list is (list-shape.ts), in folded text: `choose` (回复序号, 请回复:, 发送对应数字) makes it a
   * menu; `subscribed` (已订购, 正在使用的, 包月业务) in the words before it, unless they `offers` (推荐, 可办理), makes it the
   * services paid for when its items end with fees or `cancels` (回复序号取消) is said; else it is neither (bill lines, pools).
   */
  lists: v.optional(
    v.strictObject({
      choose: v.array(pattern),
      subscribed: v.array(pattern),
      offers: v.array(pattern),
      cancels: v.array(pattern),
      /** …by an entry's number (序号, 数字), unless by a code (QX+业务代码): then the number alone cancels nothing. */
      byNumber: v.optional(v.array(pattern)),
      byCode: v.optional(v.array(pattern)),
    }),
  ),
  /** Pushed notices (流量提醒, 已达…暂停): read even when no instruction was sent, and fed to the alerts. */
  notices: v.array(v.strictObject({ id: v.picklist(NOTICES), patterns: v.pipe(v.array(pattern), v.minLength(1)) })),
  figures: v.pipe(v.array(FigureTemplateSchema), v.minLength(1)),
  outcomes: v.array(OutcomeTemplateSchema),
  confirm: v.strictObject({
    /** Group `word`: exactly what to send back. */
    patterns: v.pipe(v.array(pattern), v.minLength(1)),
    /** Group `hours` or `minutes`: how long the request stays open. */
    deadlines: v.array(pattern),
  }),
  answers: v.strictObject({
    window: v.strictObject({ minutes: v.pipe(v.number(), v.minValue(1)) }),
    /** Reply kinds that may answer any instruction (an error can follow anything). */
    anyInstruction: v.array(v.picklist(ANSWER_KINDS)),
    rules: v.array(
      v.strictObject({
        /** Matched against the instruction text, NFKC and upper-cased, spaces removed. */
        instruction: pattern,
        accepts: v.pipe(v.array(v.picklist(ANSWER_KINDS)), v.minLength(1)),
      }),
    ),
  }),
});

export type ReplyRulesFile = v.InferOutput<typeof ReplyRulesSchema>;
export type FieldRule = v.InferOutput<typeof FieldRuleSchema>;
