import { describe, expect, it } from 'vitest';
import { HallError, type Bilingual } from '../../src-shared/errors';
import { SaidOnce } from '../../src-main/services/said-once';

const full = new HallError('test.disk-full', { zh: '磁盘已满', en: 'The disk is full' });
const fails = () => Promise.reject(full);
const goesThrough = () => Promise.resolve();

function writes() {
  const said: Bilingual[] = [];
  const once = new SaidOnce(
    (text) => said.push(text),
    (error) => ({ zh: `没能写入（${error.zh}）`, en: `Not written (${error.en})` }),
  );
  return { said, once };
}

describe('SaidOnce: a failed write said once until a write goes through', () => {
  it('says the first failure in the caller\'s words, with the error\'s text, and never rejects', async () => {
    const { said, once } = writes();
    await expect(once.attempt(fails)).resolves.toBeUndefined();
    expect(said).toEqual([{ zh: '没能写入（磁盘已满）', en: 'Not written (The disk is full)' }]);
  });

  it('does not say the failures after it', async () => {
    const { said, once } = writes();
    for (let i = 0; i < 3; i++) await once.attempt(fails);
    expect(said).toHaveLength(1);
  });

  it('says a failure again once a write went through between, and only once again', async () => {
    const { said, once } = writes();
    await once.attempt(fails);
    await once.attempt(goesThrough);
    await once.attempt(fails);
    await once.attempt(fails);
    expect(said).toHaveLength(2);
  });

  it('says nothing while writes go through, and an error not a HallError in the words of an internal one', async () => {
    const { said, once } = writes();
    await once.attempt(goesThrough);
    expect(said).toEqual([]);
    await once.attempt(() => Promise.reject(new Error('EROFS: read-only file system')));
    expect(said).toEqual([{ zh: '没能写入（内部错误：EROFS: read-only file system）', en: 'Not written (Internal error: EROFS: read-only file system)' }]);
  });
});
