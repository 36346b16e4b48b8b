import { it } from 'vitest';
import { figureWords } from './format';
it('probe', () => { for (const t of (process.env.T ?? '').split('|')) console.log(JSON.stringify(t), JSON.stringify(figureWords(t))); });
