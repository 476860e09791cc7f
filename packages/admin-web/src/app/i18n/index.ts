import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

/** The console's languages; the first is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
/** One language. */
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'oms.console.language';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen earlier on this browser, else Chinese. */
export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : LANGUAGES[0];
  } catch {
    return LANGUAGES[0];
  }
}

/** A ready i18next instance (resources are bundled, so it is initialised synchronously). */
export function createI18n(language: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: LANGUAGES[0],
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** Switches the language, remembers it on this browser and updates `<html lang>`. */
export async function switchLanguage(instance: I18n, language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this tab only.
  }
  await instance.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The language an instance currently uses, narrowed to ours. */
export function currentLanguage(instance: I18n): Language {
  return isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : LANGUAGES[0];
}
