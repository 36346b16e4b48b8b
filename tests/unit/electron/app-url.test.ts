import { describe, expect, it } from 'vitest';
import { appUrlMatcher } from '../../../src-main/electron/app-url';

describe('appUrlMatcher', () => {
  const built = appUrlMatcher('file:///opt/Hall10086/resources/app/out/renderer/index.html');
  const dev = appUrlMatcher('http://localhost:5173');

  it.each([
    ['the built page', 'file:///opt/Hall10086/resources/app/out/renderer/index.html', true],
    ['the built page with a hash route', 'file:///opt/Hall10086/resources/app/out/renderer/index.html#/log', true],
    ['the built page with a query', 'file:///opt/Hall10086/resources/app/out/renderer/index.html?lang=en', true],
    ['another file next to it', 'file:///opt/Hall10086/resources/app/out/renderer/other.html', false],
    ['a file elsewhere', 'file:///etc/passwd', false],
    ['a dot-dot path resolving elsewhere', 'file:///opt/Hall10086/resources/app/out/renderer/../../../../../../etc/passwd', false],
    ['a file on another host', 'file://server/opt/Hall10086/resources/app/out/renderer/index.html', false],
    ['a web page', 'https://example.com/index.html', false],
    ['not a URL', 'index.html', false],
  ])('built app: %s → %s', (_name, url, expected) => {
    expect(built(url)).toBe(expected);
  });

  it.each([
    ['the dev server', 'http://localhost:5173/', true],
    ['a module it serves', 'http://localhost:5173/src/main.tsx?t=1', true],
    ['another port', 'http://localhost:5174/', false],
    ['another host name for the same machine', 'http://127.0.0.1:5173/', false],
    ['https on that port', 'https://localhost:5173/', false],
    ['a built file', 'file:///opt/Hall10086/resources/app/out/renderer/index.html', false],
  ])('dev server: %s → %s', (_name, url, expected) => {
    expect(dev(url)).toBe(expected);
  });
});
