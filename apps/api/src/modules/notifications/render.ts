import { createRequire } from "node:module";
import { IntlMessageFormat } from "intl-messageformat";
import { DEFAULT_LOCALE, formattingLocale, isRtl, isSupportedLocale } from "@citypeer/i18n/locales";

const require = createRequire(import.meta.url);
const catalogues = new Map<string, Record<string, string>>();

/** The same react-intl catalogues the web app uses, so e-mails speak the recipient's language. */
function catalogue(locale: string): Record<string, string> {
  const lang = isSupportedLocale(locale) ? locale : DEFAULT_LOCALE;
  let messages = catalogues.get(lang);
  if (!messages) {
    messages = require(`@citypeer/i18n/messages/${lang}.json`) as Record<string, string>;
    catalogues.set(lang, messages);
  }
  return messages;
}

export function translate(locale: string, id: string, values: Record<string, string | number> = {}): string {
  const message = catalogue(locale)[id] ?? catalogue(DEFAULT_LOCALE)[id];
  if (message === undefined) throw new Error(`Missing message ${id}`);
  const lang = isSupportedLocale(locale) ? locale : DEFAULT_LOCALE;
  return String(new IntlMessageFormat(message, formattingLocale(lang)).format(values));
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export type RenderedEmail = { subject: string; text: string; html: string };

/** Plain text plus simple HTML, with the link written out in both, in the recipient's language and direction. */
export function renderEmail(
  locale: string,
  parts: { subject: string; paragraphs: string[]; link?: { label: string; url: string } },
): RenderedEmail {
  const lang = isSupportedLocale(locale) ? locale : DEFAULT_LOCALE;
  const dir = isRtl(lang) ? "rtl" : "ltr";
  const footer = translate(lang, "email.footer");
  const text = [...parts.paragraphs, ...(parts.link ? [`${parts.link.label}: ${parts.link.url}`] : []), "--", footer].join("\n\n");
  const html = [
    `<!doctype html><html lang="${lang}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.5">`,
    ...parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    parts.link ? `<p><a href="${escapeHtml(parts.link.url)}">${escapeHtml(parts.link.label)}</a></p>` : "",
    `<hr><p style="color:#555;font-size:0.9em">${escapeHtml(footer)}</p></body></html>`,
  ].join("\n");
  return { subject: parts.subject, text, html };
}

/** The public address links in e-mails point to. */
export function publicUrl(path: string): string {
  const base = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 4000}`;
  return new URL(path, base).toString();
}
