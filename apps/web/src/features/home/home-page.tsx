import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useViewer } from "../identity/use-viewer.ts";

/** Placeholder start page until the dashboard exists: who you are, and where to go. */
export function HomePage() {
  const intl = useIntl();
  const { viewer } = useViewer();
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
      <p>
        <Link to="/communities" className="button">
          <FormattedMessage id="home.communitiesLink" />
        </Link>
      </p>
    </>
  );
}
