import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type StringKey } from '../../src-renderer/i18n';
import { exportRow, toCsv } from '../../src-renderer/store/export-format';
import type { MessageRow } from '../../src-renderer/store/rows';
import { labelsCsv } from '../../src-renderer/views/overview/fleet-rows';

/**
 * The app's two CSV exports (the log, the SIM labels) as LibreOffice Calc reads them: `soffice
 * --headless --convert-to fods` opens each as a user's double-click would, under several import
 * settings, and the flat ODS it writes says for every cell whether Calc made it a formula and what it
 * shows. SMS text comes from anyone, so every hostile text below stands in a text field; written for
 * this test as an attacker would. Before, an unquoted `你好;=1+1` became two cells under a semicolon
 * separator and Calc computed `=1+1` (likewise tab, space and "other" separators).
 * Skipped, saying why, where soffice is not installed (Debian: libreoffice-calc-nogui).
 */
const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const HAVE_SOFFICE = SOFFICE.status === 0;
if (!HAVE_SOFFICE) console.warn('csv-in-calc: skipped: soffice (LibreOffice) is not installed; apt-get install libreoffice-calc-nogui');

const HOSTILE = [
  '=1+1',
  '+1+1',
  '-2+3',
  '@SUM(1;1)',
  ' =1+1',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  "=cmd|' /C calc'!A0",
  "=cmd|' /C calc'!A0,x",
  '＝1+1',
  '＋1+1',
  '－2+3',
  '＠SUM(1;1)',
  '\u3000＝1+1',
  'a\n=1+1',
  '=1+1\nb',
  '=HYPERLINK("http://example.com";"x")',
  '你好;=1+1',
  '你好\t=1+1',
  '你好 =1+1',
  '你好|=1+1',
  'a";=1+1',
  '尊敬的客户，回复=1+1确认',
];

/** Calc's CSV import settings: field separators, text delimiter, UTF-8, first line, …, remove spaces, evaluate formulas (token 13). */
const SETTINGS: Record<string, string | null> = {
  'comma, UTF-8, formulas evaluated': 'CSV:44,34,76,1,,0,false,false,false,false,false,-1,true',
  'tab, comma, semicolon, space and | ticked, spaces trimmed, special numbers': 'CSV:9/44/59/32/124,34,76,1,,0,false,true,false,false,true,-1,true',
};

interface Cell {
  formula: string | null;
  shown: string;
}

/** The cells of each row of the first sheet of a flat ODS file, as Calc wrote them. */
function sheetRows(fods: string): Cell[][] {
  const table = fods.match(/<table:table [\s\S]*?<\/table:table>/)?.[0] ?? '';
  return [...table.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map(([, row]) =>
    withoutTrailingEmpty(
      [...row!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].flatMap(([, attrs, body]) => {
        // Equal neighbours (two cells "1") are written once with a repeat count.
        const times = Math.min(Number(attrs!.match(/table:number-columns-repeated="(\d+)"/)?.[1] ?? 1), 64);
        const cell = {
          formula: attrs!.match(/table:formula="([^"]*)"/)?.[1] ?? null,
          shown: [...(body ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>|<text:p\/>/g)].map(([, p]) => xmlText(p ?? '')).join('\n'),
        };
        return Array.from({ length: times }, () => cell);
      }),
    ),
  );
}

function withoutTrailingEmpty(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.formula === null && cells[end - 1]!.shown === '') end--;
  return cells.slice(0, end);
}

function xmlText(p: string): string {
  return p
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const words = { t: (key: StringKey) => translate('en', key), offsetMinutes: () => 480 };
const base: MessageRow = {
  id: 'in:k',
  simId: 'SIM-A',
  direction: 'in',
  peer: '1065812345',
  text: '',
  state: 'received',
  at: Date.UTC(2026, 11, 6, 1, 30, 15),
  read: 0,
  timestamp: '2026-12-06T09:30:15+08:00',
  partKeys: ['k'],
  complete: true,
  total: 1,
  received: 1,
};

let dir: string;
const converted = new Map<string, { log: Cell[][]; labels: Cell[][] }>();

beforeAll(async () => {
  if (!HAVE_SOFFICE) return;
  dir = await mkdtemp(join(tmpdir(), 'hall-csv-calc-'));
  // As the app downloads them: a byte-order mark, then the CSV.
  await writeFile(join(dir, 'log.csv'), `\ufeff${toCsv(HOSTILE.map((text, i) => exportRow({ ...base, text, peer: HOSTILE[(i + 1) % HOSTILE.length]!, error: text }, text)), words)}`);
  await writeFile(join(dir, 'labels.csv'), `\ufeff${labelsCsv(HOSTILE.map((h, i) => ({ simId: `SIM-${i}`, name: h, owner: HOSTILE[(i + 3) % HOSTILE.length]!, phone: HOSTILE[(i + 5) % HOSTILE.length]! })))}`);
  let k = 0;
  for (const [name, filter] of Object.entries(SETTINGS)) {
    const out = join(dir, `out${k++}`);
    execFileSync('soffice', [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      ...(filter ? [`--infilter=${filter}`] : []),
      '--convert-to',
      'fods',
      '--outdir',
      out,
      join(dir, 'log.csv'),
      join(dir, 'labels.csv'),
    ], { stdio: 'pipe', timeout: 120_000 });
    converted.set(name, { log: sheetRows(await readFile(join(out, 'log.fods'), 'utf8')), labels: sheetRows(await readFile(join(out, 'labels.fods'), 'utf8')) });
  }
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What Calc shows for a hostile text: the text itself, or with the apostrophe that keeps it text. */
const shownAs = (text: string) => [text, `'${text}`];

/** Which hostile text stands in a column of data row `k` (0-based), as the files above were written. */
const nth = (shift: number) => (k: number) => HOSTILE[(k + shift) % HOSTILE.length]!;
const EXPORTS = {
  log: { width: 12, columns: { 3: nth(1), 5: nth(0), 11: nth(0) } },
  labels: { width: 4, columns: { 1: nth(0), 2: nth(3), 3: nth(5) } },
} as const;

describe.skipIf(!HAVE_SOFFICE)('CSV exports opened in LibreOffice Calc (soffice --convert-to fods)', () => {
  it.each(Object.keys(SETTINGS).flatMap((name) => (['log', 'labels'] as const).map((file) => [file, name] as const)))(
    'no cell of the %s export is a formula, and each text stays whole in its own cell (%s)',
    (file, name) => {
      const rows = converted.get(name)![file];
      const { width, columns } = EXPORTS[file];
      expect(rows).toHaveLength(HOSTILE.length + 1);
      for (const [i, row] of rows.entries()) {
        expect(row.filter((c) => c.formula !== null)).toEqual([]);
        expect(row.length, `row ${i}: ${JSON.stringify(row)}`).toBe(width);
        if (i === 0) continue;
        for (const [column, text] of Object.entries(columns)) {
          expect(shownAs(text(i - 1)).map(normal), `row ${i} column ${column}`).toContain(normal(row[Number(column)]!.shown));
        }
      }
    },
  );
});

/** Calc turns CR and CRLF in a cell into a line break, and may trim blanks at the ends. */
const normal = (s: string) => s.replace(/\r\n?/g, '\n').replace(/^'?[\s\u3000]+/, (m) => (m.startsWith("'") ? "'" : '')).trim();
