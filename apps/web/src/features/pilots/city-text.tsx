import type { ElementType, ReactNode } from "react";
import { FormattedMessage } from "react-intl";

/**
 * Text a city wrote, shown exactly as written: marked with its language (screen readers switch voice,
 * browsers hyphenate right) and its own direction, never machine-translated. Line breaks are kept.
 */
export function CityText({ text, lang, as: Tag = "div", emptyText = true }: { text: string; lang: string; as?: ElementType; emptyText?: boolean | ReactNode }) {
  if (!text.trim()) {
    if (emptyText === false) return null;
    return (
      <p className="muted">
        {emptyText === true ? <FormattedMessage id="pilot.notWrittenYet" /> : emptyText}
      </p>
    );
  }
  return (
    <Tag className="city-text" lang={lang} dir="auto">
      {text}
    </Tag>
  );
}
