import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { rawId } from "../../ui/global-id.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { callPath } from "./ids.ts";
import { cityLabel, formatDeadline, languageName, outcomeLabel } from "./labels.ts";
import { MyCallApplicationsQuery } from "./operations.ts";
import "./open-call.css";

/**
 * `/open-calls/:id/my-application`: the applicant city's application to this call and, once the project team has
 * published the results, whether it was selected (the results notification links here).
 */
export function MyApplicationPage() {
  const intl = useIntl();
  const callParam = useParams().id ?? "";
  const { data, error, refetch } = useQuery(MyCallApplicationsQuery, { fetchPolicy: "cache-and-network" });

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  const application = data.myCallApplications.find((a) => rawId(a.call.id) === rawId(callParam));
  if (!application)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "myApplication.title" })}</PageHeading>
        <p>
          <FormattedMessage id="myApplication.none" />
        </p>
        <Link to="/open-calls">
          <FormattedMessage id="openCall.backToCalls" />
        </Link>
      </>
    );
  const { call } = application;

  return (
    <div className="narrow">
      <p>
        <Link to={callPath(call.id)}>
          <FormattedMessage id="apply.backToCall" />
        </Link>
      </p>
      <PageHeading>{intl.formatMessage({ id: "myApplication.title" })}</PageHeading>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="myApplication.call" />
          </dt>
          <dd dir="auto">{call.title}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="apply.cityName" />
          </dt>
          <dd>
            <bdi>{cityLabel(application.city)}</bdi>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="apply.theme" />
          </dt>
          <dd>
            <bdi>{application.theme.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="apply.workingLanguages" />
          </dt>
          <dd>{intl.formatList(application.workingLanguages.map((l) => languageName(intl, l)))}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="myApplication.submitted" />
          </dt>
          <dd>
            <time dateTime={application.submittedAt}>{intl.formatDate(application.submittedAt, { dateStyle: "long", timeStyle: "short" })}</time>
          </dd>
        </div>
      </dl>
      <section className="oc-panel" aria-labelledby="my-result">
        <h2 id="my-result">
          <FormattedMessage id="myApplication.result" />
        </h2>
        {application.outcome ? (
          <p>
            <span className={`status ${application.outcome === "SELECTED" ? "oc-status-selected" : "oc-status-rejected"}`}>
              {outcomeLabel(intl, application.outcome)}
            </span>{" "}
            <FormattedMessage id={application.outcome === "SELECTED" ? "myApplication.selectedText" : "myApplication.notSelectedText"} />
          </p>
        ) : (
          <p>
            <FormattedMessage id="myApplication.pending" values={{ deadline: formatDeadline(intl, call.deadline) }} />
          </p>
        )}
        {application.outcome === "SELECTED" && (
          <p>
            <Link to="/mentoring">
              <FormattedMessage id="myApplication.toMentoring" />
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
