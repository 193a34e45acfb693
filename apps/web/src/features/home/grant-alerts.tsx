import { useIntl } from "react-intl";
import { categoryLabel } from "../grants/labels.ts";
import { Flag } from "./flag.tsx";

type Alert = { kind: "REPORT_OVERDUE" | "CATEGORY_OVERRUN"; count: number | null; category: Parameters<typeof categoryLabel>[1] | null };

/** A grant's alerts as sentences with a warning icon: overdue reports, and the categories overrun (grouped). */
export function GrantAlerts({ alerts }: { alerts: readonly Alert[] }) {
  const intl = useIntl();
  const overdue = alerts.find((a) => a.kind === "REPORT_OVERDUE")?.count ?? 0;
  const overrun = alerts.flatMap((a) => (a.kind === "CATEGORY_OVERRUN" && a.category ? [categoryLabel(intl, a.category)] : []));
  if (overdue === 0 && overrun.length === 0) return null;
  return (
    <ul className="flag-list">
      {overdue > 0 && (
        <li>
          <Flag tone="warning">{intl.formatMessage({ id: "grants.alert.overdue" }, { count: overdue })}</Flag>
        </li>
      )}
      {overrun.length > 0 && (
        <li>
          <Flag tone="warning">{intl.formatMessage({ id: "grants.alert.overrun" }, { categories: intl.formatList(overrun) })}</Flag>
        </li>
      )}
    </ul>
  );
}
