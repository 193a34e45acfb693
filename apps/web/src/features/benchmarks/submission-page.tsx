import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { isEditable } from "@citypeer/domain/benchmarks";
import { rawId } from "../../ui/global-id.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { globalId } from "./ids.ts";
import { SubmissionRoundQuery } from "./operations.ts";
import { SubmissionForm } from "./submission-form.tsx";
import { StatusBadge, SubmissionHistory, lastReturn } from "./submission-status.tsx";
import { SubmissionView } from "./submission-view.tsx";
import "./benchmarks.css";

/**
 * A city's self-assessment in one round: the form while it is a draft or returned and the round is open
 * for the city, otherwise the read-only view. Project managers are pointed to the validation queue.
 */
export function SubmissionPage() {
  const intl = useIntl();
  const { roundId = "" } = useParams();
  const { viewer } = useViewer();
  const { data, error, refetch } = useQuery(SubmissionRoundQuery, { variables: { roundId: globalId("BenchmarkRound", roundId) } });
  const [status, setStatus] = useState<ReactNode>();
  const round = data?.benchmarkRound;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (!round)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "rounds.notFound" })}</PageHeading>
        <Link to="/benchmarks">
          <FormattedMessage id="benchmarks.backToList" />
        </Link>
      </>
    );

  const communityPath = `/communities/${rawId(round.community.id)}`;
  const roundPath = `/benchmarks/rounds/${rawId(round.id)}`;
  const isOfficer = !!viewer?.roles.includes("CITY_OFFICER") && !!viewer.organization;
  const isManager = !!viewer?.roles.includes("PROJECT_MANAGER");
  const submission = round.mySubmission;
  const now = Date.now();
  const opened = new Date(round.opensAt).getTime() <= now;
  const openForCity = opened && new Date(round.myDeadline).getTime() > now;
  // only member cities take part in a community's rounds (the API does not check this yet: reported)
  const isMember = round.community.viewerCityIsMember;
  const editable = isOfficer && isMember && openForCity && (!submission || isEditable(submission.status));
  const returned = submission?.status === "RETURNED" ? lastReturn(submission.history) : undefined;
  const cityName = viewer?.organization?.name ?? "";

  return (
    <>
      <p className="breadcrumb">
        <Link to={communityPath}>{round.community.name}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`${communityPath}/benchmarks`}>
          <FormattedMessage id="rounds.title" />
        </Link>
      </p>
      <PageHeading>
        {isOfficer ? intl.formatMessage({ id: "submission.title" }, { round: round.name, city: cityName }) : intl.formatMessage({ id: "submission.titleRound" }, { round: round.name })}
      </PageHeading>
      <dl className="facts facts-inline">
        {isOfficer && (
          <div>
            <dt>
              <FormattedMessage id="submission.status" />
            </dt>
            <dd>
              <StatusBadge status={submission?.status ?? null} />
            </dd>
          </div>
        )}
        <div>
          <dt>
            <FormattedMessage id="rounds.deadline" />
          </dt>
          <dd>
            <time dateTime={round.myDeadline}>{intl.formatDate(round.myDeadline, { dateStyle: "long", timeStyle: "short" })}</time>
            {round.myDeadline !== round.closesAt && (
              <span className="muted">
                {" "}
                <FormattedMessage id="rounds.extended" />
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="framework.version" />
          </dt>
          <dd>
            <Link to={`${communityPath}/framework?version=${round.framework.version}`}>
              <FormattedMessage id="submission.frameworkVersion" values={{ version: round.framework.version }} />
            </Link>
          </dd>
        </div>
      </dl>
      <p className="link-row">
        <Link to={`${roundPath}/results`}>
          <FormattedMessage id="rounds.results" />
        </Link>
        {isManager && (
          <Link to={`${roundPath}/submissions`}>
            <FormattedMessage id="rounds.queue" />
          </Link>
        )}
      </p>
      <StatusMessage>{status}</StatusMessage>

      {returned && (
        <section aria-labelledby="returned-title" className="notice notice-warning returned">
          <h2 id="returned-title">
            <FormattedMessage id="submission.returnedTitle" />
          </h2>
          <p className="muted">
            <FormattedMessage
              id="submission.returnedBy"
              values={{
                actor: <bdi>{returned.actor?.name ?? ""}</bdi>,
                when: <time dateTime={returned.createdAt}>{intl.formatDate(returned.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>,
              }}
            />
          </p>
          <blockquote dir="auto" className="returned-comment">
            {returned.comment}
          </blockquote>
        </section>
      )}

      {isOfficer && !isMember && !submission ? (
        <div className="notice notice-info">
          <p>
            <FormattedMessage id="submission.notMember" />{" "}
            <Link to={communityPath}>{round.community.name}</Link>
          </p>
        </div>
      ) : !isOfficer ? (
        <div className="notice notice-info">
          <p>
            <FormattedMessage id={isManager ? "submission.managerHint" : "submission.officersOnly"} />
          </p>
        </div>
      ) : editable ? (
        <>
          <p>
            <FormattedMessage id="submission.intro" />
          </p>
          <SubmissionForm
            roundId={round.id}
            framework={round.framework}
            submission={submission ?? null}
            reload={async () => (await refetch()).data?.benchmarkRound?.mySubmission ?? null}
            onSubmitted={() => {
              setStatus(<FormattedMessage id="submission.submitted" />);
              // the form gives way to the read-only view: continue from the page's heading
              setTimeout(() => document.querySelector<HTMLElement>("main h1")?.focus());
            }}
          />
        </>
      ) : (
        <>
          <div className="notice notice-info">
            <p>
              <FormattedMessage
                id={
                  submission?.status === "SUBMITTED"
                    ? "submission.readOnlySubmitted"
                    : submission?.status === "VALIDATED"
                      ? "submission.readOnlyValidated"
                      : !opened
                        ? "submission.notOpenYet"
                        : "submission.closed"
                }
                values={{ date: intl.formatDate(round.opensAt, { dateStyle: "long" }) }}
              />
            </p>
          </div>
          <SubmissionView framework={round.framework} submission={submission ?? null} />
        </>
      )}
      {submission && <SubmissionHistory history={submission.history} />}
    </>
  );
}
