import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import type { ReplyUnderstanding } from '../../../src-shared/replies/types';
import { listShapes, type ListShape } from '../../fixtures/replies/list-shapes';

const read = (text: string) => understandReply({ text, receivedAt: Date.parse('2026-11-25T02:30:00Z'), from: '10086' });

/** What a person reads from a list, in one comparable line per option or entry. */
function seen(u: ReplyUnderstanding): { menu: string[]; services: string[] } {
  const menu = u.kind === 'figures' || u.kind === 'menu' || u.kind === 'outcome' ? u.menu.map((o) => `${o.n}.${o.label}`) : [];
  const services = u.kind === 'services' ? u.services.map((s) => `${s.n}|${s.name}|${s.fee}|${s.cancelText ?? (u.cancelByNumber ? s.n : null)}`) : [];
  return { menu, services };
}

function expected(shape: ListShape): { menu: string[]; services: string[] } {
  return {
    menu: (shape.menu ?? []).map((o) => `${o.n}.${o.label}`),
    services: (shape.services ?? []).map((s) => `${s.n}|${s.name}|${s.fee}|${s.sends}`),
  };
}

// GENERATED lists (NOT real): every marker style × separator × lead-in × trailer × fee form; see list-shapes.ts.
describe('numbered lists read by their shape (generated, NOT real)', () => {
  const shapes = listShapes();
  it('holds every kind of list in many shapes', () => {
    expect(shapes.filter((s) => s.menu).length).toBeGreaterThan(500);
    expect(shapes.filter((s) => s.services).length).toBeGreaterThan(500);
    expect(shapes.filter((s) => s.neither).length).toBeGreaterThanOrEqual(8);
  });
  it('reads each menu as its options, each service list as its entries with what cancels them, and nothing else', () => {
    const failures: string[] = [];
    for (const shape of shapes) {
      const u = read(shape.text);
      const got = seen(u);
      const want = expected(shape);
      const figuresFromList = u.kind === 'figures' && (shape.menu || shape.services) ? u.figures.length : 0;
      if (JSON.stringify(got) !== JSON.stringify(want) || figuresFromList > 0) failures.push(`${shape.rule}\n  ${JSON.stringify(shape.text)}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)} (${u.kind}, ${figuresFromList} figures)`);
    }
    expect(failures.slice(0, 12).join('\n'), `${failures.length} of ${shapes.length} lists misread`).toBe('');
  });
});
