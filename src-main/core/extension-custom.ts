import type { InstructionCatalog } from '../../src-shared/catalog/catalog';
import { compose } from '../../src-shared/catalog/compose';
import { toInstruction } from '../../src-shared/catalog/custom/instruction';
import { instructionSent } from '../../src-shared/catalog/outgoing-text';
import { requireValidCustom } from '../../src-shared/catalog/custom/validate';
import { isServiceSmsPort } from '../../src-shared/catalog/service-numbers';
import type { Bilingual } from '../../src-shared/errors';

/** Always asked in the app: the text is the extension user's own, checked by nobody. */
const CUSTOM_CONFIRM: Bilingual = {
  zh: '浏览器扩展中用户自己添加的指令（内容未经核实）：请核对短信内容和号码',
  en: 'a custom instruction from the browser extension (its text has not been checked): check the text and the number',
};

/**
 * A custom instruction the extension user made (it lives in the extension's storage, not in the
 * app's catalog): checked by the same rules as the app's own custom instructions, composed the
 * same way (secrets masked in what is shown and stored), and never sent without the app user's yes.
 * When its SMS to a service port is one of the catalog's risky instructions (`TJ` named 查余额), the
 * question gives that instruction's own reason, as for the app's own custom instructions.
 */
export function extensionCustomSend(
  custom: { code: string; template: string; to: string },
  params: Record<string, string>,
  catalog: InstructionCatalog,
): { to: string; text: string; redacted: string; confirm: Bilingual } {
  const entry = requireValidCustom({ ...custom, name: { en: custom.code } });
  const { to, text, redacted } = compose(toInstruction(entry), params);
  const same = isServiceSmsPort(to) ? catalog.recognizeRisky(instructionSent(text))?.instruction : undefined;
  const reason = same?.risk.confirm ? same.risk.reason : undefined;
  return { to, text, redacted, confirm: reason ? { zh: reason['zh-Hans'], en: reason.en } : CUSTOM_CONFIRM };
}
