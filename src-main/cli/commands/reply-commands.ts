import { foreignCurrency, kindStated, poolName, understandReply, voicePoolName, type DateRecord, type FigureRecord, type ReplyUnderstanding, type SubscribedService } from '../../../src-shared/replies';
import { beijingTime } from '../../../src-shared/wall-clock';
import { usageError } from '../args';
import { say, type CliContext, type Command } from '../context';
import { table } from '../format';

const HELP = {
  zh: [
    '用法：hall10086 reply read 文本… [--received-at 时间] [--json]',
    '',
    '把每段文本当作 10086 的回复来读，打印读懂的内容：回复类型；',
    '每个数字的主题、字段、数值、单位、流量类型和所属套餐；日期；',
    '菜单选项与正在使用的业务。',
    '',
    '  --received-at 时间  收到回复的时间（ISO 8601，如 2026-11-25T10:30+08:00），',
    '                      没写年份的日期按它补全；默认现在',
    '  --json              每段文本一行 JSON',
  ],
  en: [
    'Usage: hall10086 reply read TEXT... [--received-at ISO] [--json]',
    '',
    'Reads each TEXT as a reply from 10086 and prints what is understood: the',
    'kind of reply; each figure with its topic, field, value, unit, data pool',
    'and package; the dates; menu options and subscribed services.',
    '',
    '  --received-at ISO  when the reply came in (ISO 8601, e.g.',
    '                     2026-11-25T10:30+08:00); dates without a year take',
    "                     theirs from it; now when not given",
    '  --json             one JSON line per TEXT',
  ],
};

/** A figure as the command prints it: values in the reader's units (yuan, MB, min, sms, points, percent). */
function figureView(f: FigureRecord) {
  return {
    topic: f.topic,
    field: f.field,
    value: Math.round(f.value * 10_000) / 10_000,
    unit: f.unit,
    currency: foreignCurrency(f),
    pool: f.pool,
    ...(f.topic === 'voice' ? { voicePool: f.voicePool } : {}),
    // Where the kind was read from, and whether it is plainly stated (only such amounts are ever added up).
    ...(f.kindFrom ? { kindFrom: f.kindFrom, kindStated: kindStated(f.kindFrom) } : {}),
    // A word the reader does not know named its kind: not stated, and never the customer's data left.
    ...(f.kindUnknown ? { kindUnknown: true, ...(f.kindWords ? { kindWords: f.kindWords } : {}) } : {}),
    // Rule 13: a member's or second card's share, never the customer's; rule 14: perhaps a pool said again, never added.
    ...(f.holder !== undefined ? { holder: f.holder } : {}),
    ...(f.restates ? { restates: true } : {}),
    package: f.package,
    item: f.item,
    written: f.span.text,
    confidence: f.confidence,
  };
}

/** A figure's kind by name, said as a guess when it was inferred ("推测为省内 (before)"). */
function kindSaid(f: ReturnType<typeof figureView>, ctx: CliContext): string {
  const name = f.pool ? poolName(f.pool, ctx.lang) : voicePoolName(f.voicePool!, ctx.lang);
  return f.kindStated === false ? `${say(ctx, { zh: '推测为', en: 'probably ' })}${name} (${f.kindFrom})` : name;
}

function dateView(d: DateRecord) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = d.day === null ? '' : `-${pad(d.day)}`;
  const time = d.hour === null ? '' : ` ${pad(d.hour)}:${pad(d.minute ?? 0)}`;
  return { role: d.role, date: `${d.year}-${pad(d.month)}${day}${time}`, yearInferred: d.yearInferred, written: d.span.text };
}

/** What one reply says, as plain data (the --json line). */
export function replyView(u: ReplyUnderstanding) {
  switch (u.kind) {
    case 'figures':
      return {
        kind: u.kind,
        topics: u.topics,
        confidence: u.confidence,
        figures: u.figures.map(figureView),
        dates: u.dates.map(dateView),
        menu: u.menu,
        notices: u.notices,
        problems: u.problems.map((p) => ({ code: p.code, written: p.span?.text ?? null, detail: p.detail })),
        ...(u.services && { services: u.services, cancelByNumber: u.cancelByNumber }),
      };
    case 'menu':
      return { kind: u.kind, menu: u.menu, notices: u.notices };
    case 'services':
      return { kind: u.kind, services: u.services, cancelByNumber: u.cancelByNumber };
    case 'notice':
      return { kind: u.kind, notices: u.notices };
    case 'confirm':
      return { kind: u.kind, reply: u.reply, withinMinutes: u.deadline ? u.deadline.withinMs / 60_000 : null };
    case 'outcome':
      return { kind: u.kind, outcome: u.outcome, template: u.template, service: u.service, reason: u.reason, menu: u.menu };
    case 'unknown':
      return { kind: u.kind };
  }
}

function print(ctx: CliContext, n: number, u: ReplyUnderstanding): void {
  const lines: string[] = [`#${n}  ${u.kind}${u.kind === 'figures' ? ` (${u.confidence})` : ''}`];
  const indent = (rows: string[][]) => table(rows).split('\n').map((l) => `  ${l}`.trimEnd());
  const notices = (list: readonly string[]) => list.length && lines.push(`  ${say(ctx, { zh: '提醒', en: 'notice' })}: ${list.join(', ')}`);
  const menu = (options: readonly { n: string; label: string }[]) =>
    options.length && lines.push(`  ${say(ctx, { zh: '菜单', en: 'menu' })}: ${options.map((o) => `${o.n} ${o.label}`).join(' | ')}`);
  // What cancels an entry, when the reply says more than its number (QX1, QXCL).
  const services = (list: readonly SubscribedService[], byNumber: boolean) => {
    lines.push(...indent(list.map((s) => [s.n ?? '-', s.name, s.fee, ...(s.cancelText ? [`${say(ctx, { zh: '取消发', en: 'cancel:' })} ${s.cancelText}`] : [])])));
    if (byNumber) lines.push(`  ${say(ctx, { zh: '回复序号可取消对应业务', en: 'reply a number to cancel that service' })}`);
  };
  switch (u.kind) {
    case 'figures': {
      const figures = u.figures.map(figureView);
      if (figures.length) {
        lines.push(
          ...indent(
            figures.map((f) => [
              `${f.topic}.${f.field}`,
              `${f.value} ${f.currency ?? (f.unit === 'percent' ? '%' : f.unit)}`,
              f.pool || f.voicePool ? `${say(ctx, { zh: '类型', en: 'pool' })} ${kindSaid(f, ctx)}` : '',
              [f.holder && `${say(ctx, { zh: '成员', en: 'member' })} ${f.holder}`, f.restates && say(ctx, { zh: '或为重复', en: 'maybe said again' }), f.package && `@${f.package}`, f.item && `#${f.item}`, f.confidence === 'unsure' ? '?' : ''].filter(Boolean).join(' '),
            ]),
          ),
        );
      }
      for (const d of u.dates.map(dateView)) lines.push(`  ${d.role}  ${d.date}${d.yearInferred ? ' (year inferred)' : ''}`);
      menu(u.menu);
      notices(u.notices);
      if (u.services) services(u.services, u.cancelByNumber ?? false);
      break;
    }
    case 'menu':
      menu(u.menu);
      notices(u.notices);
      break;
    case 'services':
      services(u.services, u.cancelByNumber);
      break;
    case 'notice':
      notices(u.notices);
      break;
    case 'confirm':
      lines.push(`  ${say(ctx, { zh: '回复', en: 'reply' })} “${u.reply}”${u.deadline ? ` (${u.deadline.withinMs / 60_000} min)` : ''}`);
      break;
    case 'outcome':
      lines.push(`  ${u.outcome} / ${u.template}${u.reason ? `: ${u.reason}` : ''}`);
      menu(u.menu);
      break;
    case 'unknown':
      break;
  }
  ctx.out(lines.join('\n'));
}

export const replyCommand: Command = {
  name: 'reply',
  usage: 'reply read TEXT... [--received-at ISO] [--json]',
  summary: { zh: '读懂 10086 的回复：数字、流量类型、日期、菜单', en: "Read 10086's replies: figures, data pools, dates, menus" },
  spec: { booleans: ['json', 'help'], values: ['received-at'] },
  async run(args, ctx) {
    const [verb, ...texts] = args.positionals;
    if (args.options.has('help') || verb === 'help' || verb === undefined) {
      ctx.out(say(ctx, { zh: HELP.zh.join('\n'), en: HELP.en.join('\n') }));
      return verb === undefined && !args.options.has('help') ? 2 : 0;
    }
    if (verb !== 'read' || texts.length === 0) {
      throw usageError('用法：reply read 文本… [--received-at 时间] [--json]', 'Usage: reply read TEXT... [--received-at ISO] [--json]');
    }
    const at = args.options.get('received-at');
    const receivedAt = at === undefined ? Date.now() : Date.parse(at);
    if (!Number.isFinite(receivedAt)) {
      throw usageError(`--received-at 应是 ISO 8601 时间，例如 2026-11-25T10:30+08:00（收到的是 “${at}”）。`, `--received-at must be an ISO 8601 time such as 2026-11-25T10:30+08:00 (got "${at}").`);
    }
    texts.forEach((text, i) => {
      const u = understandReply({ text, receivedAt, from: '10086' });
      if (args.options.has('json')) ctx.out(JSON.stringify({ text, receivedAt: new Date(receivedAt).toISOString(), beijing: beijingTime(receivedAt), ...replyView(u) }));
      else print(ctx, i + 1, u);
    });
  },
};
