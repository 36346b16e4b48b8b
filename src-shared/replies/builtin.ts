import repliesJson from '../../instructions/replies.json';
import { parseReplyRules, type ReplyRules } from './load';

// The shipped file is validated like any other source: a broken build fails loudly.
let rules: ReplyRules | undefined;

export function builtinReplyRules(): ReplyRules {
  return (rules ??= parseReplyRules(repliesJson));
}
