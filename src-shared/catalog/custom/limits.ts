/**
 * Room for the most entries a file may hold, each at its longest (about 5 KB with 500-character
 * notes in three languages), so whatever this app exports it can import; small enough that a
 * wrong file is refused before it is parsed. The stored list is held to it too (storableCustomFile),
 * so no export is longer: the API's `custom.import` and browser mode's frame limit are sized from it.
 * Alone in this module so that the API contract, which every page loads at start-up, takes the number
 * without the file reader and its checks (perf25: 6.8 KB of the start-up chunk).
 */
export const MAX_CUSTOM_FILE_BYTES = 4 * 1024 * 1024;
