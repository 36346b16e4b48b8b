/**
 * Whether the keyboard has ⌘ where others have Ctrl (a Mac, an iPad with a keyboard): a sentence names the key the
 * user presses. The key handlers take either, so this only decides what is said.
 */
export function applePlatform(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /^(Mac|iPhone|iPad|iPod)/.test(platform);
}

/** The undo key as written on the user's keyboard. */
export const undoKeyLabel = (platform?: string): string => (applePlatform(platform) ? '⌘Z' : 'Ctrl+Z');
