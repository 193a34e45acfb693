import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "@apollo/client/react";
import type { ResultOf } from "../../app/graphql.ts";
import { rawId } from "../../ui/global-id.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { CommunitiesQuery } from "./operations.ts";

type Community = ResultOf<typeof CommunitiesQuery>["communities"][number];
type City = Community["memberCities"][number];

/** Cities are known by their city name; networks only have an organisation name. */
const cityLabel = (org: City) => org.cityName ?? org.name;

export function CommunitiesPage() {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(CommunitiesQuery);

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "communities.title" })}</PageHeading>
      <p>
        <FormattedMessage id="communities.intro" />
      </p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading || !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : data.communities.length === 0 ? (
        <p>
          <FormattedMessage id="communities.empty" />
        </p>
      ) : (
        <>
          <p className="muted">
            <FormattedMessage id="communities.count" values={{ count: data.communities.length }} />
          </p>
          <ul className="card-list">
            {data.communities.map((community) => (
              <li key={community.id}>
                <CommunityCard community={community} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function CommunityCard({ community }: { community: Community }) {
  const intl = useIntl();
  const headingId = `community-${community.id}`;
  const collator = new Intl.Collator(intl.locale);
  const members = [...community.memberCities].sort((a, b) => collator.compare(cityLabel(a), cityLabel(b)));
  return (
    <article className="card" aria-labelledby={headingId}>
      {/* entered content keeps its own direction (dir=auto): English text in an Arabic page stays readable */}
      <h2 id={headingId} dir="auto">
        <Link to={`/communities/${rawId(community.id)}`}>{community.name}</Link>
      </h2>
      <p className="badge">
        <span className="visually-hidden">
          <FormattedMessage id="communities.theme" />:{" "}
        </span>
        <FormattedMessage id={`theme.${community.theme}`} />
      </p>
      <p dir="auto">{community.description}</p>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="communities.leadCity" />
          </dt>
          <dd>{community.leadCity ? <bdi>{cityLabel(community.leadCity)}</bdi> : intl.formatMessage({ id: "communities.noLeadCity" })}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="communities.memberCities" values={{ count: community.memberCities.length }} />
          </dt>
          <dd>
            <ul className="tag-list">
              {members.map((city) => (
                <li key={city.id} dir="auto">
                  {cityLabel(city)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </article>
  );
}
