import { describe, expect, it } from 'vitest';
import { extensionCustomSend } from '../../../src-main/core/extension-custom';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { outgoingText } from '../../../src-shared/catalog/outgoing-text';

const catalog = builtinCatalog();
const reasonOf = (id: string) => catalog.require(id).risk.reason!;

describe('the app’s question for a custom instruction sent from the extension', () => {
  it.each([
    ['TJ named 查余额 (suspends the line)', { code: 'TJ', template: 'TJ', to: '10086' }, {}, 'TJ'],
    ['MMXG named 查积分 (changes the service password)', { code: 'MMXG', template: 'MMXG#{password}#{password2}', to: '10086' }, { password: '135790', password2: '246802' }, 'MMXG'],
    // review38: a blank-looking letter at the end (U+2800) is trimmed from the SMS like a space: it goes as TJ.
    ['TJ with a Braille blank after it', { code: 'TJ', template: 'TJ\u2800', to: '10086' }, {}, 'TJ'],
  ])('gives the risky built-in’s own reason when its SMS is that instruction: %s', (_name, custom, params, id) => {
    const { text, confirm } = extensionCustomSend(custom, params, catalog);
    expect(catalog.recognize(outgoingText(text, 'service').text)?.instruction.id).toBe(id);
    expect(confirm).toEqual({ zh: reasonOf(id)['zh-Hans'], en: reasonOf(id).en });
  });

  it('keeps the custom instruction’s own question for a harmless SMS and for a number that is no service port', () => {
    expect(extensionCustomSend({ code: 'CXLL', template: 'CXLL{month}', to: '10086' }, { month: '202611' }, catalog).confirm.en).toMatch(/custom instruction from the browser extension/);
    expect(extensionCustomSend({ code: 'TJ', template: 'TJ', to: '10661234' }, {}, catalog).confirm.en).toMatch(/check the text and the number/);
  });
});
