import { useEffect, useRef } from "react";
import { useIntl } from "react-intl";
import { useLocation } from "react-router";

/**
 * The page's h1, which also titles the browser tab. After client-side navigation it takes focus,
 * so screen readers announce the new page (on the first load the reader starts at the top anyway).
 */
export function PageHeading({ children }: { children: string }) {
  const intl = useIntl();
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    document.title = intl.formatMessage({ id: "app.pageTitle" }, { page: children });
  }, [intl, children]);

  useEffect(() => {
    if (key !== "default") ref.current?.focus(); // "default" is the location the page was loaded at
  }, [key]);

  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
