import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../../src-renderer/shell/route';

describe('routes', () => {
  it.each<[string, Route]>([
    ['#/', { view: 'catalog' }],
    ['#/instruction/ZD', { view: 'instruction', id: 'ZD' }],
    ['#/thread', { view: 'thread', simId: null }],
    ['#/thread/89860012345678901234', { view: 'thread', simId: '89860012345678901234' }],
    ['#/thread/%2Fdev%2FttyUSB2', { view: 'thread', simId: '/dev/ttyUSB2' }],
    ['#/thread/89860012345678901234/failed', { view: 'thread', simId: '89860012345678901234', show: 'failed' }],
    ['#/thread/%2Fdev%2FttyUSB2/failed', { view: 'thread', simId: '/dev/ttyUSB2', show: 'failed' }],
    ['#/assistant', { view: 'assistant' }],
    ['#/overview', { view: 'overview' }],
    ['#/modem', { view: 'modem' }],
    ['#/settings', { view: 'settings' }],
    ['#/search/CXLL%20abc', { view: 'search', q: 'CXLL abc' }],
  ])('%s ⇄ %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHash(route)).toBe(hash);
  });

  it.each([
    ['', { view: 'catalog' }],
    ['#/nowhere', { view: 'catalog' }],
    ['#/instruction/', { view: 'catalog' }],
    ['#/thread/%E0%A4%A', { view: 'thread', simId: null }],
    ['#/thread/89860012345678901234/other', { view: 'thread', simId: '89860012345678901234' }],
  ])('%j falls back to %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});
