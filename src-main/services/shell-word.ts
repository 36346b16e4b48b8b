/** A path as one shell word, to paste as is (macOS's default folder has a space: Application Support). */
export function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/u.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
