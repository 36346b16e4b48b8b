import { isPinyin } from '../pinyin';

/**
 * Pinyin typed with tones reads as toneless pinyin: marks (`chá huà fèi`, `lǜ`) are dropped, ü is
 * written v as in the syllable table, and a tone number after each syllable (`cha2hua4fei4`,
 * `cha2 hua4 fei4`) is dropped when every piece before a number is a syllable. Anything else
 * (`zd202610`, `5g`, `bgyetx30`) is left as typed.
 */
export function foldTones(folded: string): string {
  if (!/[\u0300-\u036f\u00fc1-5]/.test(folded.normalize('NFD'))) return folded;
  const marksGone = folded
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  return marksGone.replace(/[a-z]+[1-5](?:[a-z]+[1-5])*[a-z]*/g, (word) => {
    const pieces = word.split(/[1-5]/).filter(Boolean);
    return pieces.every(isPinyin) ? pieces.join(' ') : word;
  });
}
