import { lateClashSuite } from './late-clash-kit';

/*
 * journal25: read A1, B2, B1, A2. B2 completes A's message (A1+B2), B1 starts one that A2 completes (B1+A2): both mixed,
 * and each message got its parts in ascending order, exactly as reading A1, A2, B1, B2 gives. journal23 took that order
 * for evidence and marked neither. Now two messages of one reference and second whose texts are not the same part for
 * part are both possibly joined wrong, whatever the order (src-shared/sending-order.ts). The set-up and checks:
 * late-clash-kit.ts.
 */
lateClashSuite({ artifactPrefix: 'same-second-late-clash-in-order-', iccid: '89860012345670002525', later: 'B1, A2' });
