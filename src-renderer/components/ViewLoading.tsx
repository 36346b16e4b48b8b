import { useI18n } from '../prefs/PrefsProvider';
import { useLoadingShown } from '../shell/typed-ahead';

/** A view whose code or data is on the way: "正在载入…", and what is typed meanwhile is held for its field (typed-ahead). */
export function ViewLoading() {
  const { t } = useI18n();
  useLoadingShown();
  return <p className="view empty">{t('app.loading')}</p>;
}
