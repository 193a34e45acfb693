import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "@apollo/client/react";
import type { ResultOf } from "../../app/graphql.ts";
import { rawId } from "../../ui/global-id.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { BenchmarkCommunitiesQuery, RoundsQuery } from "./operations.ts";
import { roundState } from "./round-state.ts";
import { StatusBadge } from "./submission-status.tsx";
import "./benchmarks.css";

type Community = ResultOf<typeof BenchmarkCommunitiesQuery>["communities"][number];

/**
 * The way into benchmarking: for a city officer the communities their city belongs to, each round and where
 * their self-assessment stands; for the project team every community, with the validation queues.
 */
export function BenchmarksPage() {
  const intl = useIntl();
  const { viewer } = useViewer();
  const { data, error, refetch } = useQuery(BenchmarkCommunitiesQuery);
  const isOfficer = !!viewer?.roles.includes("CITY_OFFICER");
  const communities = (data?.communities ?? []).filter((c) => c.viewerCanManage || !isOfficer || c.viewerCityIsMember);

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "benchmarks.title" })}</PageHeading>
      <p>
        <FormattedMessage id={isOfficer ? "benchmarks.introOfficer" : "benchmarks.intro"} />
      </p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : communities.length === 0 ? (
        <p>
          <FormattedMessage id="benchmarks.noCommunities" />{" "}
          <Link to="/communities">
            <FormattedMessage id="home.communitiesLink" />
          </Link>
        </p>
      ) : (
        <ul className="card-list card-list-wide">
          {communities.map((community) => (
            <li key={community.id}>
              <CommunityRounds community={community} showMine={isOfficer && community.viewerCityIsMember} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function CommunityRounds({ community, showMine }: { community: Community; showMine: boolean }) {
  const intl = useIntl();
  const { data, error, refetch } = useQuery(RoundsQuery, { variables: { communityId: community.id } });
  const headingId = `benchmarks-${community.id}`;
  const base = `/communities/${rawId(community.id)}`;

  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId} dir="auto">
        <Link to={`${base}/benchmarks`}>{community.name}</Link>
      </h2>
      <p>
        <Link to={`${base}/framework`}>
          <FormattedMessage id="community.frameworkLink" />
        </Link>
      </p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <p className="muted">
          <FormattedMessage id="app.loading" />
        </p>
      ) : data.benchmarkRounds.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="rounds.empty" />
        </p>
      ) : (
        <ul className="round-list">
          {data.benchmarkRounds.map((round) => {
            const path = `/benchmarks/rounds/${rawId(round.id)}`;
            const state = roundState(round);
            return (
              <li key={round.id}>
                <p className="round-name">
                  <span dir="auto">{round.name}</span>{" "}
                  <span className={`status status-round-${state.toLowerCase()}`}>
                    <FormattedMessage id={`roundState.${state}`} />
                  </span>
                </p>
                <p className="muted">
                  <FormattedMessage id="rounds.deadlineOn" values={{ date: intl.formatDate(round.myDeadline, { dateStyle: "medium" }) }} />
                </p>
                {showMine && (
                  <p>
                    <StatusBadge status={round.mySubmission?.status ?? null} />
                  </p>
                )}
                <p className="link-row">
                  {showMine && (
                    <Link to={path}>
                      <FormattedMessage id="rounds.selfAssessment" values={{ round: round.name, hidden: (c) => <span className="visually-hidden">{c}</span> }} />
                    </Link>
                  )}
                  {community.viewerCanManage && (
                    <Link to={`${path}/submissions`}>
                      <FormattedMessage id="rounds.queueOf" values={{ round: round.name, hidden: (c) => <span className="visually-hidden">{c}</span> }} />
                    </Link>
                  )}
                  <Link to={`${path}/results`}>
                    <FormattedMessage id="rounds.resultsOf" values={{ round: round.name, hidden: (c) => <span className="visually-hidden">{c}</span> }} />
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}
