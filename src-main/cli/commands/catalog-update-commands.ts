import { diffJson, keyIdOf, openBundle, sealDelta, sealFull } from '../../../src-shared/bundle';
import { BUNDLE_BUDGET } from '../../../src-shared/bundle/budget';
import { parseCatalog } from '../../../src-shared/catalog/load';
import type { Catalog } from '../../../src-shared/catalog/schema';
import type { Bilingual } from '../../../src-shared/errors';
import { shadowedSynonyms } from '../../../src-shared/search/shadowed';
import { publishUpdate, readBytes, readJson, readKeyFile, readPublicKey, smallestGzip, writeNewKeyPair, writePublished, type PublishedFile } from '../../services/catalog-update';
import { usageError, type ParsedArgs } from '../args';
import { say, type CliContext, type Command } from '../context';
import { table } from '../format';

type Subcommand = (args: ParsedArgs, ctx: CliContext) => Promise<void>;

/** The files are valid either way; these tell the maintainer what users will pay, or miss, for them. */
function publishingWarnings(next: Catalog, files: readonly PublishedFile[]): Bilingual[] {
  const warnings: Bilingual[] = [];
  for (const f of files) {
    const budget = f.kind === 'index' ? Infinity : BUNDLE_BUDGET[f.kind];
    if (f.bytes > budget) {
      warnings.push({
        zh: `注意：${f.name} 有 ${f.bytes} 字节，超过 ${budget} 字节的更新预算；精简搜索词可以减小（见 docs/catalog.md）。`,
        en: `Warning: ${f.name} is ${f.bytes} B, over the ${budget} B update budget; trimming search words shrinks it (docs/catalog.md).`,
      });
    }
  }
  for (const s of shadowedSynonyms(next.instructions)) {
    warnings.push({
      zh: `注意：${s.id} 的搜索词“${s.synonym}”先找到的是 ${s.found ?? '（无）'}，对搜索没有帮助。`,
      en: `Warning: ${s.id}'s search word "${s.synonym}" finds ${s.found ?? 'nothing'} first, so it does not help search.`,
    });
  }
  return warnings;
}

function positionals(args: ParsedArgs, min: number, max: number, usage: string): string[] {
  const rest = args.positionals.slice(1);
  if (rest.length < min || rest.length > max) throw usageError(`用法：hall10086 catalog ${usage}`, `Usage: hall10086 catalog ${usage}`);
  return rest;
}

function required(args: ParsedArgs, name: string, usage: string): string {
  const value = args.options.get(name);
  if (value === undefined) throw usageError(`缺少 --${name}。用法：hall10086 catalog ${usage}`, `--${name} is missing. Usage: hall10086 catalog ${usage}`);
  return value;
}

const USAGE = {
  keygen: 'keygen [--out DIR] [--force]',
  sign: 'sign CATALOG.json --key FILE --out FILE',
  verify: 'verify BUNDLE --pub KEY|FILE [--base CATALOG.json] [--json]',
  diff: 'diff OLD.json NEW.json [--key FILE --out FILE]',
  bundle: 'bundle NEW.json [OLD.json...] --key FILE --out DIR',
};

const SUBCOMMANDS: Record<keyof typeof USAGE, Subcommand> = {
  async keygen(args, ctx) {
    positionals(args, 0, 0, USAGE.keygen);
    const pair = await writeNewKeyPair(args.options.get('out') ?? '.', args.options.has('force'));
    ctx.out(table([
      [say(ctx, { zh: '公钥', en: 'Public key' }), pair.publicKey],
      [say(ctx, { zh: '密钥编号', en: 'Key id' }), pair.keyId],
      [say(ctx, { zh: '私钥文件', en: 'Private key file' }), `${pair.keyFile} ${say(ctx, { zh: '（保密，勿外传）', en: '(keep it secret)' })}`],
      [say(ctx, { zh: '公钥文件', en: 'Public key file' }), pair.publicFile],
    ]));
  },

  async sign(args) {
    const [catalogPath] = positionals(args, 1, 1, USAGE.sign);
    const key = await readKeyFile(required(args, 'key', USAGE.sign));
    await writePublished(required(args, 'out', USAGE.sign), await sealFull(await readJson(catalogPath!), key, { gzip: smallestGzip }));
  },

  async verify(args, ctx) {
    const [bundlePath] = positionals(args, 1, 1, USAGE.verify);
    const publicKey = await readPublicKey(required(args, 'pub', USAGE.verify));
    const basePath = args.options.get('base');
    const current = basePath === undefined ? undefined : parseCatalog(await readJson(basePath));
    const opened = await openBundle(await readBytes(bundlePath!), { trustedKeys: [publicKey], current });
    const { trusted } = opened;
    if (args.options.has('json')) {
      ctx.out(JSON.stringify({ kind: opened.kind, keyId: await keyIdOf(publicKey), ...trusted, instructions: opened.catalog.instructions.length }));
      return;
    }
    ctx.out(table([
      [say(ctx, { zh: '签名', en: 'Signature' }), say(ctx, { zh: '有效', en: 'valid' })],
      [say(ctx, { zh: '类型', en: 'Kind' }), opened.kind === 'full' ? say(ctx, { zh: '完整目录', en: 'full catalog' }) : say(ctx, { zh: `增量（从 ${trusted.base?.version}）`, en: `delta (from ${trusted.base?.version})` })],
      [say(ctx, { zh: '版本', en: 'Version' }), `${trusted.version} (${trusted.date})`],
      [say(ctx, { zh: '签名时间', en: 'Signed at' }), trusted.signedAt],
      [say(ctx, { zh: '指令数', en: 'Instructions' }), String(opened.catalog.instructions.length)],
    ]));
  },

  async diff(args, ctx) {
    const [oldPath, newPath] = positionals(args, 2, 2, USAGE.diff);
    const [from, to] = [parseCatalog(await readJson(oldPath!)), parseCatalog(await readJson(newPath!))];
    const keyPath = args.options.get('key');
    if (keyPath === undefined) {
      ctx.out(JSON.stringify(diffJson(from, to), null, 2));
      return;
    }
    await writePublished(required(args, 'out', USAGE.diff), await sealDelta(from, to, await readKeyFile(keyPath), { gzip: smallestGzip }));
  },

  async bundle(args, ctx) {
    const [newPath, ...oldPaths] = positionals(args, 1, 64, USAGE.bundle);
    const key = await readKeyFile(required(args, 'key', USAGE.bundle));
    const olds = await Promise.all(oldPaths.map(readJson));
    const next = parseCatalog(await readJson(newPath!));
    const files = await publishUpdate(required(args, 'out', USAGE.bundle), next, olds, key);
    ctx.out(table(files.map((f) => [f.name, `${f.bytes} B`])));
    for (const warning of publishingWarnings(next, files)) ctx.err(say(ctx, warning));
  },
};

export const catalogUpdateCommand: Command = {
  name: 'catalog',
  usage: 'catalog keygen|sign|verify|diff|bundle …',
  summary: { zh: '维护者工具：生成密钥、签名、校验、比较并发布目录更新', en: 'Maintainer tools: make keys, sign, verify, diff and publish catalog updates' },
  spec: { booleans: ['json', 'force'], values: ['key', 'pub', 'out', 'base'] },
  async run(args, ctx) {
    const name = args.positionals[0] as keyof typeof USAGE | undefined;
    const sub = name && Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (!sub) {
      throw usageError(
        `用法：\n${Object.values(USAGE).map((u) => `  hall10086 catalog ${u}`).join('\n')}`,
        `Usage:\n${Object.values(USAGE).map((u) => `  hall10086 catalog ${u}`).join('\n')}`,
      );
    }
    await sub(args, ctx);
  },
};
