import { builtinCatalog } from '../src-shared/catalog/builtin';
import { CatalogSession } from './catalog-session';
import { browserLang, isLang, LANG_KEY, t } from './i18n';
import { desktopSettingsSection } from './settings-desktop';
import { settingsView } from './view-settings';

/** The options page (`options_ui`): the same settings as the popup's ⚙ view, and the desktop app's. */
const [stored, session] = await Promise.all([chrome.storage.local.get([LANG_KEY]), CatalogSession.open(chrome.storage.local, builtinCatalog())]);
const chosen = stored[LANG_KEY];
const lang = isLang(chosen) ? chosen : browserLang([chrome.i18n.getUILanguage(), ...navigator.languages]);
document.documentElement.lang = lang;
document.title = t(lang, 'settingsTitle');
const view = settingsView(lang, session);
view.append(desktopSettingsSection(lang));
document.body.replaceChildren(view);
