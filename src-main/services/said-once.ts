import { toHallError, type Bilingual, type HallError } from '../../src-shared/errors';

/**
 * Writes of a file the app keeps going without (its memory stays the truth, the next write takes it whole): a failed one
 * is said to the user once, not at every later try of a busy run, and said again only after one went through, when a
 * new failure is news.
 */
export class SaidOnce {
  private said = false;

  constructor(
    private readonly say: (text: Bilingual) => void,
    /** The caller's own words for the failure, in Chinese and English, the error's text in them. */
    private readonly words: (error: HallError) => Bilingual,
  ) {}

  /** Runs `write`; never rejects: a failure is said (once, as above) instead. */
  async attempt(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (e) {
      if (this.said) return;
      this.said = true;
      this.say(this.words(toHallError(e)));
      return;
    }
    this.said = false;
  }
}
