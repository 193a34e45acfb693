import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "@apollo/client/react";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { applyPath, callPath, myApplicationPath } from "./ids.ts";
import { callStatusLabel, formatDeadline } from "./labels.ts";
import { MyCallApplicationsQuery, OpenCallsQuery } from "./operations.ts";
import "./open-call.css";

/** `/open-calls` (public): the calls outside cities can apply to; the project team also sees drafts and creates calls. */
export function OpenCallsPage() {
  const intl = useIntl();
  const { viewer } = useViewer();
  const isManager = !!viewer?.roles.includes("PROJECT_MANAGER");
  const { data, error, refetch } = useQuery(OpenCallsQuery, { fetchPolicy: "cache-and-network" });
  const mine = useQuery(MyCallApplicationsQuery, { skip: !viewer || isManager });
  const appliedTo = new Set((mine.data?.myCallApplications ?? []).map((a) => a.call.id));

  return (
    <>
      <div className="page-header">
        <PageHeading>{intl.formatMessage({ id: "openCalls.title" })}</PageHeading>
        {isManager && (
          <Link to="/open-calls/new" className="button">
            <FormattedMessage id="openCalls.create" />
          </Link>
        )}
      </div>
      <p>
        <FormattedMessage id="openCalls.intro" />
      </p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : data.openCalls.length === 0 ? (
        <p>
          <FormattedMessage id="openCalls.empty" />
        </p>
      ) : (
        <ul className="card-list">
          {data.openCalls.map((call) => {
            const headingId = `call-${call.id}`;
            return (
              <li key={call.id}>
                <article className="card" aria-labelledby={headingId}>
                  <h2 id={headingId} className="card-title">
                    <Link to={callPath(call.id)} dir="auto">
                      {call.title}
                    </Link>
                  </h2>
                  <p>
                    <span className="status">{callStatusLabel(intl, call.status)}</span>{" "}
                    {call.isOpen && (
                      <span className="status status-active">
                        <FormattedMessage id="openCall.acceptingApplications" />
                      </span>
                    )}
                  </p>
                  <dl className="facts">
                    <div>
                      <dt>
                        <FormattedMessage id="openCall.deadline" />
                      </dt>
                      <dd>
                        <time dateTime={call.deadline}>{formatDeadline(intl, call.deadline)}</time>
                      </dd>
                    </div>
                    <div>
                      <dt>
                        <FormattedMessage id="openCall.places" />
                      </dt>
                      <dd>{intl.formatNumber(call.places)}</dd>
                    </div>
                    <div>
                      <dt>
                        <FormattedMessage id="openCall.themes" />
                      </dt>
                      <dd>{intl.formatList(call.themes.map((t) => t.name))}</dd>
                    </div>
                  </dl>
                  {appliedTo.has(call.id) ? (
                    <Link to={myApplicationPath(call.id)}>
                      <FormattedMessage id="openCall.myApplicationLink" values={{ title: call.title }} />
                    </Link>
                  ) : (
                    call.isOpen &&
                    !isManager && (
                      <Link to={applyPath(call.id)}>
                        <FormattedMessage id="openCall.applyLink" values={{ title: call.title, hidden: (c) => <span className="visually-hidden">{c}</span> }} />
                      </Link>
                    )
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
