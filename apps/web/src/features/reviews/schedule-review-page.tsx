import { useState } from "react";
import { useController, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import type { z } from "zod";
import { REVIEW_STEPS, defaultStepDates } from "@citypeer/domain/reviews";
import type { ResultOf } from "../../app/graphql.ts";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { cityLabel } from "../pilots/labels.ts";
import { TextAreaField } from "../pilots/text-area-field.tsx";
import { addDays, formatDayRange, todayIso } from "./dates.ts";
import { REVIEW_MODES, reviewModeLabel, stepLabel } from "./labels.ts";
import { ScheduleOptionsQuery, ScheduleReviewMutation, SuggestReviewersQuery } from "./operations.ts";
import { RadioGroupField } from "./radio-group-field.tsx";
import { ReviewerPicker, type PickerReviewer } from "./reviewer-picker.tsx";
import { applyScheduleIssues } from "./schedule-issues.ts";
import { scheduleFormSchema, scheduleIssueText } from "./schedule-form.ts";
import { reviewPath } from "./route-id.ts";
import "./reviews.css";

type PilotOption = ResultOf<typeof ScheduleOptionsQuery>["pilots"][number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
type ScheduleFormValues = z.input<typeof scheduleFormSchema>;

/** "Nantes: housing pilot", without repeating the city when the title already starts with it. */
const pilotOptionLabel = (city: string, title: string) => (title.startsWith(city) ? title : `${city}: ${title}`);

type Suggestions = { key: string; reviewers: PickerReviewer[] };
const suggestionKey = (v: { pilotId: string; startsOn: string; endsOn: string }) => `${v.pilotId}|${v.startsOn}|${v.endsOn}`;

/** `/reviews/schedule`: a project manager books a review with reviewers suggested for the pilot and dates. */
export function ScheduleReviewPage() {
  const intl = useIntl();
  const { viewer } = useViewer();
  const [params] = useSearchParams();
  const { data, error, loading, refetch } = useQuery(ScheduleOptionsQuery);
  const heading = intl.formatMessage({ id: "schedule.title" });

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
  return (
    <>
      <div className="page-header">
        <PageHeading>{heading}</PageHeading>
        <Link to="/reviews/assignment">
          <FormattedMessage id="reviews.assignment" />
        </Link>
      </div>
      <p>
        <FormattedMessage id="schedule.intro" />
      </p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading || !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <ScheduleForm pilots={data.pilots} initialPilotId={params.get("pilot") ?? ""} />
      )}
    </>
  );
}

function ScheduleForm({ pilots, initialPilotId }: { pilots: readonly PilotOption[]; initialPilotId: string }) {
  const intl = useIntl();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [schedule] = useMutation(ScheduleReviewMutation, { refetchQueries: ["Reviews", "Pilot"] });
  const start = addDays(todayIso(), 42);
  const end = addDays(start, 2);
  const form = useForm<ScheduleFormValues, unknown, z.output<typeof scheduleFormSchema>>({
    resolver: zodResolver(scheduleFormSchema, { error: (issue) => scheduleIssueText(intl, issue) }),
    defaultValues: {
      pilotId: pilots.some((p) => p.id === initialPilotId) ? initialPilotId : "",
      mode: "ON_SITE",
      startsOn: start,
      endsOn: end,
      agenda: "",
      customSteps: false,
      steps: defaultStepDates(start, end),
      reviewerIds: [],
    },
  });
  const { control, formState, setError, watch, setValue, getValues, trigger } = form;
  const reviewers = useController({ control, name: "reviewerIds" });
  const customSteps = useController({ control, name: "customSteps" });
  const [suggestions, setSuggestions] = useState<Suggestions>();
  const [known, setKnown] = useState<Map<string, PickerReviewer>>(new Map());
  const [suggesting, setSuggesting] = useState(false);
  const [suggestFailure, setSuggestFailure] = useState<string>();
  const [refusals, setRefusals] = useState<Map<string, string[]>>(new Map());

  const [pilotId, startsOn, endsOn] = watch(["pilotId", "startsOn", "endsOn"]);
  const stale = suggestions && suggestions.key !== suggestionKey({ pilotId, startsOn, endsOn });

  async function onSuggest() {
    setSuggestFailure(undefined);
    if (!(await trigger(["pilotId", "startsOn", "endsOn"], { shouldFocus: true }))) return;
    const v = getValues();
    setSuggesting(true);
    try {
      const { data } = await client.query({
        query: SuggestReviewersQuery,
        variables: { pilotId: v.pilotId, startsOn: v.startsOn, endsOn: v.endsOn },
        fetchPolicy: "network-only",
      });
      const result = data?.suggestReviewers;
      if (result?.__typename === "InputError") {
        for (const issue of result.issues) {
          const field = issue.path[0] === "endsOn" || issue.path[0] === "startsOn" ? issue.path[0] : undefined;
          if (field) setError(field, { type: issue.code, message: errorText(intl, issue.code, issue.message) }, { shouldFocus: true });
          else setSuggestFailure(errorText(intl, issue.code, issue.message));
        }
        return;
      }
      if (result?.__typename !== "QuerySuggestReviewersSuccess") return;
      const list: PickerReviewer[] = result.data.map((s) => ({
        id: s.reviewer.id,
        name: s.reviewer.name,
        city: s.reviewer.organization ? cityLabel(s.reviewer.organization) : null,
        rank: s.rank,
        reasons: s.reasons,
      }));
      setSuggestions({ key: suggestionKey(v), reviewers: list });
      setKnown((k) => new Map([...k, ...list.map((r) => [r.id, r] as const)]));
      setRefusals(new Map());
    } catch (error) {
      setSuggestFailure(errorText(intl, errorCode(error)));
    } finally {
      setSuggesting(false);
    }
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setRefusals(new Map());
    try {
      const { data } = await schedule({
        variables: {
          input: {
            pilotId: values.pilotId,
            mode: values.mode,
            startsOn: values.startsOn,
            endsOn: values.endsOn,
            agenda: values.agenda,
            reviewerIds: values.reviewerIds,
            steps: values.customSteps ? values.steps : null,
          },
        },
      });
      const result = data?.scheduleReview;
      if (result?.__typename === "MutationScheduleReviewSuccess") {
        await navigate(reviewPath(result.data.id), { state: { scheduled: true } });
      } else if (result?.__typename === "InputError") {
        setRefusals(applyScheduleIssues(intl, result.issues, values.reviewerIds, (id) => known.get(id)?.name ?? "", setError));
      } else if (result?.__typename === "NotFoundError") {
        setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
      }
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  // the list: this search's suggestions, plus anyone chosen earlier who is not among them (dates changed, booked meanwhile)
  const shown: PickerReviewer[] = [
    ...(suggestions?.reviewers ?? []),
    ...reviewers.field.value
      .filter((id) => !suggestions?.reviewers.some((r) => r.id === id))
      .map((id) => ({ ...(known.get(id) ?? { id, name: id }), rank: undefined, reasons: [], note: intl.formatMessage({ id: "schedule.notSuggested" }) })),
  ];
  const communities = [...new Map(pilots.map((p) => [p.community.id, p.community.name])).entries()];
  const collator = new Intl.Collator(intl.locale);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form schedule-form">
      <FormErrors errors={formState.errors} />
      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="schedule.what" />
        </legend>
        <SelectField control={control} name="pilotId" label={intl.formatMessage({ id: "schedule.pilot" })}>
          <option value="">{intl.formatMessage({ id: "schedule.choosePilot" })}</option>
          {communities.map(([communityId, name]) => (
            <optgroup key={communityId} label={name}>
              {pilots
                .filter((p) => p.community.id === communityId)
                .sort((a, b) => collator.compare(cityLabel(a.organization), cityLabel(b.organization)))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {pilotOptionLabel(cityLabel(p.organization), p.title)}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
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
        <TextAreaField
          control={control}
          name="agenda"
          rows={4}
          label={intl.formatMessage({ id: "schedule.agenda" })}
          description={intl.formatMessage({ id: "schedule.agendaHint" })}
        />
        <div className="field checkbox-field">
          <input
            id="schedule-custom-steps"
            type="checkbox"
            checked={customSteps.field.value}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              customSteps.field.onChange(on);
              // start from the method's defaults for the chosen dates
              if (on && ISO_DAY.test(startsOn) && ISO_DAY.test(endsOn)) setValue("steps", defaultStepDates(startsOn, endsOn));
            }}
          />
          <label htmlFor="schedule-custom-steps">
            <FormattedMessage id="schedule.customSteps" />
          </label>
        </div>
        {customSteps.field.value ? (
          <div className="field-grid">
            {REVIEW_STEPS.map((kind, i) => (
              <Field key={kind} control={control} name={`steps.${i}.dueDate`} type="date" isRequired label={stepLabel(intl, kind)} />
            ))}
          </div>
        ) : (
          <p className="field-hint">
            <FormattedMessage id="schedule.defaultSteps" />
          </p>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="schedule.who" />
        </legend>
        <p>
          <FormattedMessage id="schedule.suggestIntro" />
        </p>
        <div className="button-row">
          <button type="button" className="button button-secondary" disabled={suggesting} onClick={() => void onSuggest()}>
            <FormattedMessage id={suggesting ? "app.loading" : "schedule.suggest"} />
          </button>
        </div>
        {suggestFailure && (
          <div role="alert" className="notice notice-error">
            <p>{suggestFailure}</p>
          </div>
        )}
        <StatusMessage tone="info">
          {suggestions &&
            (stale ? (
              <FormattedMessage id="schedule.stale" />
            ) : (
              <FormattedMessage
                id="schedule.suggested"
                values={{ count: suggestions.reviewers.length, dates: ISO_DAY.test(startsOn) && ISO_DAY.test(endsOn) ? formatDayRange(intl, startsOn, endsOn) : "" }}
              />
            ))}
        </StatusMessage>
        {shown.length > 0 && (
          <ReviewerPicker
            idPrefix="schedule-reviewer"
            reviewers={shown}
            value={reviewers.field.value}
            onChange={(ids) => reviewers.field.onChange(ids)}
            refusals={refusals}
            error={reviewers.fieldState.error?.message}
            inputRef={reviewers.field.ref}
          />
        )}
        {shown.length === 0 && reviewers.fieldState.error && (
          <p className="field-error" role="alert">
            {reviewers.fieldState.error.message}
          </p>
        )}
      </fieldset>

      <div className="button-row">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "schedule.submitting" : "schedule.submit"} />
        </button>
        <Link to="/reviews" className="button button-secondary">
          <FormattedMessage id="dialog.cancel" />
        </Link>
      </div>
    </form>
  );
}
