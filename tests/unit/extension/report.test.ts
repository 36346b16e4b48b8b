import { describe, expect, it } from 'vitest';
import { handedOverUrl, hasQueryOrFragment, isReportableUrl, reportedUrl, REPORT_PORT, reportText } from '../../../src-extension/report';
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
    // This computer and the local network: the desktop app's own page among them.
    ['http://127.0.0.1:5173/#/thread', false],
    ['http://localhost:8086/', false],
    ['http://app.localhost/', false],
    ['http://[::1]/', false],
    ['http://192.168.1.1/', false],
    ['http://10.0.0.8/', false],
    ['http://172.20.0.1/', false],
    // The same places written otherwise (review21): the root's dot, IPv4-mapped IPv6, the unspecified
    // address, local-network names, carrier-grade NAT.
    ['http://localhost.:8086/', false],
    ['http://[::ffff:127.0.0.1]:5173/', false],
    ['http://[::ffff:192.168.1.1]/', false],
    ['http://[::]/', false],
    ['http://0.0.0.0:8080/', false],
    ['http://router.local/', false],
    ['http://nas.home.arpa/', false],
    ['http://100.64.0.1/', false],
    ['http://100.127.255.1/', false],
    ['http://100.128.0.1/', true],
    ['http://[::ffff:8.8.8.8]/', true],
    ['https://local.example/', true],
    // review22: decided by structure, not a list. Single-label names, private suffixes (RFC 6761/6762
    // appendix G/8375, ICANN's .internal, .localdomain), every non-public IPv4/IPv6 range.
    ['http://router/', false],
    ['http://wiki:8080/page', false],
    ['http://router.lan/', false],
    ['http://git.corp.internal/', false],
    ['http://portal.intranet/', false],
    ['http://nas.localdomain./', false],
    ['http://files.home/', false],
    ['http://hr.corp/', false],
    ['http://vault.private/', false],
    ['http://4.3.2.1.in-addr.arpa/', false],
    ['http://[fd12:3456:789a::1]/', false],
    ['http://[fc00::1]/', false],
    ['http://[fe80::1]/', false],
    ['http://[febf::1]/', false],
    ['http://[fec0::1]/', false],
    ['http://[ff02::1]/', false],
    ['http://[64:ff9b::192.168.0.1]/', false],
    ['http://[::ffff:10.1.2.3]/', false],
    ['http://0x7f.1/', false],
    ['http://3232235777/', false],
    ['http://198.18.0.1/', false],
    ['http://224.0.0.1/', false],
    ['http://255.255.255.255/', false],
    ['http://192.0.0.8/', false],
    ['http://[2001:4860:4860::8888]/', true],
    ['http://[64:ff9b::8.8.8.8]/', true],
    ['http://[fe00::1]/', true],
    ['https://lan.example.com/', true],
    ['https://corp.example/', true],
    ['https://internal-tools.com/', true],
    ['http://198.20.0.1/', true],
    ['http://172.32.0.1/', true],
    ['chrome://settings', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['spam.example', false],
    ['', false],
  ])('%j reportable: %s', (url, ok) => {
    expect(isReportableUrl(url)).toBe(ok);
  });
});

describe('the address a report carries', () => {
  it('drops the query and fragment unless the user keeps them, and never carries a user name or password', () => {
    const url = 'https://user:pw@spam.example/win/?session=SECRET123&x=1#frag';
    expect(reportedUrl(url, false)).toBe('https://spam.example/win/');
    expect(reportedUrl(url, true)).toBe('https://spam.example/win/?session=SECRET123&x=1#frag');
    expect(hasQueryOrFragment(url)).toBe(true);
    expect(hasQueryOrFragment('https://spam.example/win')).toBe(false);
    expect(hasQueryOrFragment('https://spam.example/win?#')).toBe(false);
  });
});

describe('the whole address handed over to the report page', () => {
  it('is used only for the page whose address holds it cut, and only when it is a web address', () => {
    const whole = 'https://mail.example/reset?token=RESET-TOKEN-4821#frag';
    expect(handedOverUrl('https://mail.example/reset', whole)).toBe(whole);
    // Another report page (typed, or an older tab) keeps its own address.
    expect(handedOverUrl('https://other.example/', whole)).toBe('https://other.example/');
    expect(handedOverUrl('', whole)).toBe('');
    expect(handedOverUrl('http://127.0.0.1/', 'http://127.0.0.1/?x=1')).toBe('http://127.0.0.1/');
    expect(handedOverUrl('https://a.example/', undefined)).toBe('https://a.example/');
    expect(handedOverUrl('https://a.example/', 42)).toBe('https://a.example/');
  });
});
