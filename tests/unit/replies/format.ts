import { type DateRecord, type FigureRecord, type ReplyUnderstanding, understandReply } from '../../../src-shared/replies';

/** Figures as one short line each, so expectations read like the reply: "data.used 1228.8 MB @pkg #item ?". */
export function figureLine(f: FigureRecord): string {
  const value = Math.round(f.value * 10_000) / 10_000;
  return [
    `${f.topic}.${f.field} ${value} ${f.unit}`,
    f.package === null ? '' : ` @${f.package}`,
    f.item === null ? '' : ` #${f.item}`,
    f.confidence === 'unsure' ? ' ?' : '',
  ].join('');
}

export function dateLine(d: DateRecord): string {
  const day = d.day === null ? '' : `-${String(d.day).padStart(2, '0')}`;
  const hour = d.hour === null ? '' : ` ${d.hour}h`;
  return `${d.role} ${d.year}-${String(d.month).padStart(2, '0')}${day}${hour}${d.yearInferred ? ' inferred' : ''}`;
}

/** 2026-11-25 10:30 in Beijing. */
export const RECEIVED = Date.parse('2026-11-25T02:30:00Z');

/** Each figure a reply gives as `topic.field value [pool]`, the value to the cent (none when it is no figures reply). */
export function poolLines(u: ReplyUnderstanding): string[] {
  return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${Math.round(f.value * 100) / 100}${f.pool ? ` ${f.pool}` : ''}`) : [];
}

/** A reply's menu options (beside figures, under an outcome, or a menu) as `n.label`. */
export function optionLines(u: ReplyUnderstanding): string[] {
  return 'menu' in u && u.menu ? u.menu.map((o) => `${o.n}.${o.label}`) : [];
}

/** Each figure 10086's reply is read into, as `topic.field value [pool]` (the mechanism tests' shape). */
export function figureWords(text: string): string[] {
  return poolLines(understandReply({ text, receivedAt: RECEIVED, from: '10086' }));
}

/** What 10086's reply is read as: an outcome's template (wrong-instruction, refused…), else the reply's kind. */
export function outcomeWord(text: string): string {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  return u.kind === 'outcome' ? u.template : u.kind;
}
