import { FormattedMessage, useIntl } from "react-intl";
import { useQuery } from "@apollo/client/react";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { GrantView } from "./grant-view.tsx";
import { MyGrantsQuery } from "./operations.ts";

/** "My grant" for a city officer: the API lists only their city's grant. */
export function MyGrantPage() {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(MyGrantsQuery);
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (loading && !data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  const grant = data?.grants[0];
  if (!grant)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "grants.mine.title" })}</PageHeading>
        <p>
          <FormattedMessage id="grants.mine.empty" />
        </p>
      </>
    );
  return <GrantView id={grant.id} />;
}
