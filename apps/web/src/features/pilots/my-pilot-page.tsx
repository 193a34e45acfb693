import { FormattedMessage, useIntl } from "react-intl";
import { Link, Navigate, useNavigation } from "react-router";
import { useQuery } from "@apollo/client/react";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { pilotPath } from "../reviews/route-id.ts";
import { MyPilotQuery } from "./operations.ts";

/** `/pilots/mine`: "My pilot" in the menu leads to the officer's city's pilot page. */
export function MyPilotPage() {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(MyPilotQuery, { fetchPolicy: "cache-and-network" });
  // a link followed while this page was still loading wins over the redirect
  const isLeaving = useNavigation().state !== "idle";
  if (data?.myPilot && !isLeaving) return <Navigate to={pilotPath(data.myPilot.id)} replace />;
  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "pilots.mine" })}</PageHeading>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <p>
          <FormattedMessage id="pilots.noPilotOfMine" />{" "}
          <Link to="/pilots">
            <FormattedMessage id="pilots.seeAll" />
          </Link>
        </p>
      )}
    </>
  );
}
