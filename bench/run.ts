import type { Bench, Section } from './harness';

/** Each entry: a name accepted on the command line, and the module that measures it. */
const BENCHES: Record<string, () => Promise<{ default: Bench }>> = {
  search: () => import('./search.bench'),
  modem: () => import('./modem.bench'),
  ui: () => import('./ui.bench'),
  journal: () => import('./journal.bench'),
  pdu: () => import('./pdu.bench'),
  at: () => import('./at.bench'),
  extension: () => import('./extension.bench'),
  replies: () => import('./replies.bench'),
  assistant: () => import('./assistant.bench'),
  bundle: () => import('./bundle.bench'),
  crash: () => import('./crash.bench'),
  soak: () => import('./soak.bench'),
  backpressure: () => import('./backpressure.bench'),
  fleet: () => import('./fleet.bench'),
  'kept-parts': () => import('./kept-parts.bench'),
  joining: () => import('./joining.bench'),
  'ui-burst': () => import('./ui-burst.bench'),
  'ui-cold': () => import('./ui-cold.bench'),
  'actions-asked': () => import('./actions-asked.bench'),
};

function printSection(s: Section): void {
  console.log(`\n## ${s.title}`);
  const w = Math.max(...s.figures.map((f) => f.name.length), 10);
  for (const f of s.figures) {
    const value = `${f.value}${f.unit ? ' ' + f.unit : ''}`;
    const target = f.target ? `  target ${f.target} ${f.pass === undefined ? '' : f.pass ? 'PASS' : 'MISS'}` : '';
    console.log(`  ${f.name.padEnd(w)}  ${value}${target}`);
  }
  for (const n of s.notes ?? []) console.log(`  note: ${n}`);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(BENCHES);
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length) {
    console.error(`unknown bench: ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`# Hall10086 bench — node ${process.version}, ${new Date().toISOString()}`);
  // The emulator's timers do not hold the process open (it is a device, not a reason to stay alive).
  const keepAlive = setInterval(() => {}, 1 << 30);
  for (const name of names) {
    const mod = await BENCHES[name]!();
    printSection(await mod.default());
  }
  clearInterval(keepAlive);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
