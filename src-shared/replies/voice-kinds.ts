// The kind of each minutes amount (the package's own, off-peak, group network…), as kinds.ts names data's.
import { fold } from '../search/fold';
import type { Read } from './figures';
import { ownClause } from './clauses';
import { lastKindIn, narrowedIn } from './kinds';
import type { ReplyRules } from './load';
import type { VoicePool } from './schema';
import type { KindSource } from './types';

/**
 * The kind named last in the words before a minutes amount, else in its package's name ("智能网3元包(集团)");
 * else the kind of the minutes amounts before it in its clause group and package, when they are of one kind
 * ("闲时主叫 共含通话为40分钟，剩余通话为40分钟"; after "本地112分钟、长途36分钟，" a 剩余 is of neither). Kinds named
 * before another amount are that amount's ("2.1GB省内流量及120分钟": the 120 minutes are of no stated kind). A note in
 * brackets or a part passes its kind on to nothing.
 */
/** The words right after a minutes amount, up to the end of its item ("本地通话、", "国内主叫，"). */
const CALLS_AFTER = /^[ \t]*[^\s\d,;。、:()!?]{1,10}/u;

export function assignVoicePools(reads: Read[], rules: ReplyRules, text: string): void {
  if (rules.voicePools.length === 0) return;
  const callWords = rules.figures.filter((t) => t.topic === 'voice').flatMap((t) => t.when);
  // The kinds of the minutes amounts of the clause group so far (a sentence, up to a semicolon), notes and parts left out.
  let group: { pools: Set<VoicePool>; stated: boolean; sentence: number; package: string | null } | null = null;
  let saidAfter: string | undefined;
  for (const read of reads) {
    const f = read.figure;
    if (f.topic !== 'voice') continue;
    // "200分钟本地通话、50分钟长途通话": the kind may be written right after the amount, with the words of calls
    // (and then those words are not the next amount's).
    const after = CALLS_AFTER.exec(text.slice(read.end))?.[0];
    const own = saidAfter && read.context.trimStart().startsWith(saidAfter.trim()) ? read.context.trimStart().slice(saidAfter.trim().length) : read.context;
    saidAfter = after && callWords.some((w) => after.includes(w)) ? after : undefined;
    const ownPool = lastKindIn(own, rules.voicePools) ?? (saidAfter ? lastKindIn(saidAfter, rules.voicePools) : null);
    const narrowed = ownPool !== null && (narrowedIn(ownClause(own, 'label'), rules, rules.voicePools) || (saidAfter !== undefined && narrowedIn(saidAfter, rules, rules.voicePools)));
    let from: KindSource | null = ownPool === null ? null : narrowed ? 'narrowed' : 'own';
    let pool = ownPool;
    if (pool === null && f.package !== null) {
      pool = lastKindIn(fold(f.package), rules.voicePools);
      from = pool === null ? null : 'package';
    }
    // Words of calls before the label ("，长途通话剩余…" has its own kind; "，剩余通话为" is the label's).
    const labelAt = f.label === null ? -1 : own.lastIndexOf(f.label);
    const lead = labelAt < 0 ? own : own.slice(0, labelAt);
    const goesOn = group !== null && group.sentence === read.sentence && group.package === f.package && !read.context.includes(';');
    if (!goesOn) group = { pools: new Set(), stated: true, sentence: read.sentence, package: f.package };
    const [only] = group!.pools;
    // "国内主叫100分钟，已用20分钟，剩余80分钟": as plainly of the kind as the amounts before, when each of them states it;
    // so is one whose package's name says that kind ("智能网3元包(集团)": 共含通话为1000分钟，剩余通话为896分钟).
    const chained = goesOn && group!.pools.size === 1 && !callWords.some((w) => lead.includes(w));
    if (from === 'package' && chained && group!.stated && only === pool) from = 'clause';
    if (pool === null && chained) {
      pool = only!;
      from = group!.stated ? 'clause' : 'before';
    }
    f.voicePool = pool;
    f.kindFrom = from;
    if (!read.inBrackets && !read.part && pool !== null) {
      group!.pools.add(pool);
      group!.stated &&= from === 'own' || from === 'clause';
    }
  }
}
