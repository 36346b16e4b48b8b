import { instructionSent } from '../outgoing-text';
import { Recognizer } from '../recognize';
import type { Catalog, Instruction } from '../schema';
import { isServiceSmsPort } from '../service-numbers';
import { CUSTOM_CATEGORY, USER_DEFINED_CAVEAT, toInstruction } from './instruction';
import { assertUniqueCodes } from './list';
import type { CustomInstruction } from './schema';

/**
 * The catalog the app searches and sends from: the (signed, province-applied) catalog with the
 * user's own instructions after it. They are kept apart and added on every merge, so replacing
 * the catalog with an update leaves them as they are.
 */
export function mergeCustom(catalog: Catalog, customs: readonly CustomInstruction[]): Catalog {
  if (customs.length === 0) return catalog;
  assertUniqueCodes(customs);
  return {
    ...catalog,
    categories: catalog.categories.some((c) => c.id === CUSTOM_CATEGORY.id) ? catalog.categories : [...catalog.categories, CUSTOM_CATEGORY],
    caveats: catalog.caveats.some((c) => c.id === USER_DEFINED_CAVEAT.id) ? catalog.caveats : [...catalog.caveats, USER_DEFINED_CAVEAT],
    instructions: [...catalog.instructions, ...customs.map(toInstruction).map(withRiskOfSameText(catalog))],
  };
}

/**
 * A custom entry whose SMS is a risky instruction of the catalog (`TJ` named 查余额, in a colleague's
 * file, marked "no confirmation"; `MMXG#{password}#{password2}` named 查积分) is that instruction: it
 * is asked about with the catalog's reason, so neither its button nor a schedule sends it unasked.
 * A template's placeholders match the catalog's parameters as any typed value would, and it is read as it is sent
 * (`TJ⠀`, a blank-looking letter at the end, goes as TJ), and a risky one also with punctuation at its end or spaces in
 * its code (`TJ。`, `T J`: Recognizer.recognizeRisky). Its author's own
 * "confirm first" gives way to the catalog's reason, which says what the SMS does; a number that is no
 * service port keeps its own reason, said first.
 */
function withRiskOfSameText(catalog: Catalog): (custom: Instruction) => Instruction {
  const recognizer = new Recognizer(catalog.instructions);
  return (custom) => {
    if (!isServiceSmsPort(custom.to)) return custom;
    const same = recognizer.recognizeRisky(instructionSent(custom.template))?.instruction;
    return same?.risk.confirm ? { ...custom, risk: same.risk } : custom;
  };
}
