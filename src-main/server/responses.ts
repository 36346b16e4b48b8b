import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AccessPolicy } from './access';
import { contentSecurityPolicy } from './csp';

/** Headers on every response, including refusals. */
export function securityHeaders(policy: AccessPolicy): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({
      connectSrc: [`ws://127.0.0.1:${policy.port}`, `ws://localhost:${policy.port}`],
    }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Short bilingual bodies for the refusals a person might see in a browser tab. */
export const REFUSALS = {
  host: {
    status: 403,
    text: '禁止访问：只接受发往 127.0.0.1 或 localhost 的请求。\nForbidden: only requests addressed to 127.0.0.1 or localhost are accepted.\n',
  },
  origin: {
    status: 403,
    text: '禁止访问：连接不是来自 Hall10086 页面。\nForbidden: the connection does not come from the Hall10086 page.\n',
  },
  notFound: { status: 404, text: '找不到。\nNot found.\n' },
  method: { status: 405, text: '不支持的请求方法。\nMethod not allowed.\n' },
} as const;

export type Refusal = (typeof REFUSALS)[keyof typeof REFUSALS];

const STATUS_LINES: Record<Refusal['status'], string> = { 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };

export function sendRefusal(res: ServerResponse, refusal: Refusal, headOnly: boolean): void {
  const body = Buffer.from(refusal.text);
  res.writeHead(refusal.status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...(refusal.status === 405 ? { Allow: 'GET, HEAD' } : {}),
  });
  res.end(headOnly ? undefined : body);
}

/** A refused WebSocket upgrade never reaches the ws library: answer on the raw socket and hang up. */
export function refuseUpgrade(socket: Duplex, policy: AccessPolicy, refusal: Refusal): void {
  const body = Buffer.from(refusal.text);
  const headers = {
    ...securityHeaders(policy),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${refusal.status} ${STATUS_LINES[refusal.status]}\r\n${head}\r\n`), body]));
}
