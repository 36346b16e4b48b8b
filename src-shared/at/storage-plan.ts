/**
 * Which message memories (TS 27.005 +CPMS) to use, from what the modem offers (`AT+CPMS=?`) instead of
 * assuming the SIM: Cinterion offers only ME/MT for reading (ModemManager src/tests/test-modem-helpers.c,
 * `("ME","MT"),("ME","SM","MT"),("SM","MT")`), and some eSIM modules report SM with no room at all.
 */
export interface StoragePlan {
  /** `AT+CPMS=` arguments to try, best first: read/delete, write/send, receive. */
  choices: readonly [string, string, string][];
  /** Memories to read out at every drain, messages first; `MT` only when SM or ME cannot be read alone. */
  drain: readonly string[];
  /** Where status reports are kept apart, when the modem has such a memory. */
  reports: string | null;
}

const MESSAGE_ORDER = ['SM', 'ME', 'MT'] as const;

/** `lists` as parsed from `AT+CPMS=?`; null (no answer) falls back to the SIM, as TS 27.005 modems default. */
export function planStorage(lists: readonly (readonly string[])[] | null): StoragePlan {
  const [read = ['SM'], write = read, receive = write] = lists ?? [];
  const messageMems = (list: readonly string[]) => MESSAGE_ORDER.filter((m) => list.includes(m));
  const readable = messageMems(read);
  const choices: [string, string, string][] = [];
  for (const r of messageMems(receive)) {
    const first = readable.includes(r as (typeof MESSAGE_ORDER)[number]) ? r : readable[0];
    const second = write.includes(r) ? r : (messageMems(write)[0] ?? r);
    if (first) choices.push([first, second, r]);
  }
  if (choices.length === 0) choices.push(['SM', 'SM', 'SM']);
  const single = readable.filter((m) => m !== 'MT');
  const drain = readable.includes('MT') && !(single.includes('SM') && single.includes('ME')) ? [...single, 'MT'] : single;
  return { choices, drain: drain.length > 0 ? drain : ['SM'], reports: read.includes('SR') ? 'SR' : null };
}
