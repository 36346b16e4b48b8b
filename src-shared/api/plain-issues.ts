import * as v from 'valibot';

/** The first `count` issues in words a person can act on, in both languages, without the values given. */
export function plainIssues(issues: readonly v.BaseIssue<unknown>[], count: number): { zh: string; en: string } {
  const plain = issues.slice(0, count).map(plainIssue);
  return { zh: plain.map((i) => i.zh).join('；'), en: plain.map((i) => i.en).join('; ') };
}

/**
 * One issue in words a person can act on: a length says its limit and what was given, in both
 * languages; anything else names the field and keeps valibot's (English) reason.
 */
function plainIssue(issue: v.BaseIssue<unknown>): { zh: string; en: string } {
  const field = v.getDotPath(issue) ?? '(root)';
  const given = typeof issue.input === 'string' || Array.isArray(issue.input) ? issue.input.length : null;
  if (issue.type === 'max_length' && given !== null) {
    return { zh: `${field} 最多 ${issue.requirement} 个字符，现在有 ${given} 个`, en: `${field} may have at most ${issue.requirement} characters; it has ${given}` };
  }
  if (issue.type === 'min_length' && given !== null) {
    return { zh: `${field} 至少要 ${issue.requirement} 个字符`, en: `${field} needs at least ${issue.requirement} characters` };
  }
  const reason = withoutReceived(issue.message);
  return { zh: `${field}：${reason}`, en: `${field}: ${reason}` };
}

/**
 * Valibot's reason without its "but received …": what was given may be a PIN, a service password or
 * the broker's password, and a refusal is shown on screen and copied into bug reports. The field and
 * what it expects are enough to fix it.
 */
function withoutReceived(message: string): string {
  return message.replace(/ but received [\s\S]*$/u, '');
}
