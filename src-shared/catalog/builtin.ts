import catalogJson from '../../instructions/catalog.json';
import intentsJson from '../../instructions/intents.json';
import servicesJson from '../../instructions/services.json';
import { ActionDetector } from '../search/intents';
import { InstructionCatalog } from './catalog';
import { parseCatalog, parseServiceDirectory } from './load';
import type { ServiceDirectory } from './schema';

// The files shipped with the app are validated like any other source: a broken build fails loudly.
let catalog: InstructionCatalog | undefined;
let services: ServiceDirectory | undefined;
let actions: ActionDetector | undefined;

export function builtinCatalog(): InstructionCatalog {
  return (catalog ??= new InstructionCatalog(parseCatalog(catalogJson)));
}

export function builtinServices(): ServiceDirectory {
  return (services ??= parseServiceDirectory(servicesJson));
}

export function builtinActions(): ActionDetector {
  return (actions ??= new ActionDetector(intentsJson));
}
