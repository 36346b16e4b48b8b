import { HallError } from '../../../src-shared/errors';

/** The HallError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function hallErrorOf(promise: Promise<unknown>): Promise<HallError> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  if (!('rejected' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)}`);
  if (!(outcome.rejected instanceof HallError)) throw new Error(`expected a HallError, got ${String(outcome.rejected)}`);
  return outcome.rejected;
}
