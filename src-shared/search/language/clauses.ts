/**
 * A long sentence tells a story around its request (打游戏的时候流量用得很快，想知道还剩多少流量;
 * "stop mobile data while roaming"). Cut into clauses, the one that asks is what an answer must
 * explain; the others are context, which may name things no instruction deals in (游戏, roaming).
 */
export interface Clause {
  text: string;
  /** Whether this clause holds the request (the last one naming an action or a wish, else the last). */
  request: boolean;
}

/** Clause breaks: punctuation, and an English subordinate clause starting (while / because …), which is context. */
const BREAK = /[,，。;；!！?？、…]+|\s+(?=(?:while|when|whenever|because|since|cause|cuz|coz|after|before|although|though|if)\s)/;
const SUBORDINATE = /^(?:while|when|whenever|because|since|cause|cuz|coz|after|before|although|though|if)\s/;
/** Chinese context clauses: one that only says when or why (…的时候, 因为…, 每次…). */
const CONTEXT_ZH = /^(?:因为|由于|每次|之前|以前|上次|刚才|昨天|前几天|最近)|(?:的时候|时候|以后|之后|的时侯)$/;

/** The clauses of a folded reading; one clause alone (a short query) is its own request. */
export function clausesOf(text: string, asks: (clause: string) => boolean): Clause[] {
  const parts = text.split(BREAK).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return parts.map((p) => ({ text: p, request: true }));
  const context = parts.map((p) => SUBORDINATE.test(p) || CONTEXT_ZH.test(p));
  let at = -1;
  parts.forEach((p, i) => {
    if (!context[i] && asks(p)) at = i;
  });
  if (at === -1) at = context.lastIndexOf(false);
  if (at === -1) at = parts.length - 1;
  return parts.map((p, i) => ({ text: p, request: i === at }));
}
