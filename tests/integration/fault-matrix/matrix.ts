import type { OutgoingState } from '../../../src-shared/journal-records';

/**
 * The fault matrix (issue 8 §2): every scripted fault with the outcome a user must see. The test
 * files drive each row against the emulator through the real serialport binding and assert
 * exactly this; `matrix.test.ts` checks that every row has its test and no test lacks a row.
 */
export interface FaultRow {
  id: string;
  /** What goes wrong, in the words of the issue. */
  fault: string;
  /** What the user sees, and what must hold underneath (nothing lost, nothing sent twice). */
  outcome: string;
  /** The stable code the user-visible text is keyed on (HallError code, or a send failure's journaled code); null: no error is shown. */
  code: string | null;
  /** The journaled states of the instruction sent under the fault, when one is. */
  states?: readonly OutgoingState[];
}

export const FAULT_MATRIX: readonly FaultRow[] = [
  // ---- sending ----
  {
    id: 'unplug-during-cmgs',
    fault: 'the cable is pulled while AT+CMGS waits for its prompt',
    outcome: '"not sent" (failed, at.closed: the body was never written, mend61); reconnects after the replug; never re-sent on its own',
    code: 'at.closed',
    states: ['queued', 'sending', 'failed'],
  },
  {
    id: 'unplug-after-cmgs-body',
    fault: 'the cable is pulled after the network took the message, before the +CMGS answer',
    outcome: '"may have gone out" (failed-retryable, at.closed); it went out once, its reply arrives after the replug; never sent again',
    code: 'at.closed',
    states: ['queued', 'sending', 'failed-retryable'],
  },
  {
    id: 'cms-330',
    fault: '+CMS ERROR: 330 on send (SMS centre unknown)',
    outcome: 'failed with the reason and what to do (set the SMSC); nothing reached the network',
    code: 'cms.330',
    states: ['queued', 'sending', 'failed'],
  },
  {
    id: 'cms-322',
    fault: '+CMS ERROR: 322 on send (memory full)',
    outcome: 'failed with the reason (storage full) and what to do; nothing reached the network',
    code: 'cms.322',
    states: ['queued', 'sending', 'failed'],
  },
  {
    id: 'cms-500',
    fault: '+CMS ERROR: 500 answered to AT+CMGS before the prompt (unknown error)',
    outcome: 'failed with the reason and "retry, then replug"; nothing reached the network',
    code: 'cms.500',
    states: ['queued', 'sending', 'failed'],
  },
  {
    id: 'cms-38',
    fault: '+CMS ERROR: 38 on send (network out of order)',
    outcome: 'failed with the reason (network out of order) and "check the signal, retry"; nothing reached the network',
    code: 'cms.38',
    states: ['queued', 'sending', 'failed'],
  },
  {
    id: 'garbage-bytes',
    fault: 'line noise: random bytes on the line, and glued in front of the CMGS answer',
    outcome: 'no error: the instruction is sent once and its reply journaled once',
    code: null,
    states: ['queued', 'sending', 'sent', 'delivered'],
  },
  {
    id: 'partial-line',
    fault: 'a partial line ("ERR" without its end) glued in front of the CMGS answer',
    outcome: 'no error: the fragment is not taken for ERROR; sent once, reply journaled once',
    code: null,
    states: ['queued', 'sending', 'sent', 'delivered'],
  },
  {
    id: 'urc-in-response',
    fault: 'a URC (^RSSI) wedged inside the +CMGS response',
    outcome: 'no error: the URC updates the signal bars, the response still gives the message reference; sent once',
    code: null,
    states: ['queued', 'sending', 'sent', 'delivered'],
  },
  // ---- receiving ----
  {
    id: 'unplug-during-multipart-receive',
    fault: 'the cable is pulled while the parts of a long reply are being read off the SIM',
    outcome: '"disconnected, reconnecting" notice; after the replug the rest is read: the whole reply once, no part twice',
    code: 'modem.unplugged',
  },
  {
    id: 'unplug-between-parts',
    fault: 'the cable is pulled after the first part of a long reply, while the network still holds the others',
    outcome: '"disconnected, reconnecting" notice; the network delivers the rest after the replug: the whole reply once',
    code: null,
  },
  {
    id: 'sim-full-on-arrival',
    fault: 'the SIM is full (old promotions) when a 10086 reply arrives',
    outcome: 'a notice that the SIM was full; its messages are journaled and cleared, then the waiting reply arrives once',
    code: null,
  },
  {
    id: 'cmgd-failing',
    fault: 'AT+CMGD fails after a message was read',
    outcome: 'warning "saved but could not be deleted from the SIM"; read again later without a duplicate',
    code: null,
  },
  {
    id: 'part-never-arrives',
    fault: 'one part of a long reply never arrives',
    outcome: 'the message is kept, marked incomplete with the missing part number; never dropped',
    code: null,
  },
  {
    id: 'duplicate-part',
    fault: 'the network delivers one part of a long reply twice',
    outcome: 'the message is whole once; the repeated part is not journaled twice',
    code: null,
  },
  {
    id: 'unknown-status-report',
    fault: 'a status report for a message reference never used',
    outcome: 'an info notice naming the reference; no instruction changes state; sending goes on',
    code: null,
    states: ['queued', 'sending', 'sent', 'delivered'],
  },
  {
    id: 'foreign-sender',
    fault: 'while waiting for 10086, an SMS arrives from another number',
    outcome: 'journaled once under its own sender, not mixed into the 10086 thread; the 10086 reply journaled once',
    code: null,
    states: ['queued', 'sending', 'sent', 'delivered'],
  },
  // ---- the modem itself ----
  {
    id: 'modem-silent',
    fault: 'the modem never answers (no OK to anything)',
    outcome: 'the connection fails with "does not answer AT commands" and what to do',
    code: 'modem.silent',
  },
  {
    id: 'modem-goes-silent',
    fault: 'a working modem hangs: a command gets no answer',
    outcome: 'the health check notices: "disconnected, reconnecting", then "connected again"; sending works after',
    code: 'modem.unplugged',
  },
  {
    id: 'sim-pin',
    fault: 'the SIM asks for its PIN (a wrong PIN first)',
    outcome: 'PIN trap; the wrong PIN is refused in words; the queued instruction goes out once after the right PIN',
    code: 'at.cme',
    states: ['queued', 'sending', 'sent', 'delivered'],
  },
  {
    id: 'sim-puk',
    fault: 'the SIM is PUK-locked',
    outcome: 'PUK trap saying not to guess and where to get it; nothing is sent',
    code: null,
    states: ['queued'],
  },
  {
    id: 'no-network-then-network',
    fault: 'no network, then the network comes back',
    outcome: 'no-network trap; a send meanwhile waits for the network (said so), and fails unsent as "no network" once its wait is over; once registered the trap clears and sending works',
    code: 'send.no-network',
    states: ['queued', 'failed'],
  },
  {
    id: 'port-in-use',
    fault: 'a second app instance opens the same modem port',
    outcome: 'the second fails with "the port is in use" and the busy trap; the first keeps working',
    code: 'modem.busy',
  },
  // ---- the journal and the disk ----
  {
    id: 'journal-truncated',
    fault: 'the journal ends in a half-written record (crash mid-write), with an instruction that was sending',
    outcome: 'a recovery notice saying what was cut; every whole record kept; the instruction is "may have been sent", never re-sent',
    code: 'journal.interrupted-send',
    states: ['failed-retryable'],
  },
  {
    id: 'journal-corrupted',
    fault: 'a record in the middle of the journal is damaged',
    outcome: 'a recovery notice naming the damaged record count and the kept copy; every other record kept',
    code: null,
  },
  {
    id: 'disk-full-receive',
    fault: 'the disk is full when a message arrives',
    outcome: '"disk full, messages stay on the SIM"; the message stays on the SIM and is journaled once when space is back',
    code: 'journal.disk-full',
  },
  {
    id: 'disk-full-send',
    fault: 'the disk is full when an instruction is sent',
    outcome:
      'full before queuing: the send is refused with "disk full"; full between queued and sending: a "disk full" notice, it stays queued and goes out once when space is back; nothing reaches the modem meanwhile',
    code: 'journal.disk-full',
    states: ['queued', 'sending', 'sent', 'delivered'],
  },
  {
    id: 'two-instances',
    fault: 'two app instances start at once on one data folder',
    outcome: 'one starts; the other is refused with "another Hall10086 is running" and what to do',
    code: 'journal.locked',
  },
];

export function faultRow(id: string): FaultRow {
  const row = FAULT_MATRIX.find((r) => r.id === id);
  if (!row) throw new Error(`no fault-matrix row ${id}`);
  return row;
}
