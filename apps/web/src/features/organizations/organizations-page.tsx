import { FormattedMessage, useIntl } from "react-intl";
import { useQuery } from "@apollo/client/react";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { OrganizationsQuery } from "./operations.ts";

/** A code's display name, or the code itself where the browser has no name for it (`of` throws on malformed codes). */
function displayName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The partnership at a glance: who is in it, where, and in which languages they work. */
export function OrganizationsPage() {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(OrganizationsQuery);
  // country and language codes in the reader's language, from the browser's own CLDR data
  const regions = new Intl.DisplayNames([intl.locale], { type: "region" });
  const languages = new Intl.DisplayNames([intl.locale], { type: "language" });
  const title = intl.formatMessage({ id: "organizations.title" });

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading || !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="organizations-caption" tabIndex={0}>
          <table>
            <caption id="organizations-caption">
              <FormattedMessage id="organizations.count" values={{ count: data.organizations.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="organizations.name" />
                </th>
                <th scope="col">
                  <FormattedMessage id="organizations.kind" />
                </th>
                <th scope="col">
                  <FormattedMessage id="organizations.country" />
                </th>
                <th scope="col">
                  <FormattedMessage id="organizations.languages" />
                </th>
              </tr>
            </thead>
            <tbody>
              {data.organizations.map((org) => (
                <tr key={org.id}>
                  <th scope="row" dir="auto">
                    {org.name}
                  </th>
                  <td>
                    <FormattedMessage id={`orgKind.${org.kind}`} />
                  </td>
                  <td>{displayName(regions, org.country)}</td>
                  <td>{intl.formatList(org.languages.map((l) => displayName(languages, l)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
