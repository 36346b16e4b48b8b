/**
 * The rules' patterns are compiled once with the `g` flag and reused; these walk them with
 * `lastIndex` instead of `matchAll`, which clones the RegExp on every call (measurably slower).
 * A pattern each of whose branches holds plain words outside any group (`已为您` of
 * `…已为您(?:开通|办理)`) cannot match a text that has none of them: such texts are not searched.
 */
export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  if (!mayMatch(re, text)) return null;
  re.lastIndex = 0;
  return re.exec(text);
}

export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (!mayMatch(re, text)) return out;
  re.lastIndex = 0;
  // A pattern compiled without `g` (one anchored at the start) has one match at most: exec would find it forever.
  if (!re.global) {
    const m = re.exec(text);
    return m ? [m] : out;
  }
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const required = new WeakMap<RegExp, string[] | null>();

function mayMatch(re: RegExp, text: string): boolean {
  let words = required.get(re);
  if (words === undefined) {
    words = requiredWords(re);
    required.set(re, words);
  }
  return words === null || words.some((w) => text.includes(w));
}

const SPECIAL = '\\^$.|?*+()[]{}';
const QUANTIFIER = '?*+{';

/**
 * Words one of which every match holds: per top-level branch, its longest run of plain characters
 * outside groups, classes and quantifiers. Null when a branch has none, or the case is ignored.
 */
export function requiredWords(re: RegExp): string[] | null {
  if (re.flags.includes('i')) return null;
  const s = re.source;
  const words: string[] = [];
  let best = '';
  let run = '';
  let depth = 0;
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  const branchEnds = (): boolean => {
    end();
    if (best === '') return false;
    words.push(best);
    best = '';
    return true;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      // An escaped sign (\*, \.) is that sign, a plain character; a class (\d, \s, \p{…}) is none.
      const sign = s[i + 1];
      const after = s[i + 2];
      if (depth === 0 && sign !== undefined && !/[\p{L}\p{N}]/u.test(sign) && !(after !== undefined && QUANTIFIER.includes(after))) run += sign;
      else end();
      i++;
      continue;
    }
    if (c === '[') {
      end();
      for (i++; i < s.length && s[i] !== ']'; i++) if (s[i] === '\\') i++;
      continue;
    }
    if (c === '{') {
      end();
      while (i < s.length && s[i] !== '}') i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      if (!branchEnds()) return null;
      continue;
    }
    const next = s[i + 1];
    if (depth > 0 || SPECIAL.includes(c) || (next !== undefined && QUANTIFIER.includes(next))) {
      end();
      continue;
    }
    run += c;
  }
  return branchEnds() ? words : null;
}
