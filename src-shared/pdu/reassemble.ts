import { joinPartTexts } from './gsm7';
import type { DecodedPart, DeliverPart, Encoding } from './types';

export interface AssembledMessage {
  number: string;
  /** The parts present, in part order; missing parts leave no placeholder. */
  text: string;
  /** Encoding and timestamp of the lowest-numbered part present. */
  encoding: Encoding;
  timestamp: string;
  parts: DecodedPart[];
  complete: boolean;
  /** Part numbers (1-based) not yet seen. */
  missing: number[];
  /**
   * Stable identity: sender + reference + total for concatenated parts, sender + timestamp for
   * single ones; '#2', '#3'... mark later messages that reused the same reference.
   */
  key: string;
}

interface Group {
  key: string;
  slots: (DeliverPart | undefined)[];
}

/**
 * Groups parts into messages, in order of each message's first arrival. Parts may come in any
 * order; a part whose slot already holds the same text is a duplicate and is dropped. A different
 * text in a taken slot means the sender has wrapped its reference counter, so it starts a new
 * message rather than being lost.
 */
export function reassemble(parts: readonly DeliverPart[]): AssembledMessage[] {
  const generations = new Map<string, Group[]>();
  const ordered: Group[] = [];
  for (const part of parts) {
    const base = part.concat
      ? `${part.number}|${part.concat.ref}/${part.concat.total}`
      : `${part.number}|${part.timestamp}`;
    const total = part.concat ? part.concat.total : 1;
    const slot = part.concat ? part.concat.part - 1 : 0;
    let groups = generations.get(base);
    if (!groups) generations.set(base, (groups = []));
    let group = groups.find((g) => g.slots[slot] === undefined || g.slots[slot]!.text === part.text);
    if (!group) {
      group = { key: groups.length === 0 ? base : `${base}#${groups.length + 1}`, slots: new Array(total) };
      groups.push(group);
      ordered.push(group);
    }
    group.slots[slot] ??= part;
  }
  return ordered.map(toMessage);
}

function toMessage(group: Group): AssembledMessage {
  const present: DeliverPart[] = [];
  const missing: number[] = [];
  for (let i = 0; i < group.slots.length; i++) {
    const part = group.slots[i];
    if (part) present.push(part);
    else missing.push(i + 1);
  }
  const first = present[0]!;
  return {
    number: first.number,
    text: joinPartTexts(Array.from(group.slots, (p) => p ?? null)),
    encoding: first.encoding,
    timestamp: first.timestamp,
    parts: present,
    complete: missing.length === 0,
    missing,
    key: group.key,
  };
}
