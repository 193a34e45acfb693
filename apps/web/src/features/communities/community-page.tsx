import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { errorCode } from "../../ui/error-code.ts";
import { rawId } from "../../ui/global-id.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { globalId } from "../benchmarks/ids.ts";
import { useViewer } from "../identity/use-viewer.ts";
import { MembershipRequests, AddResourceDialog, AddSessionDialog } from "./community-manager.tsx";
import { ResourceList } from "./resource-list.tsx";
import { SessionList } from "./session-list.tsx";
import { CommunityPageQuery, RequestMembershipMutation } from "./operations.ts";
import "../benchmarks/benchmarks.css";
import "./communities.css";

export type CommunityDetail = NonNullable<ResultOf<typeof CommunityPageQuery>["community"]>;
type City = { name: string; cityName?: string | null };

/** Cities are known by their city name; networks only have an organisation name. */
export const cityLabel = (org: City) => org.cityName ?? org.name;

/**
 * One community of practice: who takes part and how to reach them, its sessions and shared resources,
 * the way in for a city that is not a member yet, and the project team's tools to run it.
 */
export function CommunityPage() {
  const intl = useIntl();
  const { communityId = "" } = useParams();
  const { data, error, refetch } = useQuery(CommunityPageQuery, {
    variables: { id: globalId("Community", communityId) },
    // file links are signed for five minutes: refresh them while the page stays open
    pollInterval: 240_000,
  });
  const community = data?.community;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (!community)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "community.notFound" })}</PageHeading>
        <p>
          <Link to="/communities">
            <FormattedMessage id="community.backToList" />
          </Link>
        </p>
      </>
    );
  return <CommunityDetails community={community} />;
}

function CommunityDetails({ community }: { community: CommunityDetail }) {
  const intl = useIntl();
  const { viewer } = useViewer();
  const [status, setStatus] = useState<ReactNode>();
  const isOfficer = !!viewer?.roles.includes("CITY_OFFICER") && !!viewer.organization;
  const collator = new Intl.Collator(intl.locale);
  const members = [...community.memberCities].sort((a, b) => collator.compare(cityLabel(a), cityLabel(b)));
  const base = `/communities/${rawId(community.id)}`;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/communities">
          <FormattedMessage id="communities.title" />
        </Link>
      </p>
      <PageHeading>{community.name}</PageHeading>
      <p className="badge">
        <span className="visually-hidden">
          <FormattedMessage id="communities.theme" />:{" "}
        </span>
        <FormattedMessage id={`theme.${community.theme}`} />
      </p>
      <p dir="auto" className="lead">
        {community.description}
      </p>

      <nav aria-label={intl.formatMessage({ id: "community.benchmarksNav" })} className="link-row">
        <Link to={`${base}/framework`} className="button button-secondary">
          <FormattedMessage id="community.frameworkLink" />
        </Link>
        <Link to={`${base}/benchmarks`} className="button button-secondary">
          <FormattedMessage id="community.roundsLink" />
        </Link>
      </nav>

      <StatusMessage>{status}</StatusMessage>
      {isOfficer && !community.viewerCityIsMember && (
        <JoinRequest community={community} cityName={viewer?.organization?.name ?? ""} onRequested={() => setStatus(<FormattedMessage id="community.joinRequested" />)} />
      )}

      <div className="community-grid">
        <section aria-labelledby="community-people">
          <h2 id="community-people">
            <FormattedMessage id="community.people" />
          </h2>
          <dl className="facts">
            <div>
              <dt>
                <FormattedMessage id="communities.leadCity" />
              </dt>
              <dd>{community.leadCity ? <bdi>{cityLabel(community.leadCity)}</bdi> : intl.formatMessage({ id: "communities.noLeadCity" })}</dd>
            </div>
            <div>
              <dt>
                <FormattedMessage id="community.coordinators" />
              </dt>
              <dd>
                {community.coordinators.length === 0 ? (
                  <FormattedMessage id="community.noCoordinators" />
                ) : (
                  <ul className="plain-list">
                    {community.coordinators.map((person) => (
                      <li key={person.id}>
                        <bdi>{person.name}</bdi>
                        {person.organization && (
                          <span className="muted">
                            {" "}
                            (<bdi>{person.organization.name}</bdi>)
                          </span>
                        )}
                        {" · "}
                        <a href={`mailto:${person.email}`}>
                          <bdi>{person.email}</bdi>
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="community-members">
          <h2 id="community-members">
            <FormattedMessage id="communities.memberCities" values={{ count: members.length }} />
          </h2>
          {members.length === 0 ? (
            <p>
              <FormattedMessage id="community.noMembers" />
            </p>
          ) : (
            <ul className="member-list">
              {members.map((city) => (
                <li key={city.id}>
                  <p className="member-name">
                    <bdi>{cityLabel(city)}</bdi>
                    {city.cityName && city.cityName !== city.name && (
                      <span className="muted">
                        {" "}
                        (<bdi>{city.name}</bdi>)
                      </span>
                    )}
                  </p>
                  {city.contacts.length === 0 ? (
                    <p className="muted">
                      <FormattedMessage id="community.noContacts" />
                    </p>
                  ) : (
                    <ul className="plain-list" aria-label={intl.formatMessage({ id: "community.contactsOf" }, { city: cityLabel(city) })}>
                      {city.contacts.map((person) => (
                        <li key={person.id}>
                          <bdi>{person.name}</bdi>
                          {" · "}
                          <a href={`mailto:${person.email}`}>
                            <bdi>{person.email}</bdi>
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {community.viewerCanManage && community.membershipRequests && (
        <MembershipRequests community={community} onDecided={(message) => setStatus(message)} />
      )}

      <section aria-labelledby="community-sessions">
        <div className="section-header">
          <h2 id="community-sessions">
            <FormattedMessage id="community.sessions" />
          </h2>
          <div className="link-row">
            <a href={community.icsUrl} download className="button button-small button-secondary">
              <FormattedMessage id="community.calendarAll" />
            </a>
            {community.viewerCanManage && <AddSessionDialog community={community} onAdded={(title) => setStatus(<FormattedMessage id="community.sessionAdded" values={{ title: <bdi>{title}</bdi> }} />)} />}
          </div>
        </div>
        <h3>
          <FormattedMessage id="community.upcoming" />
        </h3>
        <SessionList
          sessions={community.upcomingSessions}
          canRecord={isOfficer}
          isMember={community.viewerCityIsMember}
          empty={intl.formatMessage({ id: "community.noUpcoming" })}
        />
        <h3>
          <FormattedMessage id="community.past" />
        </h3>
        <SessionList sessions={community.pastSessions} canRecord={isOfficer} isMember={community.viewerCityIsMember} empty={intl.formatMessage({ id: "community.noPast" })} />
      </section>

      <section aria-labelledby="community-resources">
        <div className="section-header">
          <h2 id="community-resources">
            <FormattedMessage id="community.resources" />
          </h2>
          {community.viewerCanManage && (
            <AddResourceDialog community={community} onAdded={(title) => setStatus(<FormattedMessage id="community.resourceAddedStatus" values={{ title: <bdi>{title}</bdi> }} />)} />
          )}
        </div>
        <ResourceList community={community} onRemoved={(title) => setStatus(<FormattedMessage id="community.resourceRemoved" values={{ title: <bdi>{title}</bdi> }} />)} />
      </section>
    </>
  );
}

function JoinRequest({ community, cityName, onRequested }: { community: CommunityDetail; cityName: string; onRequested: () => void }) {
  const intl = useIntl();
  const [request, { loading }] = useMutation(RequestMembershipMutation);
  const [failure, setFailure] = useState<string>();

  if (community.viewerCityMembership === "REQUESTED")
    return (
      <div className="notice notice-info">
        <p>
          <FormattedMessage id="community.joinPending" values={{ city: <bdi>{cityName}</bdi> }} />
        </p>
      </div>
    );

  async function onRequest() {
    setFailure(undefined);
    try {
      const { data } = await request({ variables: { input: { communityId: community.id } } });
      const result = data?.requestCommunityMembership;
      if (result?.__typename === "MutationRequestCommunityMembershipSuccess") onRequested();
      else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else if (result?.__typename === "InputError") setFailure(errorText(intl, result.issues[0]?.code ?? "unknown", result.issues[0]?.message));
      else setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  return (
    <section aria-labelledby="community-join" className="notice notice-info">
      <h2 id="community-join">
        <FormattedMessage id="community.joinTitle" />
      </h2>
      <p>
        <FormattedMessage
          id={community.viewerCityMembership === "DECLINED" ? "community.joinDeclinedBefore" : "community.joinIntro"}
          values={{ city: <bdi>{cityName}</bdi> }}
        />
      </p>
      <button type="button" className="button" disabled={loading} onClick={() => void onRequest()}>
        <FormattedMessage id="community.joinButton" />
      </button>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
    </section>
  );
}
