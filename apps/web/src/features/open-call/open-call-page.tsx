import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { applyPath, editCallPath, nodeId, rankingPath } from "./ids.ts";
import { callStatusLabel, formatDeadline } from "./labels.ts";
import { OpenCallCountsQuery, OpenCallQuery, PublishOpenCallMutation } from "./operations.ts";
import "./open-call.css";

/** `/open-calls/:id` (public): the call as outside cities read it; the project team also manages it from here. */
export function OpenCallPage() {
  const intl = useIntl();
  const id = nodeId("OpenCall", useParams().id ?? "");
  const { data, error, refetch } = useQuery(OpenCallQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  const call = data?.openCall;
  const counts = useQuery(OpenCallCountsQuery, { variables: { id }, skip: !call?.viewerCanManage });
  const [publish, { loading: publishing }] = useMutation(PublishOpenCallMutation);
  const [status, setStatus] = useState<string>();
  const [failure, setFailure] = useState<string>();

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (!call)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "openCall.notFound" })}</PageHeading>
        <p>
          <Link to="/open-calls">
            <FormattedMessage id="openCall.backToCalls" />
          </Link>
        </p>
      </>
    );

  async function onPublish() {
    setStatus(undefined);
    setFailure(undefined);
    try {
      const result = (await publish({ variables: { input: { callId: id } } })).data?.publishOpenCall;
      if (result?.__typename === "MutationPublishOpenCallSuccess") setStatus(intl.formatMessage({ id: "openCall.published" }));
      // publishing with a past deadline shares the code of the applicant's refusal; the manager needs other words
      else if (result?.__typename === "ConflictError")
        setFailure(errorText(intl, result.code === "deadline_passed" ? "publish_deadline_passed" : result.code, result.message));
      else setFailure(errorText(intl, "not_found"));
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  return (
    <>
      <p>
        <Link to="/open-calls">
          <FormattedMessage id="openCall.backToCalls" />
        </Link>
      </p>
      <PageHeading>{call.title}</PageHeading>
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
        {counts.data?.openCall && (
          <div>
            <dt>
              <FormattedMessage id="openCall.applications" />
            </dt>
            <dd>
              <FormattedMessage
                id="openCall.applicationCounts"
                values={{ count: counts.data.openCall.applicationCount, selected: counts.data.openCall.selectedCount }}
              />
            </dd>
          </div>
        )}
      </dl>

      {call.viewerCanManage && (
        <div className="oc-actions">
          {call.status !== "RESULTS_PUBLISHED" && (
            <Link to={editCallPath(call.id)} className="button button-secondary">
              <FormattedMessage id="openCall.edit" />
            </Link>
          )}
          {call.status === "DRAFT" && (
            <button type="button" className="button" disabled={publishing} onClick={() => void onPublish()}>
              <FormattedMessage id="openCall.publish" />
            </button>
          )}
          {call.status !== "DRAFT" && (
            <Link to={rankingPath(call.id)} className="button">
              <FormattedMessage id="openCall.ranking" />
            </Link>
          )}
        </div>
      )}
      <StatusMessage>{status}</StatusMessage>
      {failure && (
        <div role="alert" className="notice notice-error">
          <p>{failure}</p>
        </div>
      )}

      <section className="oc-section" aria-labelledby="call-about">
        <h2 id="call-about">
          <FormattedMessage id="openCall.about" />
        </h2>
        <p className="oc-prose" dir="auto">
          {call.description}
        </p>
      </section>
      {call.eligibility.trim() && (
        <section className="oc-section" aria-labelledby="call-eligibility">
          <h2 id="call-eligibility">
            <FormattedMessage id="openCall.eligibility" />
          </h2>
          <p className="oc-prose" dir="auto">
            {call.eligibility}
          </p>
        </section>
      )}
      <section className="oc-section" aria-labelledby="call-criteria">
        <h2 id="call-criteria">
          <FormattedMessage id="openCall.criteria" />
        </h2>
        <ul>
          {call.criteria.map((c) => (
            <li key={c.id}>
              <strong dir="auto">{c.title}</strong> <FormattedMessage id="openCall.weight" values={{ weight: c.weight }} />
              {c.description && (
                <>
                  <br />
                  <span dir="auto">{c.description}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      {call.isOpen && !call.viewerCanManage && (
        <p>
          <Link to={applyPath(call.id)} className="button">
            <FormattedMessage id="openCall.apply" />
          </Link>
        </p>
      )}
      {!call.isOpen && call.status !== "DRAFT" && (
        <p className="notice notice-info">
          <FormattedMessage id="openCall.closedNotice" />
        </p>
      )}
    </>
  );
}
