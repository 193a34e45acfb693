import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useLocation, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { errorText, type MessageId } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { errorCode } from "../../ui/error-code.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { editPracticePath, nodeId } from "../open-call/ids.ts";
import { countryName, languageName } from "../open-call/labels.ts";
import { fieldLabel, targetGroupLabel } from "./labels.ts";
import { PracticeProfileQuery, PublishPracticeProfileMutation, UnpublishPracticeProfileMutation } from "./operations.ts";
import "../open-call/open-call.css";

type Practice = NonNullable<ResultOf<typeof PracticeProfileQuery>["practiceProfile"]>;
type TextKey = { [K in keyof Practice]: Practice[K] extends string ? K : never }[keyof Practice];

/** `/practices/:id`: a profile in the ERASMI structure (1 general information, 2 network, 3 lessons, 4 contact). */
export function PracticePage() {
  const intl = useIntl();
  const id = nodeId("PracticeProfile", useParams().id ?? "");
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
  const { data, error, refetch } = useQuery(PracticeProfileQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  const [publish, { loading: publishing }] = useMutation(PublishPracticeProfileMutation);
  const [unpublish, { loading: unpublishing }] = useMutation(UnpublishPracticeProfileMutation);
  const [status, setStatus] = useState<ReactNode>(typeof notice === "string" ? notice : undefined);
  const [failure, setFailure] = useState<string>();

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  const p = data.practiceProfile;
  if (!p)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "practice.notFound" })}</PageHeading>
        <Link to="/practices">
          <FormattedMessage id="practice.backToLibrary" />
        </Link>
      </>
    );

  async function onPublish(make: boolean) {
    setStatus(undefined);
    setFailure(undefined);
    try {
      if (make) {
        const r = (await publish({ variables: { input: { practiceId: id } } })).data?.publishPracticeProfile;
        if (r?.__typename === "MutationPublishPracticeProfileSuccess") return setStatus(intl.formatMessage({ id: "practice.publishedNotice" }));
        if (r?.__typename === "InputError")
          return setFailure(
            intl.formatMessage(
              { id: "practice.publishMissing" },
              { fields: intl.formatList(r.issues.map((i) => intl.formatMessage({ id: `practiceField.${i.path[0]}` as MessageId }))) },
            ),
          );
        if (r?.__typename === "ConflictError") return setFailure(errorText(intl, r.code, r.message));
      } else {
        const r = (await unpublish({ variables: { input: { practiceId: id } } })).data?.unpublishPracticeProfile;
        if (r?.__typename === "MutationUnpublishPracticeProfileSuccess") return setStatus(intl.formatMessage({ id: "practice.unpublishedNotice" }));
        if (r?.__typename === "ConflictError") return setFailure(errorText(intl, r.code, r.message));
      }
      setFailure(errorText(intl, "not_found"));
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  const text = (key: TextKey) => {
    const value = p[key] as string;
    if (!value?.trim()) return null;
    return (
      <div>
        <dt>
          <FormattedMessage id={`practiceField.${key}` as MessageId} />
        </dt>
        <dd className="oc-prose" lang={p.language} dir="auto">
          {value}
        </dd>
      </div>
    );
  };
  const section = (n: number, titleId: MessageId, keys: TextKey[], extra?: ReactNode) => (
    <section className="oc-section" aria-labelledby={`section-${n}`}>
      <h2 id={`section-${n}`}>
        <FormattedMessage id={titleId} values={{ n }} />
      </h2>
      <dl className="facts">
        {extra}
        {keys.map((k) => (
          <FragmentKey key={k}>{text(k)}</FragmentKey>
        ))}
      </dl>
    </section>
  );

  return (
    <>
      <p>
        <Link to="/practices">
          <FormattedMessage id="practice.backToLibrary" />
        </Link>
      </p>
      <div lang={p.language}>
        <PageHeading>{p.networkName}</PageHeading>
      </div>
      <p>
        <span className={p.status === "PUBLISHED" ? "status status-active" : "status status-pending"}>
          <FormattedMessage id={`practiceStatus.${p.status}`} />
        </span>{" "}
        <span className="muted">
          <FormattedMessage id="practice.writtenIn" values={{ language: languageName(intl, p.language) }} />
        </span>
      </p>
      {p.viewerCanEdit && (
        <div className="oc-actions">
          <Link to={editPracticePath(p.id)} className="button button-secondary">
            <FormattedMessage id="practice.edit" />
          </Link>
          {p.status === "DRAFT" ? (
            <button type="button" className="button" disabled={publishing} onClick={() => void onPublish(true)}>
              <FormattedMessage id="practice.publish" />
            </button>
          ) : (
            <button type="button" className="button button-secondary" disabled={unpublishing} onClick={() => void onPublish(false)}>
              <FormattedMessage id="practice.unpublish" />
            </button>
          )}
        </div>
      )}
      <StatusMessage>{status}</StatusMessage>
      <div role="alert" className={failure ? "notice notice-error" : undefined}>
        {failure && <p>{failure}</p>}
      </div>

      {section(
        1,
        "practice.section1",
        ["coordination", "cooperationAgreement", "members", "networkType"],
        <>
          <div>
            <dt>
              <FormattedMessage id="practiceField.place" />
            </dt>
            <dd>
              <bdi>{p.place}</bdi> · {countryName(intl, p.country)}
            </dd>
          </div>
          {p.yearFounded && (
            <div>
              <dt>
                <FormattedMessage id="practiceField.yearFounded" />
              </dt>
              <dd>{p.yearFounded}</dd>
            </div>
          )}
          {p.city && (
            <div>
              <dt>
                <FormattedMessage id="practiceField.organizationId" />
              </dt>
              <dd>
                <bdi>{p.city.cityName ?? p.city.name}</bdi>
              </dd>
            </div>
          )}
          {p.community && (
            <div>
              <dt>
                <FormattedMessage id="practiceField.communityId" />
              </dt>
              <dd>
                <bdi>{p.community.name}</bdi>
              </dd>
            </div>
          )}
          {p.fieldsOfIntervention.length > 0 && (
            <div>
              <dt>
                <FormattedMessage id="practiceField.fieldsOfIntervention" />
              </dt>
              <dd>{intl.formatList(p.fieldsOfIntervention.map((f) => fieldLabel(intl, f)))}</dd>
            </div>
          )}
          {p.targetGroups.length > 0 && (
            <div>
              <dt>
                <FormattedMessage id="practiceField.targetGroups" />
              </dt>
              <dd>{intl.formatList(p.targetGroups.map((g) => targetGroupLabel(intl, g)))}</dd>
            </div>
          )}
        </>,
      )}
      {section(2, "practice.section2", ["description", "resources", "internalFacilitation", "externalCommunication"])}
      {section(3, "practice.section3", ["successFactors", "challenges", "evaluation", "sustainability", "impact", "innovation", "transferability"])}
      {section(
        4,
        "practice.section4",
        ["contact"],
        p.website ? (
          <div>
            <dt>
              <FormattedMessage id="practiceField.website" />
            </dt>
            <dd>
              <a href={p.website} rel="noopener noreferrer" target="_blank">
                <bdi>{p.website}</bdi>
                <span className="visually-hidden">
                  {" "}
                  <FormattedMessage id="practice.opensInNewTab" />
                </span>
              </a>
            </dd>
          </div>
        ) : null,
      )}
    </>
  );
}

function FragmentKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
