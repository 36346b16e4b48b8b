import { existsSync } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { customFileTooBig, exportCustomFile, MAX_CUSTOM_FILE_BYTES } from '../../../src-shared/catalog/custom/file';
import { readCapped } from '../../services/read-capped';
import { writeOut } from '../../services/atomic-write';
import { HallError } from '../../../src-shared/errors';
import { pathProblem } from '../file-errors';
import { readPublicKey } from '../../services/catalog-update';
import { PROVINCE_IDS, type ProvinceId } from '../../../src-shared/catalog/provinces/schema';
import { usageError } from '../args';
import { say, type CliContext, type Command } from '../context';
import { table } from '../format';
import { dataDirOf, userCatalogState } from '../user-catalog';

/** The same catalog settings the app's Settings page changes, for scripts and headless boxes. */

export const provinceCommand: Command = {
  name: 'province',
  usage: 'province [ID|none]',
  summary: { zh: '查看或选择所在省份（省份资料会调整指令库）', en: 'Show or choose the province (its profile adjusts the catalog)' },
  spec: {},
  async run(args, ctx) {
    const state = await userCatalogState(dataDirOf(args), ctx);
    const [choice, ...extra] = args.positionals;
    if (extra.length) throw usageError('用法：province [省份代码|none]', 'Usage: province [ID|none]');
    if (choice !== undefined) {
      const id = choice.toLowerCase();
      if (id !== 'none' && !PROVINCE_IDS.includes(id as ProvinceId)) {
        throw usageError(`没有这个省份代码：${choice}（例如 gd、bj、sh）。`, `No such province code: ${choice} (e.g. gd, bj, sh).`);
      }
      await state.setProvince(id === 'none' ? null : (id as ProvinceId));
    }
    const view = state.view();
    ctx.out(
      table(
        view.provinces.map((p) => [p.id === view.province ? '*' : ' ', p.id, p.name[ctx.lang], p.verified ? '' : say(ctx, { zh: '未核实', en: 'unverified' })]),
      ),
    );
  },
};

const CUSTOM_USAGE = {
  zh: '用法：custom list | add 代码 --name 名称 [--template 短信] [--to 号码] [--notes 说明] [--confirm] | remove 代码 | import 文件 [--replace] | export [文件]',
  en: 'Usage: custom list | add CODE --name NAME [--template SMS] [--to NUMBER] [--notes TEXT] [--confirm] | remove CODE | import FILE [--replace] | export [FILE]',
};

export const customCommand: Command = {
  name: 'custom',
  usage: 'custom list|add|remove|import|export …',
  summary: { zh: '管理自定义指令（可像内置指令一样搜索和发送）', en: 'Manage your own instructions (searched and sent like built-in ones)' },
  spec: { booleans: ['confirm', 'replace'], values: ['name', 'template', 'to', 'notes'] },
  async run(args, ctx) {
    const state = await userCatalogState(dataDirOf(args), ctx);
    const [action, arg, ...extra] = args.positionals;
    if (extra.length) throw usageError(CUSTOM_USAGE.zh, CUSTOM_USAGE.en);
    const field = (name: string) => args.options.get(name);
    const langText = (text: string | undefined) => (text === undefined ? undefined : { [ctx.lang]: text });
    switch (action) {
      case 'list':
      case undefined:
        break;
      case 'add':
        if (!arg) throw usageError(CUSTOM_USAGE.zh, CUSTOM_USAGE.en);
        await state.saveCustom({
          code: arg,
          // Left out when not given, so the check says a name is missing (not that names go per language).
          ...(field('name') !== undefined ? { name: langText(field('name')) } : {}),
          ...(field('template') ? { template: field('template') } : {}),
          ...(field('to') ? { to: field('to') } : {}),
          ...(field('notes') ? { notes: langText(field('notes')) } : {}),
          confirm: args.options.has('confirm'),
        });
        break;
      case 'remove':
        if (!arg) throw usageError(CUSTOM_USAGE.zh, CUSTOM_USAGE.en);
        await state.deleteCustom(arg);
        break;
      case 'import': {
        if (!arg) throw usageError(CUSTOM_USAGE.zh, CUSTOM_USAGE.en);
        // Capped as the API caps it: `custom import /dev/zero` (or a FIFO) must not read until memory runs out.
        const read = await readCapped(arg, MAX_CUSTOM_FILE_BYTES);
        if ('over' in read) throw customFileTooBig(read.size);
        const result = await state.importCustoms(read.bytes.toString('utf8'), args.options.has('replace'));
        ctx.err(
          say(ctx, {
            zh: `新增 ${result.added} 条，覆盖 ${result.replaced} 条，保留原有 ${result.kept} 条，跳过 ${result.problems.length} 条。`,
            en: `${result.added} added, ${result.replaced} replaced, ${result.kept} kept, ${result.problems.length} skipped.`,
          }),
        );
        for (const p of result.problems) ctx.err(`  #${p.index + 1} ${p.code ?? '?'}: ${p.errors.map((e) => say(ctx, e)).join(' ')}`);
        break;
      }
      case 'export': {
        const text = exportCustomFile(state.view().customs);
        if (arg) await exportTo(arg, text);
        else ctx.out(text);
        return;
      }
      default:
        throw usageError(CUSTOM_USAGE.zh, CUSTOM_USAGE.en);
    }
    printCustoms(ctx, state.view().customs);
  },
};

function printCustoms(ctx: CliContext, customs: ReturnType<Awaited<ReturnType<typeof userCatalogState>>['view']>['customs']): void {
  if (customs.length === 0) ctx.out(say(ctx, { zh: '（没有自定义指令）', en: '(no custom instructions)' }));
  else ctx.out(table(customs.map((c) => [c.code, c.template, `→ ${c.to}`, c.name[ctx.lang]])));
}

const UPDATE_USAGE = {
  zh: '用法：update [status] | check | source 网址或文件夹 --pub 公钥或公钥文件 | offline | rollback',
  en: 'Usage: update [status] | check | source URL|FOLDER --pub KEY|FILE | offline | rollback',
};

export const updateCommand: Command = {
  name: 'update',
  usage: 'update [status|check|source S --pub KEY|offline|rollback]',
  summary: { zh: '指令库更新：来源、检查、恢复内置版本（默认不联网）', en: 'Catalog updates: source, check, back to built-in (offline by default)' },
  spec: { values: ['pub'] },
  async run(args, ctx) {
    const state = await userCatalogState(dataDirOf(args), ctx);
    const [action = 'status', arg, ...extra] = args.positionals;
    if (extra.length) throw usageError(UPDATE_USAGE.zh, UPDATE_USAGE.en);
    if (action === 'check') await state.checkNow();
    else if (action === 'source' && arg) {
      // The key as keygen prints it, or its .pub file, as `catalog verify --pub` takes it; anything
      // else goes on as given, to be refused with the key's own message.
      const pub = args.options.get('pub') ?? null;
      await state.setUpdateSource(arg, pub !== null && existsSync(pub) ? await readPublicKey(pub) : pub);
    }
    else if (action === 'offline') await state.setUpdateSource(null, null);
    else if (action === 'rollback') await state.rollback();
    else if (action !== 'status') throw usageError(UPDATE_USAGE.zh, UPDATE_USAGE.en);
    const view = state.view();
    const last = view.update.lastCheck;
    ctx.out(
      table([
        [say(ctx, { zh: '版本', en: 'Version' }), `${view.version} (${view.origin === 'update' ? say(ctx, { zh: '已更新', en: 'updated' }) : say(ctx, { zh: '内置', en: 'built-in' })})`],
        [say(ctx, { zh: '更新来源', en: 'Source' }), view.update.source ?? say(ctx, { zh: '无（不联网）', en: 'none (offline)' })],
        ...(last ? [[say(ctx, { zh: '上次检查', en: 'Last check' }), say(ctx, last)]] : []),
      ]),
    );
    return last && !last.ok ? 1 : 0;
  },
};

/**
 * The export written at `path` and nowhere else: a symbolic link there is replaced, not followed (it could name
 * another file of the user's), and the file is 0644 (narrowed by the umask): made to be handed to a colleague or
 * imported elsewhere, it holds instructions, never a secret, and a world-writable one (umask 000) could be
 * changed under its author. No folder is created for it: a typo in the path is said, not made.
 */
async function exportTo(path: string, text: string): Promise<void> {
  if (path.endsWith('/') || (await lstat(path).catch(() => null))?.isDirectory()) throw pathProblem('EISDIR', path);
  const folder = dirname(resolve(path));
  // The folder followed through a link (macOS's /tmp, a linked ~/Documents): only the file itself is not followed.
  if (!(await stat(folder).catch(() => null))?.isDirectory()) {
    throw new HallError('path.no-folder', {
      zh: `没有文件夹 ${folder}：导出的文件只写进已有的文件夹。`,
      en: `There is no folder ${folder}: the export is written only into a folder that exists.`,
    });
  }
  await writeOut(path, text, 0o644).catch((e: unknown) => {
    // A folder made at `path` since the check above.
    throw (e as NodeJS.ErrnoException).code === 'EISDIR' ? pathProblem('EISDIR', path, e) : e;
  });
}
