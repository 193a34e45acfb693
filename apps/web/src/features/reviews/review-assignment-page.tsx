import { useId, useState } from "react";
import { useController, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import type { z } from "zod";
import { MAX_REVIEWERS, MIN_REVIEWERS } from "@citypeer/domain/reviews";
import type { ResultOf } from "../../app/graphql.ts";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { addDays, formatDayRange, todayIso } from "./dates.ts";
import { REVIEW_MODES, reviewModeLabel } from "./labels.ts";
import { ProposeReviewAssignmentQuery, ScheduleOptionsQuery, ScheduleReviewMutation } from "./operations.ts";
import { RadioGroupField } from "./radio-group-field.tsx";
import { ReviewerPicker, type PickerReviewer } from "./reviewer-picker.tsx";
import { reviewPath } from "./route-id.ts";
import { scheduleFormSchema, scheduleIssueText } from "./schedule-form.ts";
import { applyScheduleIssues } from "./schedule-issues.ts";
import "./reviews.css";

type Proposal = Extract<ResultOf<typeof ProposeReviewAssignmentQuery>["proposeReviewAssignment"], { __typename: "QueryProposeReviewAssignmentSuccess" }>["data"][number];

/**
 * `/reviews/assignment`: reviewers for every pilot of a community at once (the API balances the load
 * and prefers community members and shared languages). The manager adjusts each pilot's team and
 * dates and books the reviews one by one.
 */
export function ReviewAssignmentPage() {
  const intl = useIntl();
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const communityId = params.get("community") ?? "";
  const perPilot = Number(params.get("per") ?? 3);
  const options = useQuery(ScheduleOptionsQuery);
  const proposal = useQuery(ProposeReviewAssignmentQuery, {
    variables: { communityId, reviewersPerPilot: perPilot },
    skip: !communityId,
    fetchPolicy: "network-only",
  });
  const communityFieldId = useId();
  const perFieldId = useId();
  const heading = intl.formatMessage({ id: "assignment.title" });

  if (!viewer?.roles.includes("PROJECT_MANAGER"))
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <div role="alert" className="notice notice-error">
          <p>
            <FormattedMessage id="schedule.managersOnly" />
          </p>
        </div>
      </>
    );

  const result = proposal.data?.proposeReviewAssignment;
  const proposals = result?.__typename === "QueryProposeReviewAssignmentSuccess" ? result.data : [];
  // everyone proposed anywhere in this community: the pool to add from when adjusting a team
  const pool = new Map<string, PickerReviewer>();
  for (const p of proposals) for (const r of p.reviewers) pool.set(r.reviewerId, { id: r.reviewerId, name: r.name });

  function setParam(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  return (
    <>
      <div className="page-header">
        <PageHeading>{heading}</PageHeading>
        <Link to="/reviews/schedule">
          <FormattedMessage id="reviews.schedule" />
        </Link>
      </div>
      <p>
        <FormattedMessage id="assignment.intro" />
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={communityFieldId} className="field-label">
            <FormattedMessage id="assignment.community" />
          </label>
          <select id={communityFieldId} className="select-wide" value={communityId} onChange={(e) => setParam("community", e.currentTarget.value)}>
            <option value="">{intl.formatMessage({ id: "assignment.chooseCommunity" })}</option>
            {(options.data?.communities ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={perFieldId} className="field-label">
            <FormattedMessage id="assignment.perPilot" />
          </label>
          <select id={perFieldId} className="select-wide" value={String(perPilot)} onChange={(e) => setParam("per", e.currentTarget.value)}>
            {Array.from({ length: MAX_REVIEWERS - MIN_REVIEWERS + 1 }, (_, i) => MIN_REVIEWERS + i).map((n) => (
              <option key={n} value={n}>
                {intl.formatNumber(n)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {options.error && <QueryError error={options.error} onRetry={() => void options.refetch()} />}
      {!communityId ? (
        <p className="muted">
          <FormattedMessage id="assignment.pickCommunity" />
        </p>
      ) : proposal.error ? (
        <QueryError error={proposal.error} onRetry={() => void proposal.refetch()} />
      ) : proposal.loading || !result ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : result.__typename === "InputError" ? (
        <div role="alert" className="notice notice-error">
          {result.issues.map((issue) => (
            <p key={issue.code}>{errorText(intl, issue.code, issue.message)}</p>
          ))}
        </div>
      ) : proposals.length === 0 ? (
        <p>
          <FormattedMessage id="assignment.noPilots" />
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            <FormattedMessage id="assignment.count" values={{ count: proposals.length }} />
          </p>
          <ul className="stack-list">
            {proposals.map((p, i) => (
              <li key={`${communityId}-${perPilot}-${p.pilotId}`}>
                <ProposalCard proposal={p} index={i} pool={pool} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ProposalCard({ proposal, index, pool }: { proposal: Proposal; index: number; pool: ReadonlyMap<string, PickerReviewer> }) {
  const intl = useIntl();
  const [schedule] = useMutation(ScheduleReviewMutation, { refetchQueries: ["Reviews"] });
  const [scheduled, setScheduled] = useState<{ id: string; dates: string }>();
  const [extra, setExtra] = useState<PickerReviewer[]>([]);
  const [refusals, setRefusals] = useState<Map<string, string[]>>(new Map());
  const [addChoice, setAddChoice] = useState("");
  const addId = useId();
  const headingId = `proposal-${index}`;
  // reviews a week apart by default, so one person proposed for two pilots is not booked twice at once
  const start = addDays(todayIso(), 42 + 7 * index);
  const end = addDays(start, 2);
  const proposed: PickerReviewer[] = proposal.reviewers.map((r) => ({ id: r.reviewerId, name: r.name, reasons: r.reasons }));
  const form = useForm<z.input<typeof scheduleFormSchema>, unknown, z.output<typeof scheduleFormSchema>>({
    resolver: zodResolver(scheduleFormSchema, { error: (issue) => scheduleIssueText(intl, issue) }),
    defaultValues: {
      pilotId: proposal.pilotId,
      mode: "ON_SITE",
      startsOn: start,
      endsOn: end,
      agenda: "",
      customSteps: false,
      steps: [],
      reviewerIds: proposed.map((r) => r.id),
    },
  });
  const { control, formState, setError } = form;
  const reviewers = useController({ control, name: "reviewerIds" });
  const listed = [...proposed, ...extra];
  const addable = [...pool.values()].filter((r) => !listed.some((l) => l.id === r.id));
  const nameOf = (id: string) => listed.find((r) => r.id === id)?.name ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    setRefusals(new Map());
    try {
      const { data } = await schedule({
        variables: {
          input: { pilotId: values.pilotId, mode: values.mode, startsOn: values.startsOn, endsOn: values.endsOn, agenda: values.agenda, reviewerIds: values.reviewerIds },
        },
      });
      const result = data?.scheduleReview;
      if (result?.__typename === "MutationScheduleReviewSuccess")
        setScheduled({ id: result.data.id, dates: formatDayRange(intl, result.data.startsOn, result.data.endsOn) });
      else if (result?.__typename === "InputError") setRefusals(applyScheduleIssues(intl, result.issues, values.reviewerIds, nameOf, setError));
      else if (result?.__typename === "NotFoundError") setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <article className="card proposal" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        <bdi>{proposal.cityName}</bdi>
      </h2>
      <p className="muted" dir="auto">
        {proposal.title}
      </p>
      {proposal.missing > 0 && (
        <p className="notice notice-info">
          <FormattedMessage id="assignment.missing" values={{ count: proposal.missing }} />
        </p>
      )}
      {scheduled ? (
        <StatusMessage>
          <FormattedMessage
            id="assignment.scheduled"
            values={{ dates: scheduled.dates, link: (chunks) => <Link to={reviewPath(scheduled.id)}>{chunks}</Link> }}
          />
        </StatusMessage>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="form" aria-labelledby={headingId}>
          <FormErrors errors={formState.errors} />
          <ReviewerPicker
            idPrefix={`proposal-${index}-reviewer`}
            label={intl.formatMessage({ id: "assignment.team" }, { city: proposal.cityName })}
            reviewers={listed}
            value={reviewers.field.value}
            onChange={(ids) => reviewers.field.onChange(ids)}
            refusals={refusals}
            error={reviewers.fieldState.error?.message}
            inputRef={reviewers.field.ref}
          />
          {addable.length > 0 && (
            <div className="add-row">
              <div className="field">
                <label htmlFor={addId} className="field-label">
                  <FormattedMessage id="assignment.addReviewer" />
                </label>
                <select id={addId} className="select-wide" value={addChoice} onChange={(e) => setAddChoice(e.currentTarget.value)}>
                  <option value="">{intl.formatMessage({ id: "assignment.choosePerson" })}</option>
                  {addable.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="button button-secondary"
                disabled={!addChoice}
                onClick={() => {
                  const person = pool.get(addChoice);
                  if (!person) return;
                  setExtra((x) => [...x, { ...person, note: intl.formatMessage({ id: "assignment.addedByYou" }) }]);
                  reviewers.field.onChange([...reviewers.field.value, person.id]);
                  setAddChoice("");
                }}
              >
                <FormattedMessage id="assignment.add" />
              </button>
            </div>
          )}
          <RadioGroupField
            control={control}
            name="mode"
            label={intl.formatMessage({ id: "schedule.mode" })}
            options={REVIEW_MODES.map((m) => ({ value: m, label: reviewModeLabel(intl, m) }))}
          />
          <div className="field-grid">
            <Field control={control} name="startsOn" type="date" isRequired label={intl.formatMessage({ id: "schedule.startsOn" })} />
            <Field control={control} name="endsOn" type="date" isRequired label={intl.formatMessage({ id: "schedule.endsOn" })} />
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={formState.isSubmitting}>
              <FormattedMessage id="assignment.schedule" values={{ city: proposal.cityName }} />
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
