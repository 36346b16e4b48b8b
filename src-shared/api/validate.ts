import * as v from 'valibot';
import { HallError } from '../errors';
import { RequestSchemas, type Method, type Request } from './contract';
import { plainIssues } from './plain-issues';

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
    const { zh, en } = plainIssues(parsed.issues, 3);
    throw new HallError('api.bad-request', { zh: `请求参数不对：${zh}`, en: `Bad request parameters: ${en}` }, { details: { method } });
  }
  return { method: method as M, params: parsed.output as Request<M> };
}
