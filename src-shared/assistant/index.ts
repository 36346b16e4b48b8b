export { createAssistant, type Assistant, type AssistantDeps } from './assistant';
export { builtinAssistant } from './builtin';
export { AssistantDataSchema, parseAssistantData, type AssistantData } from './data';
export type { AnswerKind, AssistantAnswer, AssistantContext, Chip, ClarifyOption } from './types';
