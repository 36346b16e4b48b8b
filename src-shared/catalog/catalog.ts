import { HallError, type Lang } from '../errors';
import { compose, type Composed } from './compose';
import { Recognizer, type Recognized } from './recognize';
import { SecretDetector, type SecretFinding } from './secrets';
import type { Catalog, Instruction } from './schema';

/** The catalog as the rest of the product asks it things: by id (any case), by typed text. */
export class InstructionCatalog {
  private readonly byId = new Map<string, Instruction>();
  private readonly recognizer: Recognizer;
  private readonly secrets: SecretDetector;

  constructor(readonly data: Catalog) {
    this.recognizer = new Recognizer(data.instructions);
    this.secrets = new SecretDetector(data.instructions);
    for (const entry of data.instructions) this.byId.set(entry.id.toUpperCase(), entry);
  }

  get instructions(): readonly Instruction[] {
    return this.data.instructions;
  }

  get(id: string): Instruction | undefined {
    return this.byId.get(id.trim().toUpperCase());
  }

  require(id: string): Instruction {
    const entry = this.get(id);
    if (!entry) {
      // What was given as an id may be a whole typed sentence, passwords and ID numbers included.
      const shown = this.maskSecrets(id);
      throw new HallError(
        'catalog.unknown-id',
        { zh: `没有指令 “${shown}”。可以用 search 按说法查找。`, en: `There is no instruction "${shown}". Try search to find it by what it does.` },
        { details: { id: shown } },
      );
    }
    return entry;
  }

  caveatText(id: string, lang: Lang): string {
    return this.data.caveats.find((c) => c.id === id)?.text[lang] ?? id;
  }

  categoryName(id: string, lang: Lang): string {
    return this.data.categories.find((c) => c.id === id)?.name[lang] ?? id;
  }

  /** `ZD202610` or `mmxg#123456#654321` typed whole: which instruction, with which raw values. */
  recognize(text: string): Recognized | null {
    return this.recognizer.recognize(text);
  }

  /**
   * The instruction whose question free text asks before it goes: the text recognised (a risky one also with
   * punctuation at its end or spaces in its code, Recognizer.recognizeRisky), else the one whose secrets it carries.
   */
  askedAs(text: string): Instruction | undefined {
    return this.recognizer.recognizeRisky(text)?.instruction ?? this.findSecret(text)?.instruction ?? undefined;
  }

  /** Typed text recognised for the confirmation rule only (Recognizer.recognizeRisky). */
  recognizeRisky(text: string): Recognized | null {
    return this.recognizer.recognizeRisky(text);
  }

  compose(id: string, params: Record<string, string>, now?: Date): Composed {
    return compose(this.require(id), params, now);
  }

  /** Text typed whole (with its parameters) checked and composed, or null when it is no known instruction. */
  composeTyped(text: string, now?: Date): Composed | null {
    const hit = this.recognize(text);
    return hit ? compose(hit.instruction, hit.params, now) : null;
  }

  /** Typed text as it may be kept or shown: every secret in it masked (see SecretDetector). */
  maskSecrets(text: string): string {
    return this.secrets.mask(text);
  }

  /**
   * The parts of one long message as they may be kept: masked as the whole message reads, null where
   * a part never came (see SecretDetector.maskParts).
   */
  maskSecretParts(parts: readonly string[]): string[];
  maskSecretParts(parts: readonly (string | null)[]): (string | null)[];
  maskSecretParts(parts: readonly (string | null)[]): (string | null)[] {
    return this.secrets.maskParts(parts);
  }

  /** What its masking of secrets is made of (SecretDetector.shapes). */
  secretShapes(): string {
    return this.secrets.shapes;
  }

  /** Where the secrets of typed text are, [start, end) in order (see SecretDetector.spans). */
  secretSpans(text: string): Array<[number, number]> {
    return this.secrets.spans(text);
  }

  /** Whether typed text carries a secret, and of which instruction (whose confirmation then applies). */
  findSecret(text: string): SecretFinding | null {
    return this.secrets.find(text);
  }
}
