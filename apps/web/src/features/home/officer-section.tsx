import { useIntl } from "react-intl";
import { DashboardPart, DashboardSection } from "./dashboard-section.tsx";
import { DueList } from "./due-list.tsx";
import { GrantPanel } from "./grant-panel.tsx";
import type { OfficerDashboard } from "./operations.ts";
import { ScoresPanel } from "./scores-panel.tsx";

/** A city officer's part: what is due, the city's grant, and its scores against the community median. */
export function OfficerSection({ officer, city }: { officer: OfficerDashboard; city: string }) {
  const intl = useIntl();
  return (
    <DashboardSection title={intl.formatMessage({ id: "dashboard.officer.title" }, { city })}>
      <DashboardPart title={intl.formatMessage({ id: "dashboard.due.title" })}>
        <DueList items={officer.due} />
      </DashboardPart>
      <GrantPanel grant={officer.grant} />
      <ScoresPanel scores={officer.scores} city={city} />
    </DashboardSection>
  );
}
