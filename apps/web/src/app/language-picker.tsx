import { useId, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { LOCALE_NAMES, SUPPORTED_LOCALES, isSupportedLocale } from "@citypeer/i18n/locales";
import { errorText, useLocale } from "./i18n.tsx";

/** A native select: keyboard, screen reader and phone pickers work without extra code. */
export function LanguagePicker() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  const [failed, setFailed] = useState(false);
  const id = useId();

  return (
    <div className="language-picker">
      <label htmlFor={id}>
        <FormattedMessage id="header.language" />
      </label>
      <select
        id={id}
        value={locale}
        aria-describedby={failed ? `${id}-error` : undefined}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (!isSupportedLocale(next)) return;
          setFailed(false);
          setLocale(next).catch(() => setFailed(true));
        }}
      >
        {SUPPORTED_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {failed && (
        <p id={`${id}-error`} role="alert" className="header-error">
          {errorText(intl, "unknown")}
        </p>
      )}
    </div>
  );
}
