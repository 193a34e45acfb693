import { useId } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import type { ResultOf } from "../../app/graphql.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { formatDayRange } from "../reviews/dates.ts";
import { pilotPath } from "../reviews/route-id.ts";
import "../reviews/reviews.css";
import { cityLabel, languageName, pilotStatusLabel } from "./labels.ts";
import { PilotsQuery } from "./operations.ts";

type PilotRow = ResultOf<typeof PilotsQuery>["pilots"][number];

/** `/pilots`: every city's pilot, by community; the community filter lives in the address. */
export function PilotsPage() {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const communityId = params.get("community") || null;
  const { data, previousData, error, loading, refetch } = useQuery(PilotsQuery, { variables: { communityId }, fetchPolicy: "cache-and-network" });
  const shown = data ?? previousData;
  const filterId = useId();
  const collator = new Intl.Collator(intl.locale);
  const pilots = [...(shown?.pilots ?? [])].sort((a, b) => collator.compare(cityLabel(a.organization), cityLabel(b.organization)));

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "pilots.title" })}</PageHeading>
      <p>
        <FormattedMessage id="pilots.intro" />
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={filterId} className="field-label">
            <FormattedMessage id="pilots.filterCommunity" />
          </label>
          <select
            id={filterId}
            className="select-wide"
            value={communityId ?? ""}
            onChange={(e) => setParams(e.currentTarget.value ? { community: e.currentTarget.value } : {})}
          >
            <option value="">{intl.formatMessage({ id: "pilots.allCommunities" })}</option>
            {(shown?.communities ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !shown ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {loading ? <FormattedMessage id="app.loading" /> : <FormattedMessage id="pilots.count" values={{ count: pilots.length }} />}
          </p>
          {pilots.length === 0 ? (
            <p>
              <FormattedMessage id="pilots.empty" />
            </p>
          ) : (
            <ul className="card-list">
              {pilots.map((p) => (
                <li key={p.id}>
                  <PilotCard pilot={p} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function PilotCard({ pilot }: { pilot: PilotRow }) {
  const intl = useIntl();
  const headingId = `pilot-${pilot.id}`;
  const nextReview = pilot.reviews.find((r) => r.status === "SCHEDULED" || r.status === "IN_PROGRESS");
  return (
    <article className="card" aria-labelledby={headingId}>
      <p className="card-kicker">
        <bdi>{cityLabel(pilot.organization)}</bdi>
      </p>
      <h2 id={headingId} className="card-title">
        <Link to={pilotPath(pilot.id)} lang={pilot.contentLanguage} dir="auto">
          {pilot.title}
        </Link>
      </h2>
      <p>
        <span className={`status pilot-status-${pilot.status.toLowerCase()}`}>{pilotStatusLabel(intl, pilot.status)}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="pilot.community" />
          </dt>
          <dd>
            <bdi>{pilot.community.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="pilot.contentLanguage" />
          </dt>
          <dd>{languageName(intl, pilot.contentLanguage)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="pilots.nextReview" />
          </dt>
          <dd>{nextReview ? formatDayRange(intl, nextReview.startsOn, nextReview.endsOn) : intl.formatMessage({ id: "pilots.noReviewScheduled" })}</dd>
        </div>
      </dl>
    </article>
  );
}
