import { useId, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { errorText } from "../../app/i18n.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { editPracticePath, practicePath } from "../open-call/ids.ts";
import { countryName, sortedOptions } from "../open-call/labels.ts";
import { Highlighted } from "./highlighted.tsx";
import { FIELDS_OF_INTERVENTION, TARGET_GROUPS, fieldLabel, isFieldOfIntervention, isTargetGroup, targetGroupLabel } from "./labels.ts";
import { PracticeDraftsQuery, PracticeOptionsQuery, SearchPracticesQuery } from "./operations.ts";
import "../open-call/open-call.css";

const PAGE_SIZE = 20;

/**
 * `/practices`: the good-practice library. Search words and filters live in the address (reload, share, back);
 * results come ranked with the matching words highlighted.
 */
export function PracticesPage() {
  const intl = useIntl();
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const community = params.get("community") || null;
  const fieldParam = params.get("field");
  const field = isFieldOfIntervention(fieldParam) ? fieldParam : null;
  const groupParam = params.get("group");
  const group = isTargetGroup(groupParam) ? groupParam : null;
  const country = params.get("country") || null;
  const page = Math.max(0, Number(params.get("page")) || 0);

  const options = useQuery(PracticeOptionsQuery);
  const canCreate = !!viewer && (viewer.roles.includes("PROJECT_MANAGER") || viewer.roles.includes("CITY_OFFICER"));
  const drafts = useQuery(PracticeDraftsQuery, { skip: !canCreate, fetchPolicy: "cache-and-network" });
  const { data, previousData, error, loading, refetch } = useQuery(SearchPracticesQuery, {
    variables: {
      input: {
        query,
        communityIds: community ? [community] : [],
        fieldsOfIntervention: field ? [field] : [],
        targetGroups: group ? [group] : [],
        countries: country ? [country] : [],
        first: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      },
    },
    fetchPolicy: "cache-and-network",
  });
  const result = (data ?? previousData)?.searchPractices;

  const [text, setText] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  if (query !== shownQuery) {
    setShownQuery(query);
    setText(query);
  }
  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  }
  const ids = { q: useId(), community: useId(), field: useId(), group: useId(), country: useId() };
  const countries = sortedOptions(
    intl,
    [...new Set((options.data?.organizations ?? []).map((o) => o.country).concat(country ? [country] : []))],
    countryName,
  );

  return (
    <>
      <div className="page-header">
        <PageHeading>{intl.formatMessage({ id: "practices.title" })}</PageHeading>
        {canCreate && (
          <Link to="/practices/new" className="button">
            <FormattedMessage id="practices.create" />
          </Link>
        )}
      </div>
      <p>
        <FormattedMessage id="practices.intro" />
      </p>
      <form
        role="search"
        aria-label={intl.formatMessage({ id: "practices.searchLabel" })}
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() || null });
        }}
      >
        <div className="field">
          <label htmlFor={ids.q} className="field-label">
            <FormattedMessage id="practices.search" />
          </label>
          <input id={ids.q} type="search" className="input" value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.community} className="field-label">
            <FormattedMessage id="practices.filterCommunity" />
          </label>
          <select id={ids.community} className="select-wide" value={community ?? ""} onChange={(e) => update({ community: e.currentTarget.value || null })}>
            <option value="">{intl.formatMessage({ id: "practices.any" })}</option>
            {(options.data?.communities ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.field} className="field-label">
            <FormattedMessage id="practices.filterField" />
          </label>
          <select id={ids.field} className="select-wide" value={field ?? ""} onChange={(e) => update({ field: e.currentTarget.value || null })}>
            <option value="">{intl.formatMessage({ id: "practices.any" })}</option>
            {FIELDS_OF_INTERVENTION.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(intl, f)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.group} className="field-label">
            <FormattedMessage id="practices.filterGroup" />
          </label>
          <select id={ids.group} className="select-wide" value={group ?? ""} onChange={(e) => update({ group: e.currentTarget.value || null })}>
            <option value="">{intl.formatMessage({ id: "practices.any" })}</option>
            {TARGET_GROUPS.map((g) => (
              <option key={g} value={g}>
                {targetGroupLabel(intl, g)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.country} className="field-label">
            <FormattedMessage id="practices.filterCountry" />
          </label>
          <select id={ids.country} className="select-wide" value={country ?? ""} onChange={(e) => update({ country: e.currentTarget.value || null })}>
            <option value="">{intl.formatMessage({ id: "practices.any" })}</option>
            {countries.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="oc-filter-submit">
          <button type="submit" className="button">
            <FormattedMessage id="practices.searchButton" />
          </button>
        </div>
      </form>

      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !result ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : result.__typename === "InputError" ? (
        <div role="alert" className="notice notice-error">
          <p>{errorText(intl, result.issues[0]?.code ?? "unknown", result.issues[0]?.message)}</p>
        </div>
      ) : (
        <>
          <p role="status" className="muted">
            {loading ? <FormattedMessage id="app.loading" /> : <FormattedMessage id="practices.count" values={{ count: result.data.total }} />}
          </p>
          {result.data.hits.length === 0 ? (
            <p>
              <FormattedMessage id="practices.empty" />{" "}
              {(query || community || field || group || country) && (
                <button type="button" className="link-button" onClick={() => setParams({})}>
                  <FormattedMessage id="practices.clear" />
                </button>
              )}
            </p>
          ) : (
            <ol className="oc-hits" aria-label={intl.formatMessage({ id: "practices.results" })} start={page * PAGE_SIZE + 1}>
              {result.data.hits.map((hit) => (
                <li key={hit.practice.id}>
                  <h2 lang={hit.practice.language} dir="auto">
                    <Link to={practicePath(hit.practice.id)}>
                      <Highlighted segments={hit.title} />
                    </Link>
                  </h2>
                  <p className="muted">
                    <bdi>{hit.practice.place}</bdi> · {countryName(intl, hit.practice.country)}
                    {hit.practice.fieldsOfIntervention.length > 0 && <> · {intl.formatList(hit.practice.fieldsOfIntervention.map((f) => fieldLabel(intl, f)))}</>}
                  </p>
                  {hit.excerpt.length > 0 && (
                    <p lang={hit.practice.language} dir="auto">
                      <Highlighted segments={hit.excerpt} />
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
          {result.data.total > PAGE_SIZE && (
            <nav aria-label={intl.formatMessage({ id: "practices.pagination" })} className="pagination">
              <button type="button" className="button button-secondary" disabled={page === 0} onClick={() => update({ page: page > 1 ? String(page - 1) : null })}>
                <FormattedMessage id="users.previous" />
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={(page + 1) * PAGE_SIZE >= result.data.total}
                onClick={() => update({ page: String(page + 1) })}
              >
                <FormattedMessage id="users.next" />
              </button>
            </nav>
          )}
        </>
      )}

      {canCreate && (drafts.data?.practiceProfiles.length ?? 0) > 0 && (
        <section className="oc-section" aria-labelledby="practice-drafts">
          <h2 id="practice-drafts">
            <FormattedMessage id="practices.drafts" />
          </h2>
          <ul>
            {drafts.data!.practiceProfiles.map((p) => (
              <li key={p.id}>
                <Link to={practicePath(p.id)} lang={p.language} dir="auto">
                  {p.networkName}
                </Link>{" "}
                (<Link to={editPracticePath(p.id)}>
                  <FormattedMessage id="practice.editShort" values={{ name: p.networkName, hidden: (c) => <span className="visually-hidden">{c}</span> }} />
                </Link>)
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
