import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventListeners } from '../../../src-shared/api/listeners';

describe('EventListeners', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('delivers to the listeners of that event only, until each unsubscribes', () => {
    const listeners = new EventListeners();
    const heard: string[] = [];
    const stopA = listeners.add('notice', (data) => heard.push(`a:${String(data)}`));
    listeners.add('notice', (data) => heard.push(`b:${String(data)}`));
    listeners.add('modem', (data) => heard.push(`modem:${String(data)}`));
    listeners.emit('notice', 1);
    stopA();
    listeners.emit('notice', 2);
    listeners.emit('unknown', 3);
    expect(heard).toEqual(['a:1', 'b:1', 'b:2']);
  });

  it('reports a throwing listener and still reaches the next one', () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => {});
    const listeners = new EventListeners();
    const heard: unknown[] = [];
    listeners.add('notice', () => {
      throw new Error('listener bug');
    });
    listeners.add('notice', (data) => heard.push(data));
    listeners.emit('notice', 'x');
    expect(heard).toEqual(['x']);
    expect(report).toHaveBeenCalledTimes(1);
    expect((report.mock.calls[0]?.[0] as Error).message).toBe('listener bug');
  });
});
