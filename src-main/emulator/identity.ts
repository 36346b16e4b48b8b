import type { CommandTable, Handler } from './context';
import { ok } from './result-codes';

export interface Identity {
  manufacturer: string;
  model: string;
  revision: string;
  /** 15 digits with a valid Luhn check digit. */
  imei: string;
}

export const DEFAULT_IDENTITY: Identity = {
  manufacturer: 'Hall10086',
  model: 'HE10086 Demo Modem',
  revision: '11.608.10086.00.00',
  imei: '867530010086005',
};

const CAPABILITIES = '+GCAP: +CGSM,+DS,+ES';

const line =
  (pick: (id: Identity) => string): Handler =>
  (_, m) =>
    ok(pick(m.identity));

/** Huawei-style ATI: one block with everything a support person asks for. */
const ati: Handler = (_, m) => {
  const id = m.identity;
  return ok(`Manufacturer: ${id.manufacturer}`, `Model: ${id.model}`, `Revision: ${id.revision}`, `IMEI: ${id.imei}`, CAPABILITIES);
};

const manufacturer = { exec: line((id) => id.manufacturer), test: () => ok() };
const model = { exec: line((id) => id.model), test: () => ok() };
const revision = { exec: line((id) => id.revision), test: () => ok() };
const imei = { exec: line((id) => id.imei), test: () => ok() };

export const identityCommands: CommandTable = {
  I: { exec: ati, set: ati },
  '+GMI': manufacturer,
  '+CGMI': manufacturer,
  '+GMM': model,
  '+CGMM': model,
  '+GMR': revision,
  '+CGMR': revision,
  '+GSN': imei,
  '+CGSN': imei,
  '+GCAP': { exec: () => ok(CAPABILITIES) },
};
