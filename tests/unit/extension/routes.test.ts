import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../../src-extension/routes';

describe('popup routes', () => {
  it.each<[string, Route]>([
    ['#/search/%E6%B5%81%E9%87%8F', { view: 'search', query: '流量' }],
    ['#/search/', { view: 'search', query: '' }],
    ['#/instruction/ZD', { view: 'instruction', id: 'ZD' }],
    ['#/report?url=https%3A%2F%2Fspam.example%2F%3Fa%3D1%26b%3D2', { view: 'report', url: 'https://spam.example/?a=1&b=2' }],
    ['#/report', { view: 'report', url: '' }],
    ['#/settings', { view: 'settings' }],
    ['#/instruction/custom%3AYE', { view: 'instruction', id: 'custom:YE' }],
    ['#/search?from=6f1c2d3e-0000-4000-8000-123456789abc', { view: 'search', query: '', handoff: '6f1c2d3e-0000-4000-8000-123456789abc' }],
  ])('%s ↔ %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it.each<[string, Route]>([
    ['', { view: 'search', query: '' }],
    ['#/nowhere', { view: 'search', query: '' }],
    ['#/search/100%', { view: 'search', query: '100%' }],
    ['#/search/a/b', { view: 'search', query: 'a/b' }],
    ['#/instruction/custom:YE', { view: 'instruction', id: 'custom:YE' }],
    // Only an id: anything else after `from=` is no hand-over.
    ['#/search?from=%E7%8E%8B', { view: 'search', query: '' }],
  ])('reads the odd hash %j as %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('writes the URLs the worker opens', () => {
    expect(routeHash({ view: 'search', query: '查 话费' })).toBe('#/search/%E6%9F%A5%20%E8%AF%9D%E8%B4%B9');
    expect(routeHash({ view: 'instruction', id: 'KTGPRS' })).toBe('#/instruction/KTGPRS');
    expect(routeHash({ view: 'report', url: 'http://x.example/a b' })).toBe('#/report?url=http%3A%2F%2Fx.example%2Fa+b');
  });
});
