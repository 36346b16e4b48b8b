import type { InstructionCatalog } from '../src-shared/catalog/catalog';
import { checkParams } from '../src-shared/catalog/check';
import { paramsNamedIn } from '../src-shared/catalog/named-month';
import type { Instruction, ParamSpec } from '../src-shared/catalog/schema';
import type { HallError } from '../src-shared/errors';
import { bilingual } from './bilingual';
import { h } from './dom';
import { t, type Lang } from './i18n';
import { smsOutput } from './sms-output';
import { CUSTOM_ID_PREFIX, isCustomId } from '../src-shared/catalog/custom/instruction';
import type { DesktopSendRequest } from './desktop-protocol';
import { desktopSendSection } from './view-desktop-send';

/**
 * One instruction: what it does, its caveats and risk, a form for its parameters checked the
 * same way the app checks them, and the exact SMS with Copy and QR once every value is valid.
 */
export function instructionView(lang: Lang, catalog: InstructionCatalog, id: string, query = ''): HTMLElement {
  const instruction = catalog.get(id);
  if (!instruction) return h('section', {}, h('p', { class: 'error' }, t(lang, 'unknownInstruction')));
  const values: Record<string, string> = {};
  const touched = new Set<string>();
  const output = h('div', { class: 'output' });
  const fields = instruction.params.map((spec) => paramField(lang, spec));
  // A month the search named (查上個月帳單) is filled in, where it can be seen and changed.
  for (const [name, value] of Object.entries(paramsNamedIn(instruction, query, new Date()))) {
    values[name] = value;
    fields.find((f) => f.spec.name === name)!.input.value = value;
  }

  const hasSecret = instruction.params.some((p) => p.secret);
  let shownText: string | null | undefined;
  let ready = false;
  const desktop = desktopSendSection(lang, () => (ready ? { request: desktopRequest(instruction, values), label: instruction.id } : null));
  const update = () => {
    const { errors, composed } = checkParams(instruction, values);
    ready = composed !== null;
    desktop.refresh();
    for (const field of fields) {
      field.showError(touched.has(field.spec.name) || values[field.spec.name] ? (errors[field.spec.name] ?? null) : null);
    }
    // Leaving a field (to press Copy or Show) must not rebuild the output under the pointer.
    if (composed?.text === shownText) return;
    shownText = composed?.text;
    output.replaceChildren(
      ...(composed ? [smsOutput(lang, { to: composed.to, text: composed.text, masked: hasSecret ? composed.redacted : null }, desktop.sendButton)] : []),
    );
  };
  for (const field of fields) {
    field.input.addEventListener('input', () => {
      values[field.spec.name] = field.input.value;
      update();
    });
    field.input.addEventListener('blur', () => {
      touched.add(field.spec.name);
      update();
    });
  }
  update();
  return h(
    'section',
    { class: 'instruction' },
    h('h1', {}, h('code', {}, instruction.id), ' ', instruction.name[lang]),
    // What the user came for first (the form, the SMS, Copy, Send, QR); what it does and its notes below.
    fields.length ? h('form', { class: 'params', novalidate: '' }, ...fields.map((f) => f.element)) : null,
    output,
    h('p', { class: 'summary' }, instruction.summary[lang]),
    ...notes(lang, catalog, instruction),
    desktop.element,
  );
}

/** A built-in instruction goes by its id; the user's own (not in the app's catalog) with its text and number. */
function desktopRequest(instruction: Instruction, values: Record<string, string>): DesktopSendRequest {
  const params = Object.fromEntries(instruction.params.map((p) => [p.name, values[p.name] ?? '']));
  if (!isCustomId(instruction.id)) return { id: instruction.id, params };
  return { custom: { code: instruction.id.slice(CUSTOM_ID_PREFIX.length), template: instruction.template, to: instruction.to }, params };
}

function notes(lang: Lang, catalog: InstructionCatalog, instruction: Instruction): HTMLElement[] {
  const out: HTMLElement[] = instruction.caveats.map((c) =>
    h('p', { class: 'caveat' }, h('strong', {}, t(lang, 'caveats')), catalog.caveatText(c, lang)),
  );
  if (instruction.risk.confirm) {
    out.push(h('p', { class: 'risk', role: 'note' }, h('strong', {}, t(lang, 'risk')), instruction.risk.reason?.[lang] ?? ''));
  }
  return out;
}

function paramField(lang: Lang, spec: ParamSpec) {
  const id = `param-${spec.name}`;
  const input = h('input', {
    id,
    name: spec.name,
    type: spec.secret ? 'password' : 'text',
    // Browsers must neither fill in nor remember what goes in here (passwords, ID numbers).
    autocomplete: spec.secret ? 'new-password' : 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-error`,
  });
  const error = h('p', { id: `${id}-error`, class: 'field-error' });
  return {
    spec,
    input,
    element: h('div', { class: 'field' }, h('label', { for: id }, spec.label[lang]), input, error),
    showError(e: HallError | null) {
      input.toggleAttribute('aria-invalid', e !== null);
      error.replaceChildren(...(e ? bilingual(lang, e) : []));
    },
  };
}
