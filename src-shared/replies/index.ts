/** Reply understanding: figures, outcomes and confirmation requests in 10086's replies, and pairing. */
export { builtinReplyRules } from './builtin';
export { currencyOf, describeFigures, foreignCurrency, kindName, moneyText, poolName, voicePoolName } from './describe';
export { customerDataLeft, customerLeft, dataByPool, kindStated, minutesByPool, toldOfCustomerData, type KindAmount, type MinutesAmount, type PoolAmount, type PoolFigure } from './pools';
export { parseReplyRules, type ReplyRules } from './load';
export { optionChangesAccount } from './menus';
export {
  acceptedKinds,
  answerKinds,
  pairReplies,
  type Pairing,
  type ReceivedReply,
  type SentInstruction,
  type Unpaired,
} from './pairing';
export type { AnswerKind, DataPool, DateRole, Measure, NoticeKind, Outcome, Topic, VoicePool } from './schema';
export { DATA_POOLS, VOICE_POOLS } from './schema';
export type * from './types';
export { ReplyReader, understandReply, type ReplyInput } from './understand';
