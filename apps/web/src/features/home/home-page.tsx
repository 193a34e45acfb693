import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "@apollo/client/react";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { DashboardSection, EmptyState } from "./dashboard-section.tsx";
import { ManagerSection } from "./manager-section.tsx";
import { MentorSection } from "./mentor-section.tsx";
import { OfficerSection } from "./officer-section.tsx";
import { DashboardQuery, type Dashboard } from "./operations.ts";
import { ReviewerSection } from "./reviewer-section.tsx";
import "./dashboard.css";

/** The start page: one section per role of the viewer, from one request. */
export function HomePage() {
  const intl = useIntl();
  const { viewer } = useViewer();
  // fresh on every visit (what is due changes elsewhere), the cached copy shown meanwhile
  const { data, error, refetch } = useQuery(DashboardQuery, { fetchPolicy: "cache-and-network" });
  if (!viewer) return null; // RequireSession renders this page only with a viewer
  const organization = viewer.organization?.name;

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "home.title" }, { name: viewer.name })}</PageHeading>
      <p>
        <FormattedMessage id="home.intro" />
      </p>
      <ul className="facts">
        <li>
          <FormattedMessage
            id="home.roles"
            values={{ roles: intl.formatList(viewer.roles.map((role) => intl.formatMessage({ id: `role.${role}` }))) }}
          />
        </li>
        {organization && (
          <li>
            <FormattedMessage id="home.organization" values={{ organization: <bdi>{organization}</bdi> }} />
          </li>
        )}
      </ul>
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <Sections dashboard={data.dashboard} city={organization ?? ""} isAdmin={viewer.roles.includes("ADMIN")} />
      )}
      <p>
        <Link to="/communities" className="button button-secondary">
          <FormattedMessage id="home.communitiesLink" />
        </Link>
      </p>
    </>
  );
}

function Sections({ dashboard, city, isAdmin }: { dashboard: Dashboard; city: string; isAdmin: boolean }) {
  const intl = useIntl();
  const { officer, reviewer, manager, mentor } = dashboard;
  const none = !officer && !reviewer && !manager && !mentor;
  return (
    <>
      {officer && <OfficerSection officer={officer} city={city} />}
      {manager && <ManagerSection manager={manager} />}
      {reviewer && <ReviewerSection reviewer={reviewer} />}
      {mentor && <MentorSection mentor={mentor} />}
      {isAdmin && (
        <DashboardSection title={intl.formatMessage({ id: "dashboard.admin.title" })}>
          <EmptyState
            action={
              <Link to="/admin/users">
                <FormattedMessage id="dashboard.admin.usersLink" />
              </Link>
            }
          >
            <FormattedMessage id="dashboard.admin.text" />
          </EmptyState>
        </DashboardSection>
      )}
      {none && !isAdmin && (
        <p>
          <FormattedMessage id="dashboard.nothing" />
        </p>
      )}
    </>
  );
}
