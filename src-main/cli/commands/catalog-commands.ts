import type { InstructionCatalog } from '../../../src-shared/catalog/catalog';
import type { Instruction } from '../../../src-shared/catalog/schema';
import { createSearch } from '../../../src-shared/search';
import { intOption, usageError } from '../args';
import { say, type CliContext, type Command } from '../context';
import { table } from '../format';
import { readParamsFromStdin, warnSecretsInArgv } from '../secret-input';
import { dataDirOf, userCatalog } from '../user-catalog';

export const searchCommand: Command = {
  name: 'search',
  usage: 'search QUERY... [--limit N] [--json]',
  summary: { zh: '按说法查找指令（代码、简繁中文、拼音、英文、整句）', en: 'Find instructions by how people ask (codes, Chinese, pinyin, English, sentences)' },
  spec: { booleans: ['json'], values: ['limit'] },
  async run(args, ctx) {
    if (args.positionals.length === 0) throw usageError('请给出要查找的内容，例如：search 流量', 'Give something to search for, e.g.: search 流量');
    const limit = intOption(args, 'limit', 5, 1, 100);
    const catalog = await userCatalog(dataDirOf(args), ctx);
    const engine = createSearch(catalog.instructions);
    // One query never fails the batch: a parameter typed wrong is reported beside its instruction.
    const answers = args.positionals.map((query) => {
      const results = engine.search(query, limit).map((r) => ({
        id: r.id,
        title: r.instruction.name[ctx.lang],
        sms: r.params && !r.paramProblem ? catalog.compose(r.id, r.params).redacted : r.instruction.template,
        score: r.score,
        confident: r.confident,
        ...(r.paramProblem ? { problem: r.paramProblem } : {}),
      }));
      // A secret typed with its instruction (an ID number after MMHF#) is not printed back.
      return { query: catalog.maskSecrets(query), confident: results[0]?.confident ?? false, results };
    });
    if (args.options.has('json')) {
      ctx.out(JSON.stringify(answers));
      return;
    }
    for (const { query, results } of answers) {
      ctx.out(`${query}`);
      if (results.length === 0) ctx.out(`  ${say(ctx, { zh: '（没有找到）', en: '(no match)' })}`);
      else {
        const maybe = say(ctx, { zh: '也许：', en: 'maybe: ' });
        const rows = results.map((r, i) => [`${i + 1}.`, r.id, `${r.confident ? '' : maybe}${r.title}`, r.sms, r.score.toFixed(2)]);
        ctx.out(indent(table(rows)));
        for (const r of results) if (r.problem) ctx.out(`  ${r.id}: ${say(ctx, r.problem)}`);
      }
      if (!results[0]?.confident) {
        ctx.out(`  ${say(ctx, { zh: '没有把握：可能没有对应的指令，可以拨打 10086 咨询。', en: 'Not sure: there may be no instruction for this; you can call 10086.' })}`);
      }
    }
  },
};

export const showCommand: Command = {
  name: 'show',
  usage: 'show ID [--json]',
  summary: { zh: '显示一条指令的说明、参数和注意事项', en: 'Show an instruction: what it does, parameters, caveats' },
  spec: { booleans: ['json'] },
  async run(args, ctx) {
    const id = args.positionals[0];
    if (!id || args.positionals.length > 1) throw usageError('用法：show 指令代码，例如 show KTGPRS', 'Usage: show ID, e.g. show KTGPRS');
    const catalog = await userCatalog(dataDirOf(args), ctx);
    const entry = catalog.get(id) ?? catalog.recognize(id)?.instruction ?? catalog.require(id);
    if (args.options.has('json')) {
      ctx.out(JSON.stringify(entry));
      return;
    }
    ctx.out(describe(catalog, entry, ctx));
  },
};

export const composeCommand: Command = {
  name: 'compose',
  usage: 'compose ID [--PARAM value|-...] [--json]   (or: compose ZD202610)',
  summary: { zh: '检查参数并给出要发送的短信原文', en: 'Check parameters and print the exact SMS text' },
  spec: { booleans: ['json'], open: true },
  async run(args, ctx) {
    const id = args.positionals[0];
    if (!id || args.positionals.length > 1) {
      throw usageError('用法：compose 指令代码 [--参数 值]，例如 compose ZD --month 202610', 'Usage: compose ID [--param value], e.g. compose ZD --month 202610');
    }
    const catalog = await userCatalog(dataDirOf(args), ctx);
    const given = Object.fromEntries([...args.options].filter(([k]) => k !== 'json' && k !== 'data-dir'));
    warnSecretsInArgv(ctx, catalog, id, given, catalog.get(id), 'compose');
    const params = await readParamsFromStdin(given, catalog.get(id), ctx);
    const composed =
      catalog.get(id) || Object.keys(params).length
        ? catalog.compose(id, params)
        : (catalog.composeTyped(id) ?? catalog.compose(id, params));
    if (args.options.has('json')) ctx.out(JSON.stringify({ id: composed.id, to: composed.to, text: composed.text }));
    else ctx.out(composed.text);
  },
};

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

function describe(catalog: InstructionCatalog, e: Instruction, ctx: CliContext): string {
  const { lang } = ctx;
  const label = (zh: string, en: string) => say(ctx, { zh, en });
  const rows: string[][] = [
    [label('代码', 'Code'), e.id],
    [label('短信', 'SMS'), `${e.template} → ${e.to}`],
    [label('类别', 'Category'), catalog.categoryName(e.category, lang)],
    [label('说明', 'About'), e.summary[lang]],
  ];
  for (const p of e.params) {
    rows.push([label('参数', 'Parameter'), `{${p.name}} ${p.label[lang]}${p.secret ? label('（保密，不会保存明文）', ' (secret, never stored in clear)') : ''}`]);
  }
  for (const c of e.caveats) rows.push([label('注意', 'Caveat'), catalog.caveatText(c, lang)]);
  if (e.risk.confirm) rows.push([label('发送前确认', 'Confirm first'), e.risk.reason?.[lang] ?? '']);
  if (e.opposite) rows.push([label('反向指令', 'Opposite'), e.opposite]);
  if (e.related?.length) rows.push([label('相关', 'Related'), e.related.join(', ')]);
  return `${e.name[lang]}\n${indent(table(rows))}`;
}
