import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import run from '@doyensec/electronegativity';

/**
 * Runs electronegativity (Doyensec's scanner for the Electron security checklist) and matches its
 * findings against the accepted false positives in electron-checklist-accepted.json.
 */

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  /** Relative to the scanned folder; 'N/A' for a check over the whole app (CSP, navigation limits…). */
  file: string;
  line: number;
  /** The source line the finding points at, trimmed ('' for whole-app checks). */
  code: string;
  description: string;
}

/** A finding the scanner cannot get right, with why; matched by check, file name pattern ('N/A' for the whole app) and source line. */
export interface Acceptance {
  check: string;
  file: string;
  code: string;
  reason: string;
  /**
   * 'probe': the scanner, run on the evaluated window preferences, must raise no finding of this check.
   * 'csp-probe': run on the evaluated CSP written as a meta tag, it must find the policy and judge it
   * at most "seems vulnerable" (a note to review, never a weakness it is certain of).
   */
  proof: 'probe' | 'csp-probe';
}

export const ACCEPTED: readonly Acceptance[] = JSON.parse(readFileSync(join(import.meta.dirname, 'electron-checklist-accepted.json'), 'utf8'));

export interface ScanOptions {
  electronVersion: string;
  /** Checks already run elsewhere (each named check, never all). */
  skip?: readonly string[];
}

export async function scanElectron(input: string, options: ScanOptions): Promise<Finding[]> {
  const { issues, errors } = await run({
    input,
    isRelative: true,
    electronVersionOverride: options.electronVersion,
    excludeFromScan: [...(options.skip ?? [])],
  });
  // A file the scanner could not parse would pass silently: that must fail instead.
  const fatal = errors.filter((error) => !error.tolerable);
  if (fatal.length > 0) throw new Error(`electronegativity could not parse: ${fatal.map((error) => `${error.file}: ${error.message}`).join('; ')}`);
  return issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location.line,
    code: issue.file === 'N/A' ? '' : (readFileSync(join(input, issue.file), 'utf8').split('\n')[issue.location.line - 1] ?? '').trim(),
    description: issue.description,
  }));
}

export function acceptanceFor(finding: Finding, accepted: readonly Acceptance[] = ACCEPTED): Acceptance | undefined {
  return accepted.find((a) => a.check === finding.check && new RegExp(a.file).test(finding.file === 'N/A' ? 'N/A' : basename(finding.file)) && finding.code.includes(a.code));
}

export function describeFinding(finding: Finding): string {
  const where = finding.file === 'N/A' ? 'whole app' : `${finding.file}:${finding.line}`;
  return `${finding.severity} ${finding.confidence} ${finding.check} at ${where} — ${finding.description}${finding.code ? ` [${finding.code.slice(0, 80)}]` : ''}`;
}
