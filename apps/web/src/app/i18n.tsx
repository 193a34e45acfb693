import { createContext, use, useEffect, useState, type ReactNode } from "react";
import { IntlProvider, type IntlShape } from "react-intl";
import { useMutation, useQuery } from "@apollo/client/react";
import { DEFAULT_LOCALE, formattingLocale, isRtl, isSupportedLocale, matchLocale, type Locale } from "@citypeer/i18n/locales";
import type en from "@citypeer/i18n/messages/en.json";
import { MeQuery, UpdateMyLocaleMutation } from "../features/identity/operations.ts";

export type MessageId = keyof typeof en;
type Messages = Record<MessageId, string>;

// Message ids are checked at compile time against the English catalogue.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}

/** One chunk per language: a reader downloads only the catalogue they use. */
const catalogues = {
  en: () => import("@citypeer/i18n/messages/en.json"),
  de: () => import("@citypeer/i18n/messages/de.json"),
  fr: () => import("@citypeer/i18n/messages/fr.json"),
  it: () => import("@citypeer/i18n/messages/it.json"),
  es: () => import("@citypeer/i18n/messages/es.json"),
  el: () => import("@citypeer/i18n/messages/el.json"),
  bg: () => import("@citypeer/i18n/messages/bg.json"),
  pl: () => import("@citypeer/i18n/messages/pl.json"),
  hr: () => import("@citypeer/i18n/messages/hr.json"),
  sv: () => import("@citypeer/i18n/messages/sv.json"),
  nl: () => import("@citypeer/i18n/messages/nl.json"),
  ro: () => import("@citypeer/i18n/messages/ro.json"),
  ar: () => import("@citypeer/i18n/messages/ar.json"),
  fa: () => import("@citypeer/i18n/messages/fa.json"),
  ps: () => import("@citypeer/i18n/messages/ps.json"),
  ru: () => import("@citypeer/i18n/messages/ru.json"),
  tr: () => import("@citypeer/i18n/messages/tr.json"),
  uk: () => import("@citypeer/i18n/messages/uk.json"),
} satisfies Record<Locale, () => Promise<{ default: Messages }>>;

const STORAGE_KEY = "citypeer.locale";

function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value && isSupportedLocale(value) ? value : undefined;
  } catch {
    return undefined; // storage can be blocked (privacy settings); fall through to the browser language
  }
}

function storeLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered across visits, still applied now
  }
}

type LocaleContextValue = { locale: Locale; setLocale: (locale: Locale) => Promise<void> };
const LocaleContext = createContext<LocaleContextValue | null>(null);

export function useLocale(): LocaleContextValue {
  const value = use(LocaleContext);
  if (!value) throw new Error("useLocale outside I18nProvider");
  return value;
}

/**
 * Picks the language: the signed-in person's saved locale, else the last choice on this device,
 * else the browser's language if we have it, else English. Renders nothing until both the session
 * and the catalogue are known, so no page flashes in the wrong language or direction.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const me = useQuery(MeQuery);
  const viewer = me.data?.me;
  const userLocale = viewer?.locale && isSupportedLocale(viewer.locale) ? viewer.locale : undefined;

  const [chosen, setChosen] = useState<Locale>(() => storedLocale() ?? matchLocale(navigator.languages) ?? DEFAULT_LOCALE);
  // Adopt the account's locale whenever it changes (sign-in, saved elsewhere), during render to avoid a flash.
  const [adopted, setAdopted] = useState<Locale | undefined>(undefined);
  if (userLocale !== adopted) {
    setAdopted(userLocale);
    if (userLocale) setChosen(userLocale);
  }
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Messages }>();
  useEffect(() => {
    let current = true;
    const load = (l: Locale) => catalogues[l]().then((m) => ({ locale: l, messages: m.default }));
    // a chunk that fails to load (deploy in between, flaky network) falls back to English, labelled as English
    load(chosen)
      .catch(() => load(DEFAULT_LOCALE))
      .then((next) => current && setLoaded(next));
    return () => {
      current = false;
    };
  }, [chosen]);

  useEffect(() => {
    if (!loaded) return;
    document.documentElement.lang = loaded.locale;
    document.documentElement.dir = isRtl(loaded.locale) ? "rtl" : "ltr";
    storeLocale(loaded.locale); // so the sign-in page after signing out stays in this language
  }, [loaded]);

  const [updateMyLocale] = useMutation(UpdateMyLocaleMutation);
  /** Applies at once; for a signed-in person also saves it on the account, and reverts if that fails. */
  async function setLocale(next: Locale) {
    setChosen(next);
    if (!viewer) return;
    try {
      const { data } = await updateMyLocale({ variables: { input: { locale: next } } });
      if (data?.updateMyLocale.__typename !== "MutationUpdateMyLocaleSuccess") throw new Error("locale not saved");
    } catch (error) {
      setChosen(userLocale ?? DEFAULT_LOCALE);
      throw error;
    }
  }

  // only the first answer gates rendering; later refetches keep the app on screen
  if (!loaded || (me.loading && !me.data)) return null;
  return (
    <LocaleContext value={{ locale: loaded.locale, setLocale }}>
      <IntlProvider locale={formattingLocale(loaded.locale)} defaultLocale={DEFAULT_LOCALE} messages={loaded.messages}>
        {children}
      </IntlProvider>
    </LocaleContext>
  );
}

/** Text for an error code from the server or a form rule (`error.<code>`), else its English fallback. */
export function errorText(intl: IntlShape, code: string, fallback?: string, values?: Record<string, string | number>): string {
  const id = `error.${code}`;
  if (id in intl.messages) return intl.formatMessage({ id: id as MessageId }, values);
  return fallback ?? intl.formatMessage({ id: "error.unknown" });
}
