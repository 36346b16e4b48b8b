import { lateClashSuite } from './late-clash-kit';

/*
 * journal23: read A1, B2, A2, B1. B2 finds only A's message and completes it (A1+B2): stored, its figures read, the
 * Overview showing them. A2 then starts a message B1 completes (B1+A2). Both are mixed; before, neither was marked.
 * The set-up and checks: late-clash-kit.ts.
 */
lateClashSuite({ artifactPrefix: 'same-second-late-clash-', iccid: '89860012345670002323', later: 'A2, B1' });
