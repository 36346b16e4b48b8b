/**
 * Reports of spam SMS and bad websites go to 10086999, the free port the seed names for them.
 * The seed gives no wording, so the text is the plain one a clerk would type: `举报 <url>`.
 */
export const REPORT_PORT = '10086999';

export function reportText(url: string): string {
  return `举报 ${url.trim()}`;
}

/** Only web addresses are worth reporting: `chrome://` pages or `file:` URLs are nobody else's business. */
export function isReportableUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url.trim());
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}


