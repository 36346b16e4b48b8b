import * as v from 'valibot';
import { HallError } from '../errors';
import { RequestSchemas, type Method, type Request } from './contract';

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(RequestSchemas, name);
}

/** Checks a request at a transport boundary; the core behind it trusts what passes. */
export function validateRequest<M extends Method>(method: unknown, params: unknown): { method: M; params: Request<M> } {
  if (!isMethod(method)) {
    throw new HallError('api.unknown-method', { zh: '不支持的请求。', en: 'Unsupported request.' }, { details: { method: String(method).slice(0, 40) } });
  }
  const parsed = v.safeParse(RequestSchemas[method], params);
  if (!parsed.success) {
    const issues = parsed.issues.slice(0, 3).map(plainIssue);
    const zh = issues.map((i) => i.zh).join('；');
    const en = issues.map((i) => i.en).join('; ');
    throw new HallError('api.bad-request', { zh: `请求参数不对：${zh}`, en: `Bad request parameters: ${en}` }, { details: { method } });
  }
  return { method: method as M, params: parsed.output as Request<M> };
}

/**
 * One issue in words a person can act on: a length says its limit and what was given, in both
 * languages; anything else names the field and keeps valibot's (English) reason.
 */
function plainIssue(issue: v.BaseIssue<unknown>): { zh: string; en: string } {
  const field = v.getDotPath(issue) ?? '(root)';
  const given = typeof issue.input === 'string' || Array.isArray(issue.input) ? issue.input.length : null;
  if (issue.type === 'max_length' && given !== null) {
    return { zh: `${field} 最多 ${issue.requirement} 个字符，现在有 ${given} 个`, en: `${field} may have at most ${issue.requirement} characters; it has ${given}` };
  }
  if (issue.type === 'min_length' && given !== null) {
    return { zh: `${field} 至少要 ${issue.requirement} 个字符`, en: `${field} needs at least ${issue.requirement} characters` };
  }
  const reason = withoutReceived(issue.message);
  return { zh: `${field}：${reason}`, en: `${field}: ${reason}` };
}

/**
 * Valibot's reason without its "but received …": what was given may be a PIN, a service password or
 * the broker's password, and a refusal is shown on screen and copied into bug reports. The field and
 * what it expects are enough to fix it.
 */
function withoutReceived(message: string): string {
  return message.replace(/ but received [\s\S]*$/u, '');
}
