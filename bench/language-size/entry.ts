// Everything search knows about language, bundled alone so the bench can say what that knowledge adds
// to the extension (issue 16: at most 150 KB gzipped). fuse.js comes with it: spelling uses it.
export * as clauses from '../../src-shared/search/language/clauses';
export * as concepts from '../../src-shared/search/language/concepts';
export * as dialect from '../../src-shared/search/language/dialect';
export * as english from '../../src-shared/search/language/english';
export * as reader from '../../src-shared/search/language/reader';
export * as scope from '../../src-shared/search/language/scope';
export * as tones from '../../src-shared/search/language/tones';
export * as pinyin from '../../src-shared/search/pinyin';
export * as spell from '../../src-shared/search/spell';
export * as fold from '../../src-shared/search/fold';
export * as text from '../../src-shared/search/text';
