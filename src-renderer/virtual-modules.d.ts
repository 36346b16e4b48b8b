/** The built-in catalog's prebuilt search index, in base64 (scripts/search-index-plugin.ts). */
declare module 'virtual:search-index' {
  const base64: string;
  export default base64;
}
