import { describe, expect, it } from 'vitest';
import { isReportableUrl, REPORT_PORT, reportText } from '../../../src-extension/report';
import { smsToPayload } from '../../../src-shared/catalog/check';

describe('report SMS', () => {
  it('is "举报 <url>" to 10086999', () => {
    expect(REPORT_PORT).toBe('10086999');
    expect(reportText('  https://spam.example/win?x=1 ')).toBe('举报 https://spam.example/win?x=1');
    expect(smsToPayload(REPORT_PORT, '举报 http://a.example/')).toBe('SMSTO:10086999:举报 http://a.example/');
  });

  it.each([
    ['https://spam.example/', true],
    ['http://192.0.2.1:8080/x', true],
    ['chrome://settings', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['spam.example', false],
    ['', false],
  ])('%j reportable: %s', (url, ok) => {
    expect(isReportableUrl(url)).toBe(ok);
  });
});
