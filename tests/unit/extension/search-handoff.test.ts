import { describe, expect, it } from 'vitest';
import { handedOverText, handOver, handoffKey, staleHandoffs } from '../../../src-extension/search-handoff';

/** chrome.storage.session as a map, for the hand-over's keeping rules. */
function memorySession() {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (keys: string[] | null) => Object.fromEntries([...items].filter(([k]) => keys === null || keys.includes(k))),
    set: async (values: Record<string, unknown>) => void Object.entries(values).forEach(([k, v]) => items.set(k, v)),
    remove: async (keys: string | string[]) => void [keys].flat().forEach((k) => items.delete(k)),
  };
}

describe('the text handed to a search page', () => {
  it('is found under its own id, one per opening, and only the newest 20 are kept; other keys are left alone', async () => {
    const session = memorySession();
    session.items.set('desktop', { sends: [] });
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await handOver(session, `text ${i}`, 1000 + i));
    expect(new Set(ids).size).toBe(25);
    expect(ids.every((id) => /^[\w-]{1,64}$/.test(id))).toBe(true);
    expect(handedOverText(session.items.get(handoffKey(ids[24]!)))).toBe('text 24');
    expect(handedOverText(session.items.get(handoffKey(ids[5]!)))).toBe('text 5');
    expect(session.items.get(handoffKey(ids[4]!))).toBeUndefined();
    expect(session.items.has('desktop')).toBe(true);
    expect(session.items.size).toBe(21);
  });

  it('reads a missing or damaged value as gone', () => {
    expect(handedOverText(undefined)).toBeNull();
    expect(handedOverText('text')).toBeNull();
    expect(handedOverText({ text: 5 })).toBeNull();
    expect(handedOverText({ text: '流量', at: 1 })).toBe('流量');
    expect(staleHandoffs({ 'searchHandoff:a': null, other: 1 })).toEqual([]);
  });
});
