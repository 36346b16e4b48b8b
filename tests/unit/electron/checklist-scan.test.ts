import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCEPTED, acceptanceFor, describeFinding, scanElectron, type Finding } from '../../../scripts/electron-checklist-scan';

// window.ts imports BrowserWindow, which needs the Electron binary; only secureWebPreferences is used here.
vi.mock('electron', () => ({ BrowserWindow: class {} }));
const { secureWebPreferences } = await import('../../../src-main/electron/window');

/**
 * The Electron security checklist, checked by electronegativity over the shell's sources, the built
 * main + preload + page (when `out/` exists), and a probe: the window preferences the app really
 * uses, evaluated and written as the object literal the scanner reads. `npm run security` runs this file.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const ELECTRON_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;
/**
 * The one check left out: it downloads GitHub's Electron release list with no timeout (a firewalled
 * network hangs the test) to say whether a newer Electron has security fixes — for Electron as a
 * devDependency only at INFORMATIONAL level. Keeping Electron current is `npm outdated`'s job.
 */
const ONLINE_ONLY = ['AvailableSecurityFixesGlobalCheck'];
const BUILT = { 'main.js': 'out/main/index.js', 'preload.js': 'out/preload/index.js', 'index.html': 'out/renderer/index.html' };

const work = mkdtempSync(join(tmpdir(), 'hall10086-checklist-'));
const scans: { name: string; findings: Finding[] }[] = [];
let probe: Finding[] = [];

/** Copies `files` (target name → path in the repo) into one folder, so whole-app checks see main and preload together. */
function stage(name: string, files: Record<string, string>): string | null {
  if (!Object.values(files).every((from) => existsSync(join(ROOT, from)))) return null;
  const folder = join(work, name);
  mkdirSync(folder);
  for (const [to, from] of Object.entries(files)) copyFileSync(join(ROOT, from), join(folder, to));
  return folder;
}

/**
 * The per-window findings for a BrowserWindow created with `preferences` written out literally. Whole-app
 * checks (CSP, navigation limits) are left out: they judge an app, and this is one statement.
 */
async function scanWindow(name: string, preferences: object): Promise<Finding[]> {
  const folder = join(work, name);
  mkdirSync(folder);
  writeFileSync(join(folder, `${name}.js`), `const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: ${JSON.stringify(preferences, null, 2)} });\n`);
  const findings = await scanElectron(folder, { electronVersion: ELECTRON_VERSION, skip: ONLINE_ONLY });
  return findings.filter((f) => f.file !== 'N/A');
}

beforeAll(async () => {
  const built = stage('built', BUILT);
  const folders = [{ name: 'src-main/electron', folder: join(ROOT, 'src-main/electron') }, ...(built ? [{ name: 'out/ (main, preload, page)', folder: built }] : [])];
  // Offline, each run waits for electronegativity's translation download to time out: run them side by side.
  const [probeFindings, ...findings] = await Promise.all([
    scanWindow('probe', secureWebPreferences('preload.js')),
    ...folders.map(({ folder }) => scanElectron(folder, { electronVersion: ELECTRON_VERSION, skip: ONLINE_ONLY })),
  ]);
  probe = probeFindings!;
  folders.forEach(({ name }, i) => scans.push({ name, findings: findings[i]! }));

  for (const scan of [...scans, { name: 'probe (evaluated webPreferences)', findings: probe }]) {
    const lines = scan.findings.map((f) => `  ${acceptanceFor(f) ? 'accepted ' : ''}${describeFinding(f)}`);
    console.log([`electronegativity, ${scan.name}: ${scan.findings.length} finding(s)`, ...lines].join('\n'));
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the Electron security checklist (electronegativity)', () => {
  it('scans the sources, and the build when there is one', () => {
    const built = Object.values(BUILT).every((file) => existsSync(join(ROOT, file)));
    expect(scans.map((scan) => scan.name)).toEqual(built ? ['src-main/electron', 'out/ (main, preload, page)'] : ['src-main/electron']);
  });

  it('finds nothing of HIGH severity beyond the accepted false positives', () => {
    const high = scans.flatMap((scan) => scan.findings.filter((f) => f.severity === 'HIGH' && !acceptanceFor(f)).map((f) => `${scan.name}: ${describeFinding(f)}`));
    expect(high).toEqual([]);
  });

  it.each(ACCEPTED.map((a) => [a.check, a] as const))('proves the accepted %s with the probe, and it is still needed', (check, acceptance) => {
    expect(acceptance.reason.length).toBeGreaterThan(40);
    // The evaluated preferences pass the very check the scanner could not apply to the call.
    expect(probe.filter((f) => f.check === check).map(describeFinding)).toEqual([]);
    // An acceptance that matches nothing any more must be removed rather than linger.
    expect(scans[0]!.findings.filter((f) => acceptanceFor(f, [acceptance])).length).toBeGreaterThan(0);
  });

  it('can fail: the probe reports isolation and the sandbox turned off', async () => {
    const weak = await scanWindow('weak', { ...secureWebPreferences('preload.js'), contextIsolation: false, sandbox: false });
    const checks = (findings: Finding[]) => new Set(findings.map((f) => `${f.severity} ${f.check}`));
    expect([...checks(weak)].filter((check) => !checks(probe).has(check)).sort()).toEqual(['HIGH CONTEXT_ISOLATION_JS_CHECK', 'MEDIUM SANDBOX_JS_CHECK']);
  }, 60_000);
});
