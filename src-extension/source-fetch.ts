import { DEFAULT_LIMITS, httpFetcher, type FetchFile, type FetchLimits } from '../src-shared/bundle/fetch-file';

export type { FetchFile } from '../src-shared/bundle/fetch-file';

/** The extension can only reach a site the user let it: the advice says so. */
const CHECK_SOURCE = {
  zh: '请检查设置里的更新源地址、网络，以及是否已允许扩展访问该网站（再按一次“保存”会重新询问）。',
  en: 'Check the update source in the settings, the network, and that the extension may access that site (Save again to be asked).',
};

export function sourceFetcher(source: string, limits: FetchLimits = DEFAULT_LIMITS, fetchImpl: typeof fetch = fetch): FetchFile {
  return httpFetcher(source, { limits, action: CHECK_SOURCE, fetchImpl });
}
