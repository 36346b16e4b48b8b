import { bundleError } from './bundle-error';

/** The RFC 6902 operations a catalog delta uses. */
export type PatchOp =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'test'; path: string; value: unknown };

type Container = Record<string, unknown> | unknown[];

function broken(index: number, op: PatchOp, why: string): Error {
  return bundleError(
    'bundle.bad-patch',
    { zh: `更新补丁无法应用于当前目录（第 ${index + 1} 步 ${op.op} ${op.path}：${why}）`, en: `The update patch does not apply to the current catalog (step ${index + 1}, ${op.op} ${op.path}: ${why})` },
    undefined,
    { step: index, path: op.path },
  );
}

function parsePointer(path: string): string[] | undefined {
  if (path === '') return [];
  if (!path.startsWith('/')) return undefined;
  return path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function isContainer(v: unknown): v is Container {
  return v !== null && typeof v === 'object';
}

function arrayIndex(array: unknown[], token: string, allowEnd: boolean): number | undefined {
  if (allowEnd && token === '-') return array.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
  const i = Number(token);
  return i < array.length || (allowEnd && i === array.length) ? i : undefined;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isContainer(a) || !isContainer(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Own members only: a path must never walk into a prototype (`/__proto__/…`). */
function child(parent: unknown, token: string): unknown {
  if (Array.isArray(parent)) return parent[arrayIndex(parent, token, false) ?? -1];
  return isContainer(parent) && Object.hasOwn(parent, token) ? (parent as Record<string, unknown>)[token] : undefined;
}

/** Defines rather than assigns, so a member named `__proto__` stays data and never becomes a prototype. */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Applies a patch to a copy of `document`; any step that does not fit refuses the whole patch. */
export function applyPatch<T>(document: T, ops: readonly PatchOp[]): unknown {
  let root: unknown = structuredClone(document);
  ops.forEach((op, index) => {
    const tokens = parsePointer(op.path);
    if (!tokens) throw broken(index, op, 'bad path');
    if (tokens.length === 0) {
      if (op.op === 'test') {
        if (!deepEqual(root, op.value)) throw broken(index, op, 'test failed');
      } else if (op.op === 'remove') throw broken(index, op, 'cannot remove the root');
      else root = structuredClone(op.value);
      return;
    }
    let parent: unknown = root;
    for (const token of tokens.slice(0, -1)) {
      const next = child(parent, token);
      if (!isContainer(next)) throw broken(index, op, 'no such place');
      parent = next;
    }
    if (!isContainer(parent)) throw broken(index, op, 'no such place');
    const last = tokens[tokens.length - 1]!;
    if (Array.isArray(parent)) {
      const i = arrayIndex(parent, last, op.op === 'add');
      if (i === undefined) throw broken(index, op, 'index out of range');
      if (op.op === 'add') parent.splice(i, 0, structuredClone(op.value));
      else if (op.op === 'remove') parent.splice(i, 1);
      else if (op.op === 'replace') parent[i] = structuredClone(op.value);
      else if (!deepEqual(parent[i], op.value)) throw broken(index, op, 'test failed');
      return;
    }
    const exists = Object.hasOwn(parent, last);
    if (op.op !== 'add' && !exists) throw broken(index, op, 'no such member');
    if (op.op === 'remove') delete parent[last];
    else if (op.op === 'test') {
      if (!deepEqual(parent[last], op.value)) throw broken(index, op, 'test failed');
    } else setMember(parent, last, structuredClone(op.value));
  });
  return root;
}

/**
 * A small patch turning `from` into `to`: objects member by member; arrays keep their common head
 * and tail and patch the middle, so inserting or editing one instruction touches one place.
 */
export function diffJson(from: unknown, to: unknown, path: (string | number)[] = []): PatchOp[] {
  if (deepEqual(from, to)) return [];
  if (Array.isArray(from) && Array.isArray(to)) return diffArrays(from, to, path);
  if (isContainer(from) && isContainer(to) && !Array.isArray(from) && !Array.isArray(to)) {
    const ops: PatchOp[] = [];
    for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) ops.push({ op: 'remove', path: pointer([...path, key]) });
    for (const [key, value] of Object.entries(to)) {
      if (!Object.hasOwn(from, key)) ops.push({ op: 'add', path: pointer([...path, key]), value });
      else ops.push(...diffJson(from[key], value, [...path, key]));
    }
    return ops;
  }
  return [{ op: 'replace', path: pointer(path), value: to }];
}

function diffArrays(from: unknown[], to: unknown[], path: (string | number)[]): PatchOp[] {
  let head = 0;
  while (head < from.length && head < to.length && deepEqual(from[head], to[head])) head++;
  let tail = 0;
  while (tail < from.length - head && tail < to.length - head && deepEqual(from[from.length - 1 - tail], to[to.length - 1 - tail])) tail++;
  const oldMiddle = from.length - head - tail;
  const newMiddle = to.length - head - tail;
  const ops: PatchOp[] = [];
  const shared = Math.min(oldMiddle, newMiddle);
  for (let i = 0; i < shared; i++) ops.push(...diffJson(from[head + i], to[head + i], [...path, head + i]));
  // Removals go from the back so earlier indices stay valid while the patch runs.
  for (let i = oldMiddle - 1; i >= shared; i--) ops.push({ op: 'remove', path: pointer([...path, head + i]) });
  for (let i = shared; i < newMiddle; i++) ops.push({ op: 'add', path: pointer([...path, head + i]), value: to[head + i] });
  return ops;
}
