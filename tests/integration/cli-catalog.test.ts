import { describe, expect, it } from 'vitest';
import { hall, STACK_TRACE } from './cli-helpers';

describe('hall10086 search / show / compose', () => {
  it('compose reads a password given as - from standard input, and advises it when one is on the command line', async () => {
    const piped = await hall(['compose', 'MMXG', '--oldPassword', '-', '--newPassword', '-'], {}, '135790\n246813\n');
    expect(piped).toMatchObject({ code: 0, stdout: 'MMXG#135790#246813\n', stderr: '' });
    const inArgv = await hall(['compose', 'MMXG', '--oldPassword', '135790', '--newPassword', '246813']);
    expect(inArgv.stdout).toBe('MMXG#135790#246813\n');
    expect(inArgv.stderr).toMatch(/process list.*hall10086 compose MMXG --oldPassword - --newPassword -/s);
    expect(inArgv.stderr).not.toMatch(/135790|246813/);
  });

  it('a command name that is an instruction with passwords is refused without printing them back', async () => {
    const run = await hall(['MMXG#135790#246813']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/There is no command "MMXG#\*{6}#\*{6}"/);
    expect(run.stdout + run.stderr).not.toMatch(/135790|246813/);
  });

  it('search --json prints one array with ranked results per query', async () => {
    const run = await hall(['search', '关流量', 'zd202611', '查詢本機餘額', '--json', '--limit', '3']);
    expect(run.code).toBe(0);
    const answers = JSON.parse(run.stdout);
    expect(answers.map((a: { query: string }) => a.query)).toEqual(['关流量', 'zd202611', '查詢本機餘額']);
    expect(answers[0].results[0]).toMatchObject({ id: 'QXGPRS', sms: 'QXGPRS' });
    expect(Object.keys(answers[0].results[0]).sort()).toEqual(['confident', 'id', 'score', 'sms', 'title']);
    expect(answers.map((a: { confident: boolean }) => a.confident)).toEqual([true, true, true]);
    expect(answers[1].results[0]).toMatchObject({ id: 'ZD', sms: 'ZD202611', score: 1 });
    expect(answers[2].results[0].id).toBe('YE');
    for (const a of answers) expect(a.results.length).toBeLessThanOrEqual(3);
  });

  it('search answers a batch whole: a wrong parameter is shown beside its instruction, an outside question is not confident', async () => {
    // 11010519900101123X has the right birth date and the wrong check character; 209913 is month 13.
    const run = await hall(['search', 'MMHF#110105199001011234', 'ZD209913', '公积金余额', '查话费', '--json']);
    expect(run.code).toBe(0);
    const [mmhf, zd, outside, fee] = JSON.parse(run.stdout);
    expect(mmhf.results[0]).toMatchObject({ id: 'MMHF', sms: 'MMHF#{idNumber}', confident: true, problem: { code: 'param.id-checksum' } });
    expect(mmhf.results[0].problem.zh).toMatch(/校验位/);
    expect(run.stdout).not.toContain('110105199001011234');
    expect(zd.results[0]).toMatchObject({ id: 'ZD', confident: true, problem: { code: 'param.month-range' } });
    expect(outside.confident).toBe(false);
    expect(fee.confident).toBe(true);
    expect(fee.results[0].id).toBe('YE');
    const text = await hall(['search', 'ZD209913', '公积金余额', '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ZD: Bill month \(YYYYMM\): the month must be 01 to 12/);
    expect(text.stdout).toMatch(/maybe: /);
    expect(text.stdout).toMatch(/call 10086/);
  });

  it('search prints aligned, width-aware columns in the chosen language', async () => {
    const run = await hall(['search', '彩铃', '--lang', 'zh-Hans']);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => /^\s+\d\./.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toContain('开通彩铃');
    // The SMS column starts at the same display column on every row.
    const smsColumn = (row: string) => {
      const at = row.search(/ (KTCL|QXCL)\s+\d/);
      return [...row.slice(0, at)].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    };
    const cols = rows.filter((r) => /(KTCL|QXCL)\s+\d/.test(r)).map(smsColumn);
    expect(new Set(cols).size).toBe(1);
  });

  it('follows the system locale when --lang is not given', async () => {
    const hant = await hall(['search', 'KTCL', '--limit', '1'], { LANG: 'zh_TW.UTF-8' });
    expect(hant.stdout).toContain('開通彩鈴');
    const hans = await hall(['search', 'KTCL', '--limit', '1'], { LANG: 'zh_CN.UTF-8' });
    expect(hans.stdout).toContain('开通彩铃');
  });

  it('show prints an instruction, with JSON as the catalog holds it', async () => {
    const text = await hall(['show', 'mmxg', '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('MMXG#{oldPassword}#{newPassword}');
    expect(text.stdout).toMatch(/secret/);
    const json = await hall(['show', 'TJ', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'TJ', risk: { confirm: true } });
  });

  it('compose prints the exact SMS text', async () => {
    expect((await hall(['compose', 'ZD', '--month', '202610'])).stdout.trim()).toBe('ZD202610');
    expect((await hall(['compose', 'mmxg#123456#654321'])).stdout.trim()).toBe('MMXG#123456#654321');
    const json = await hall(['compose', 'BGYETX', '--amount=50', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ id: 'BGYETX', to: '10086', text: 'BGYETX50' });
  });

  it.each([
    [['compose', 'ZD', '--month', '209912'], /future/],
    [['compose', 'MMXG', '--oldPassword', '12', '--newPassword', '654321'], /6 digits/],
    [['compose', 'MMHF', '--idNumber', '110105194912310021'], /check character/],
    [['compose', 'YE', '--month', '202610'], /no parameter month/],
    [['compose', 'NOPE'], /no instruction "NOPE"/],
    [['show'], /Usage: show ID/],
    [['search'], /Give something to search/],
    [['search', 'x', '--limit', 'many'], /--limit must be a whole number/],
    [['search', 'x', '--bogus'], /Unknown option --bogus/],
    [['frobnicate'], /no command "frobnicate"/],
    [['search', 'x', '--lang', 'fr'], /--lang must be/],
  ])('bad input %j: exit 2, a clear message, no stack trace', async (args, message) => {
    const run = await hall(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stdout).toBe('');
  });

  it('speaks Chinese in errors when the language is Chinese', async () => {
    const run = await hall(['compose', 'ZD', '--month', '202613', '--lang', 'zh-Hans']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('月份应在 01 到 12 之间');
  });
});
