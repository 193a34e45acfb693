import { FormattedMessage, useIntl } from "react-intl";
import { useQuery } from "@apollo/client/react";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { ExportTablesQuery } from "./operations.ts";

/**
 * Project managers download any table as CSV, with a README explaining every column. The column
 * descriptions come from the schema (English, like the column names); the page around them is translated.
 */
export function DataExportsPage() {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(ExportTablesQuery);

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "exports.title" })}</PageHeading>
      <p>
        <FormattedMessage id="exports.intro" />
      </p>
      <p>
        <a className="button" href="/exports/README.md" download>
          <FormattedMessage id="exports.readme" />
        </a>
      </p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading || !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <ul className="export-tables">
          {data.exportTables.map((table) => (
            <li key={table.name}>
              <h2 lang="en" dir="ltr">
                {table.name}
              </h2>
              {table.description && (
                <p lang="en" dir="ltr">
                  {table.description}
                </p>
              )}
              <p>
                <a href={table.downloadPath} download>
                  <FormattedMessage id="exports.download" values={{ table: <bdi lang="en">{table.name}</bdi> }} />
                </a>
              </p>
              <details>
                <summary>
                  <FormattedMessage id="exports.columns" values={{ count: table.columns.length }} />
                </summary>
                <div className="table-scroll" tabIndex={0} role="region" aria-label={intl.formatMessage({ id: "exports.columnsOf" }, { table: table.name })}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">
                          <FormattedMessage id="exports.column" />
                        </th>
                        <th scope="col">
                          <FormattedMessage id="exports.format" />
                        </th>
                        <th scope="col">
                          <FormattedMessage id="exports.meaning" />
                        </th>
                      </tr>
                    </thead>
                    <tbody lang="en" dir="ltr">
                      {table.columns.map((column) => (
                        <tr key={column.name}>
                          <th scope="row">
                            <code>{column.name}</code>
                          </th>
                          <td>{column.format}</td>
                          <td>{column.meaning}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
