import { describe, expect, it } from 'vitest';
import { isServiceSmsPort, localNumber } from '../../../src-shared/catalog/service-numbers';

describe('isServiceSmsPort', () => {
  it.each([
    ['10086', true],
    ['8610086', true],
    ['+8610086', true],
    ['008610086', true],
    ['+86 10086', true],
    ['+8610086999', true],
    ['1008611', false],
    ['10086123', false],
    ['8610086123', false],
    ['10658000', false],
    ['+8613912345678', false],
  ])('%s → %s, written any way 10086 is', (to, port) => {
    expect(isServiceSmsPort(to)).toBe(port);
  });

  it('drops only a +86 / 0086 / 86 in front of a mobile number or 10086', () => {
    expect(localNumber('8613912345678')).toBe('13912345678');
    expect(localNumber('861065')).toBe('861065');
  });
});
