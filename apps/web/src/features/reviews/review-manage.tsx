import { useEffect, useRef, useState, type ReactNode } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { useApolloClient, useMutation } from "@apollo/client/react";
import { z } from "zod";
import { MAX_REVIEWERS, MIN_REVIEWERS } from "@citypeer/domain/reviews";
import type { ResultOf } from "../../app/graphql.ts";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { zodIssueText } from "../../ui/form-issues.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { cityLabel } from "../pilots/labels.ts";
import { TextAreaField } from "../pilots/text-area-field.tsx";
import { REVIEW_MODES, reviewModeLabel } from "./labels.ts";
import { fieldMatcher, setServerIssuesAt } from "../pilots/server-issues.ts";
import {
  CancelReviewMutation,
  CloseReviewMutation,
  RescheduleReviewMutation,
  SetReviewReviewersMutation,
  SuggestReviewersQuery,
  UpdateReviewRubricMutation,
  type ReviewDetailsFragment,
} from "./operations.ts";
import { RadioGroupField } from "./radio-group-field.tsx";
import { ReviewerPicker, refusalText, type PickerReviewer } from "./reviewer-picker.tsx";

type Review = ResultOf<typeof ReviewDetailsFragment>;
type Dialog = "reschedule" | "reviewers" | "rubric" | "cancel" | "close" | null;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = z.string().refine((v) => ISO_DAY.test(v), { params: { code: "invalid_date" } });

/** The project team's actions on an active review: move it, change the team, close it with the report, cancel it. */
export function ReviewManagement({ review, onDone }: { review: Review; onDone: (message: ReactNode) => void }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const done = (message: ReactNode) => {
    setDialog(null);
    onDone(message);
  };
  return (
    <section aria-labelledby="manage-heading" className="panel no-print">
      <h2 id="manage-heading">
        <FormattedMessage id="manage.title" />
      </h2>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setDialog("reschedule")}>
          <FormattedMessage id="manage.reschedule" />
        </button>
        <button type="button" className="button button-secondary" onClick={() => setDialog("reviewers")}>
          <FormattedMessage id="manage.reviewers" />
        </button>
        {review.status === "SCHEDULED" && (
          <button type="button" className="button button-secondary" onClick={() => setDialog("rubric")}>
            <FormattedMessage id="manage.rubric" />
          </button>
        )}
        <button type="button" className="button" onClick={() => setDialog("close")}>
          <FormattedMessage id="manage.close" />
        </button>
        <button type="button" className="button button-danger" onClick={() => setDialog("cancel")}>
          <FormattedMessage id="manage.cancel" />
        </button>
      </div>
      {dialog === "reschedule" && <RescheduleDialog review={review} onClose={close} onDone={done} />}
      {dialog === "reviewers" && <ReviewersDialog review={review} onClose={close} onDone={done} />}
      {dialog === "rubric" && <RubricDialog review={review} onClose={close} onDone={done} />}
      {dialog === "close" && <CloseDialog review={review} onClose={close} onDone={done} />}
      {dialog === "cancel" && <CancelDialog review={review} onClose={close} onDone={done} />}
    </section>
  );
}

type DialogProps = { review: Review; onClose: () => void; onDone: (message: ReactNode) => void };

const rescheduleSchema = z
  .object({ startsOn: isoDay, endsOn: isoDay, mode: z.enum(REVIEW_MODES), agenda: z.string().max(20_000) })
  .superRefine((v, ctx) => {
    if (ISO_DAY.test(v.startsOn) && ISO_DAY.test(v.endsOn) && v.endsOn < v.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], params: { code: "ends_before_start" } });
  });

function RescheduleDialog({ review, onClose, onDone }: DialogProps) {
  const intl = useIntl();
  const [reschedule] = useMutation(RescheduleReviewMutation, { refetchQueries: ["Reviews"] });
  const form = useForm<z.infer<typeof rescheduleSchema>>({
    resolver: zodResolver(rescheduleSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { startsOn: review.startsOn, endsOn: review.endsOn, mode: review.mode, agenda: review.agenda },
  });
  const { control, formState, setError } = form;
  const nameOf = (index: string | undefined) => review.assignments[Number(index)]?.reviewer.name ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await reschedule({ variables: { input: { reviewId: review.id, ...values } } });
      const result = data?.rescheduleReview;
      if (result?.__typename === "MutationRescheduleReviewSuccess") onDone(<FormattedMessage id="manage.rescheduled" />);
      else if (result?.__typename === "InputError") {
        // the team stays; a reviewer booked elsewhere on the new dates is named in the form's error
        const messages = result.issues.map((issue) =>
          issue.path[0] === "reviewerIds" ? refusalText(intl, issue.code, nameOf(issue.path[1]), issue.message) : errorText(intl, issue.code, issue.message),
        );
        const dateIssue = result.issues.find((i) => i.path[0] === "startsOn" || i.path[0] === "endsOn");
        if (dateIssue) setError(dateIssue.path[0] as "startsOn" | "endsOn", { type: dateIssue.code, message: errorText(intl, dateIssue.code, dateIssue.message) });
        setError("root.server", { type: "refused", message: messages.join(" ") });
      } else if (result?.__typename === "ConflictError") setError("root.server", { type: result.code, message: errorText(intl, result.code, result.message) });
      else if (result?.__typename === "NotFoundError") setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={intl.formatMessage({ id: "manage.rescheduleTitle" })}>
      {(close) => (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
          <FormErrors errors={formState.errors} />
          <div className="field-grid">
            <Field control={control} name="startsOn" type="date" isRequired label={intl.formatMessage({ id: "schedule.startsOn" })} />
            <Field control={control} name="endsOn" type="date" isRequired label={intl.formatMessage({ id: "schedule.endsOn" })} />
          </div>
          <RadioGroupField
            control={control}
            name="mode"
            label={intl.formatMessage({ id: "schedule.mode" })}
            options={REVIEW_MODES.map((m) => ({ value: m, label: reviewModeLabel(intl, m) }))}
          />
          <TextAreaField control={control} name="agenda" rows={4} label={intl.formatMessage({ id: "schedule.agenda" })} />
          <div className="dialog-actions">
            <button type="submit" className="button" disabled={formState.isSubmitting}>
              <FormattedMessage id="manage.rescheduleSubmit" />
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              <FormattedMessage id="dialog.cancel" />
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}

function ReviewersDialog({ review, onClose, onDone }: DialogProps) {
  const intl = useIntl();
  const client = useApolloClient();
  const [setReviewers, { loading }] = useMutation(SetReviewReviewersMutation, { refetchQueries: ["Reviews"] });
  const team: PickerReviewer[] = review.assignments.map((a) => ({
    id: a.reviewer.id,
    name: a.reviewer.name,
    city: a.reviewer.organization ? cityLabel(a.reviewer.organization) : null,
    note: intl.formatMessage({ id: a.hasSubmittedScores ? "manage.onTeamSubmitted" : "manage.onTeam" }),
  }));
  const [others, setOthers] = useState<PickerReviewer[]>();
  const [chosen, setChosen] = useState<string[]>(team.map((r) => r.id));
  const [refusals, setRefusals] = useState<Map<string, string[]>>(new Map());
  const [failure, setFailure] = useState<string>();
  const [countError, setCountError] = useState<string>();

  // the others who are free on these dates, ranked (the current team is booked on them, so it is not among them)
  useEffect(() => {
    let current = true;
    client
      .query({ query: SuggestReviewersQuery, variables: { pilotId: review.pilot.id, startsOn: review.startsOn, endsOn: review.endsOn }, fetchPolicy: "network-only" })
      .then(({ data }) => {
        const result = data?.suggestReviewers;
        if (!current) return;
        if (result?.__typename === "QuerySuggestReviewersSuccess")
          setOthers(
            result.data
              .filter((s) => !team.some((t) => t.id === s.reviewer.id))
              .map((s) => ({ id: s.reviewer.id, name: s.reviewer.name, city: s.reviewer.organization ? cityLabel(s.reviewer.organization) : null, rank: s.rank, reasons: s.reasons })),
          );
        else setOthers([]);
      })
      .catch((error: unknown) => current && setFailure(errorText(intl, errorCode(error))));
    return () => {
      current = false;
    };
    // once per opening: the team and dates are fixed while the dialog is open
  }, []);

  const everyone = [...team, ...(others ?? [])];

  async function onSave() {
    setFailure(undefined);
    setRefusals(new Map());
    setCountError(undefined);
    if (chosen.length < MIN_REVIEWERS || chosen.length > MAX_REVIEWERS) {
      setCountError(intl.formatMessage({ id: "error.reviewer_count" }, { min: MIN_REVIEWERS, max: MAX_REVIEWERS }));
      return;
    }
    try {
      const { data } = await setReviewers({ variables: { input: { reviewId: review.id, reviewerIds: chosen } } });
      const result = data?.setReviewReviewers;
      if (result?.__typename === "MutationSetReviewReviewersSuccess") onDone(<FormattedMessage id="manage.reviewersChanged" />);
      else if (result?.__typename === "InputError") {
        const next = new Map<string, string[]>();
        for (const issue of result.issues) {
          const id = issue.path[0] === "reviewerIds" && issue.path[1] !== undefined ? chosen[Number(issue.path[1])] : undefined;
          const name = everyone.find((r) => r.id === id)?.name ?? "";
          if (id) next.set(id, [...(next.get(id) ?? []), refusalText(intl, issue.code, name, issue.message)]);
          else setFailure(errorText(intl, issue.code, issue.message));
        }
        setRefusals(next);
        if (next.size) setFailure(intl.formatMessage({ id: "schedule.refused" }, { count: next.size }));
      } else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else if (result?.__typename === "NotFoundError") setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  return (
    <ModalDialog isOpen size="wide" onOpenChange={(open) => !open && onClose()} title={intl.formatMessage({ id: "manage.reviewersTitle" })}>
      {(close) => (
        <div className="form">
          <div role="alert" className={failure ? "notice notice-error" : undefined}>
            {failure && <p>{failure}</p>}
          </div>
          {!others && (
            <p role="status">
              <FormattedMessage id="app.loading" />
            </p>
          )}
          <ReviewerPicker idPrefix="team-reviewer" reviewers={everyone} value={chosen} onChange={setChosen} refusals={refusals} error={countError} />
          <div className="dialog-actions">
            <button type="button" className="button" disabled={loading} onClick={() => void onSave()}>
              <FormattedMessage id="manage.reviewersSubmit" />
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              <FormattedMessage id="dialog.cancel" />
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}

// the API's rubric rule: 1-20 criteria, each with a code, a title and a descriptor for each score 1-5
const rubricSchema = z.object({
  criteria: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(40),
        title: z.string().trim().min(1).max(200),
        descriptors: z.array(z.object({ text: z.string().trim().min(1).max(2000) })).length(5),
      }),
    )
    .min(1)
    .max(20),
});
type RubricValues = z.input<typeof rubricSchema>;
const isRubricField = fieldMatcher(["criteria.\\d+.(code|title)", "criteria.\\d+.descriptors.\\d+.text"]);

/** Before a review starts, the project team adapts its rubric (the API refuses once anyone has scored). */
function RubricDialog({ review, onClose, onDone }: DialogProps) {
  const intl = useIntl();
  const [update] = useMutation(UpdateReviewRubricMutation);
  const form = useForm<RubricValues, unknown, z.output<typeof rubricSchema>>({
    resolver: zodResolver(rubricSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { criteria: review.criteria.map((c) => ({ code: c.code, title: c.title, descriptors: c.descriptors.map((text) => ({ text })) })) },
  });
  const { control, formState, setError } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "criteria" });
  const addRef = useRef<HTMLButtonElement>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await update({
        variables: { input: { reviewId: review.id, criteria: values.criteria.map((c) => ({ code: c.code, title: c.title, descriptors: c.descriptors.map((d) => d.text) })) } },
      });
      const result = data?.updateReviewRubric;
      if (result?.__typename === "MutationUpdateReviewRubricSuccess") onDone(<FormattedMessage id="manage.rubricSaved" />);
      else if (result?.__typename === "InputError")
        setServerIssuesAt(
          intl,
          setError,
          // the API names a descriptor by position ("criteria.0.descriptors.2"); the form's field is its text
          result.issues.map((i) => (i.path[2] === "descriptors" && i.path.length === 4 ? { ...i, path: [...i.path, "text"] } : i)),
          isRubricField,
        );
      else if (result?.__typename === "ConflictError") setError("root.server", { type: result.code, message: errorText(intl, result.code, result.message) });
      else if (result?.__typename === "NotFoundError") setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <ModalDialog isOpen size="wide" onOpenChange={(open) => !open && onClose()} title={intl.formatMessage({ id: "manage.rubricTitle" })}>
      {(close) => (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
          <p>
            <FormattedMessage id="manage.rubricIntro" />
          </p>
          <FormErrors errors={formState.errors} />
          {fields.map((f, i) => {
            const label = intl.formatMessage({ id: "manage.criterionN" }, { n: i + 1 });
            return (
              <fieldset key={f.id} className="list-item">
                <legend>{label}</legend>
                <div className="field-grid">
                  <Field control={control} name={`criteria.${i}.code`} isRequired label={intl.formatMessage({ id: "manage.criterionCode" })} />
                  <Field control={control} name={`criteria.${i}.title`} isRequired label={intl.formatMessage({ id: "manage.criterionTitle" })} />
                </div>
                {[0, 1, 2, 3, 4].map((d) => (
                  <Field
                    key={d}
                    control={control}
                    name={`criteria.${i}.descriptors.${d}.text`}
                    isRequired
                    label={intl.formatMessage({ id: "manage.descriptorN" }, { score: d + 1 })}
                  />
                ))}
                {fields.length > 1 && (
                  <div className="item-actions">
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      onClick={() => {
                        remove(i);
                        addRef.current?.focus();
                      }}
                    >
                      <FormattedMessage id="pilotEdit.remove" values={{ item: label }} />
                    </button>
                  </div>
                )}
              </fieldset>
            );
          })}
          <div className="button-row">
            <button
              ref={addRef}
              type="button"
              className="button button-secondary"
              onClick={() => append({ code: "", title: "", descriptors: [0, 1, 2, 3, 4].map(() => ({ text: "" })) })}
            >
              <FormattedMessage id="manage.addCriterion" />
            </button>
          </div>
          <div className="dialog-actions">
            <button type="submit" className="button" disabled={formState.isSubmitting}>
              <FormattedMessage id="manage.rubricSubmit" />
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              <FormattedMessage id="dialog.cancel" />
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}

const closeSchema = z.object({ reportSummary: z.string().trim().min(1).max(50_000) });

function CloseDialog({ review, onClose, onDone }: DialogProps) {
  const intl = useIntl();
  const [closeReview] = useMutation(CloseReviewMutation, { refetchQueries: ["Reviews"] });
  const form = useForm<z.infer<typeof closeSchema>>({
    resolver: zodResolver(closeSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { reportSummary: review.reportSummary },
  });
  const { control, formState, setError } = form;
  const missing = review.assignments.filter((a) => !a.hasSubmittedScores).map((a) => a.reviewer.name);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await closeReview({ variables: { input: { reviewId: review.id, reportSummary: values.reportSummary } } });
      const result = data?.closeReview;
      if (result?.__typename === "MutationCloseReviewSuccess") onDone(<FormattedMessage id="manage.closed" />);
      else if (result?.__typename === "ConflictError") setError("root.server", { type: result.code, message: errorText(intl, result.code, result.message) });
      else if (result?.__typename === "NotFoundError") setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <ModalDialog isOpen size="wide" onOpenChange={(open) => !open && onClose()} title={intl.formatMessage({ id: "manage.closeTitle" })}>
      {(close) => (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
          <p>
            <FormattedMessage id="manage.closeIntro" />
          </p>
          {missing.length > 0 && (
            <p className="notice notice-info">
              <FormattedMessage id="manage.closeMissing" values={{ count: missing.length, names: intl.formatList(missing) }} />
            </p>
          )}
          <FormErrors errors={formState.errors} />
          <TextAreaField control={control} name="reportSummary" rows={8} isRequired label={intl.formatMessage({ id: "manage.reportSummary" })} />
          <div className="dialog-actions">
            <button type="submit" className="button" disabled={formState.isSubmitting}>
              <FormattedMessage id="manage.closeSubmit" />
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              <FormattedMessage id="dialog.cancel" />
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}

function CancelDialog({ review, onClose, onDone }: DialogProps) {
  const intl = useIntl();
  const [cancel, { loading }] = useMutation(CancelReviewMutation, { refetchQueries: ["Reviews"] });
  const [failure, setFailure] = useState<string>();
  const city = cityLabel(review.pilot.organization);

  async function onConfirm() {
    setFailure(undefined);
    try {
      const { data } = await cancel({ variables: { input: { reviewId: review.id } } });
      const result = data?.cancelReview;
      if (result?.__typename === "MutationCancelReviewSuccess") onDone(<FormattedMessage id="manage.cancelled" />);
      else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else if (result?.__typename === "NotFoundError") setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  return (
    <ModalDialog isOpen role="alertdialog" onOpenChange={(open) => !open && onClose()} title={intl.formatMessage({ id: "manage.cancelTitle" }, { city })}>
      {(close) => (
        <>
          <p>
            <FormattedMessage id="manage.cancelBody" />
          </p>
          <div role="alert" className={failure ? "notice notice-error" : undefined}>
            {failure && <p>{failure}</p>}
          </div>
          <div className="dialog-actions">
            <button type="button" className="button button-danger" disabled={loading} onClick={() => void onConfirm()}>
              <FormattedMessage id="manage.cancelConfirm" />
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              <FormattedMessage id="manage.keep" />
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
