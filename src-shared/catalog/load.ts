import * as v from 'valibot';
import { HallError } from '../errors';
import { CatalogSchema, ServiceDirectorySchema, type Catalog, type ServiceDirectory } from './schema';
import { isServiceSmsPort, SERVICE_SMS_PORTS } from './service-numbers';
import { unseenCodePoints } from './outgoing-text';
import { templateParams } from './template';

function schemaError(what: { zh: string; en: string }, issues: v.BaseIssue<unknown>[]): HallError {
  const where = issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  return new HallError(
    'catalog.invalid',
    { zh: `${what.zh}格式不对：${where.join('；')}`, en: `${what.en} is not valid: ${where.join('; ')}` },
    { details: { issues: where } },
  );
}

/**
 * Validates catalog data from any source (the built-in file, an update, a user's import) against
 * the schema and checks that every cross-reference resolves. Never trusts its input.
 */
export function parseCatalog(input: unknown): Catalog {
  const parsed = v.safeParse(CatalogSchema, input);
  if (!parsed.success) throw schemaError({ zh: '指令目录', en: 'The instruction catalog' }, parsed.issues);
  const catalog = parsed.output;
  const problems = referenceProblems(catalog);
  if (problems.length) {
    throw new HallError(
      'catalog.invalid',
      { zh: `指令目录内容有误：${problems.join('；')}`, en: `The instruction catalog is inconsistent: ${problems.join('; ')}` },
      { details: { problems } },
    );
  }
  assertServiceNumbers(catalog);
  return catalog;
}

/**
 * Catalog data (an update, a province's changes) may only send to China Mobile's own service
 * ports: a signed bundle that moved YE to a paid number would have every scheduled check and every
 * MQTT query charged there, unattended. New destinations come with a new app, never with data.
 */
function assertServiceNumbers(catalog: Catalog): void {
  const foreign = catalog.instructions.filter((e) => !isServiceSmsPort(e.to)).map((e) => `${e.id} → ${e.to}`);
  if (foreign.length === 0) return;
  const ports = [...SERVICE_SMS_PORTS].join(', ');
  throw new HallError(
    'catalog.foreign-number',
    {
      zh: `指令目录把指令发往不是中国移动服务号码的号码（${foreign.join('；')}）；只允许 ${ports}`,
      en: `The instruction catalog sends to numbers that are not China Mobile service numbers (${foreign.join('; ')}); only ${ports} are allowed`,
    },
    { details: { foreign } },
  );
}

export function parseServiceDirectory(input: unknown): ServiceDirectory {
  const parsed = v.safeParse(ServiceDirectorySchema, input);
  if (!parsed.success) throw schemaError({ zh: '服务号码目录', en: 'The service directory' }, parsed.issues);
  return parsed.output;
}

function referenceProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  for (const e of catalog.instructions) ids.set(e.id.toUpperCase(), (ids.get(e.id.toUpperCase()) ?? 0) + 1);
  const has = (id: string) => ids.has(id.toUpperCase());
  const caveats = new Set(catalog.caveats.map((c) => c.id));
  const categories = new Set(catalog.categories.map((c) => c.id));
  for (const [id, n] of ids) if (n > 1) problems.push(`${id} ×${n}`);
  for (const e of catalog.instructions) {
    if (e.opposite !== undefined) {
      if (!has(e.opposite)) problems.push(`${e.id}.opposite → ${e.opposite}?`);
      else if (catalog.instructions.find((o) => o.id === e.opposite)?.opposite !== e.id)
        problems.push(`${e.id}.opposite ↔ ${e.opposite}`);
    }
    for (const r of e.related ?? []) if (!has(r)) problems.push(`${e.id}.related → ${r}?`);
    for (const c of e.caveats) if (!caveats.has(c)) problems.push(`${e.id}.caveats → ${c}?`);
    if (!categories.has(e.category)) problems.push(`${e.id}.category → ${e.category}?`);
    // An update may not carry what nobody sees into an SMS (it would be sent unseen, or answered 指令有误).
    const unseen = unseenCodePoints(e.template);
    if (unseen.length) problems.push(`${e.id}.template ∋ ${unseen.join(' ')}`);
    const inTemplate = templateParams(e.template);
    const declared = e.params.map((p) => p.name);
    if (inTemplate.join() !== declared.join()) problems.push(`${e.id}.template {${inTemplate}} ≠ params [${declared}]`);
  }
  return problems;
}
