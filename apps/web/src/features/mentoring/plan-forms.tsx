import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import { OUTCOME_QUESTIONS } from "@citypeer/domain/open-call";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { zodIssueText } from "../../ui/form-issues.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { fieldMatcher, setServerIssuesAt } from "../open-call/server-issues.ts";
import { TextAreaField } from "../open-call/text-area-field.tsx";
import { ACTION_STATUSES, MENTORING_FORMATS, actionStatusLabel, formatLabel, type ActionStatus, type MentoringFormat } from "./labels.ts";
import { SaveMentoringSessionMutation, SaveSupportActionMutation, SubmitOutcomeSurveyMutation, UpdateSupportPlanGoalsMutation } from "./operations.ts";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
type Conflictish = { __typename: string; code?: string; message?: string; issues?: readonly { path: readonly string[]; code: string; message: string }[] };

/** Maps a mutation's typed failure onto the form (field issues next to fields, the rest as the form's alert). */
function showFailure(intl: ReturnType<typeof useIntl>, setError: (name: never, e: { type: string; message: string }) => void, result: Conflictish | undefined, isField: (p: string) => boolean) {
  if (result?.__typename === "InputError" && result.issues) setServerIssuesAt(intl, setError as never, result.issues, isField);
  else if (result?.__typename === "ConflictError" && result.code) setError("root.server" as never, { type: result.code, message: errorText(intl, result.code, result.message) });
  else setError("root.server" as never, { type: "not_found", message: errorText(intl, "not_found") });
}

const goalsSchema = z.object({ goals: z.string().trim().max(10_000) });

/** The plan's goals, as free text the mentor and the city write together. */
export function GoalsForm({ assignmentId, goals, onSaved }: { assignmentId: string; goals: string; onSaved: () => void }) {
  const intl = useIntl();
  const [save] = useMutation(UpdateSupportPlanGoalsMutation);
  const form = useForm({ resolver: zodResolver(goalsSchema, { error: (issue) => zodIssueText(intl, issue) }), defaultValues: { goals } });
  const { control, formState, setError } = form;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = (await save({ variables: { input: { assignmentId, goals: values.goals } } })).data?.updateSupportPlanGoals;
      if (result?.__typename === "MutationUpdateSupportPlanGoalsSuccess") onSaved();
      else showFailure(intl, setError as never, result, (p) => p === "goals");
    } catch (e) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(e)) });
    }
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <FormErrors errors={formState.errors} />
      <TextAreaField control={control} name="goals" rows={5} label={intl.formatMessage({ id: "plan.goals" })} description={intl.formatMessage({ id: "plan.goalsHint" })} />
      <div className="form-footer">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id="plan.saveGoals" />
        </button>
      </div>
    </form>
  );
}

const actionSchema = z.object({
  title: z.string().trim().min(1).max(300),
  owner: z.string().trim().min(1).max(200),
  dueDate: z.string().refine((v) => v === "" || ISO_DAY.test(v), { params: { code: "invalid_date" } }),
  status: z.enum(["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"]),
});
const isActionField = fieldMatcher(["title", "owner", "dueDate", "status"]);

export type ActionRow = { id: string; title: string; owner: string; dueDate?: string | null; status: ActionStatus };

/** Adds or edits one action of the plan, in a dialog. */
export function ActionDialog({ assignmentId, action, onClose, onSaved }: { assignmentId: string; action: ActionRow | null; onClose: () => void; onSaved: (title: string) => void }) {
  const intl = useIntl();
  const [save] = useMutation(SaveSupportActionMutation);
  const form = useForm({
    resolver: zodResolver(actionSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { title: action?.title ?? "", owner: action?.owner ?? "", dueDate: action?.dueDate?.slice(0, 10) ?? "", status: action?.status ?? "OPEN" },
  });
  const { control, formState, setError } = form;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = (
        await save({ variables: { input: { assignmentId, actionId: action?.id ?? null, title: values.title, owner: values.owner, dueDate: values.dueDate || null, status: values.status } } })
      ).data?.saveSupportAction;
      if (result?.__typename === "MutationSaveSupportActionSuccess") onSaved(values.title);
      else showFailure(intl, setError as never, result, isActionField);
    } catch (e) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(e)) });
    }
  });
  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={intl.formatMessage({ id: action ? "plan.editAction" : "plan.addAction" })}>
      {(close) => (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
          <FormErrors errors={formState.errors} />
          <Field control={control} name="title" isRequired label={intl.formatMessage({ id: "plan.actionTitle" })} />
          <Field control={control} name="owner" isRequired label={intl.formatMessage({ id: "plan.actionOwner" })} description={intl.formatMessage({ id: "plan.actionOwnerHint" })} />
          <Field control={control} name="dueDate" type="date" label={intl.formatMessage({ id: "plan.actionDue" })} />
          <SelectField control={control} name="status" label={intl.formatMessage({ id: "plan.actionStatus" })}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {actionStatusLabel(intl, s)}
              </option>
            ))}
          </SelectField>
          <div className="dialog-actions">
            <button type="submit" className="button" disabled={formState.isSubmitting}>
              <FormattedMessage id="plan.saveAction" />
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

const sessionSchema = z.object({
  date: z.string().refine((v) => ISO_DAY.test(v), { params: { code: "invalid_date" } }),
  format: z.enum(["ON_SITE", "ONLINE", "PHONE"]),
  notes: z.string().trim().max(20_000),
  followUps: z.string().trim().max(10_000),
});
const isSessionField = fieldMatcher(["date", "format", "notes", "followUps"]);

export type SessionRow = { id: string; date: string; format: MentoringFormat; notes: string; followUps: string };

/** Records or edits one mentoring session (a calendar day, kept at noon UTC so no time zone moves it). */
export function SessionDialog({ assignmentId, session, onClose, onSaved }: { assignmentId: string; session: SessionRow | null; onClose: () => void; onSaved: () => void }) {
  const intl = useIntl();
  const [save] = useMutation(SaveMentoringSessionMutation);
  const form = useForm({
    resolver: zodResolver(sessionSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { date: session?.date.slice(0, 10) ?? "", format: session?.format ?? "ONLINE", notes: session?.notes ?? "", followUps: session?.followUps ?? "" },
  });
  const { control, formState, setError } = form;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = (
        await save({ variables: { input: { assignmentId, sessionId: session?.id ?? null, date: `${values.date}T12:00:00.000Z`, format: values.format, notes: values.notes, followUps: values.followUps } } })
      ).data?.saveMentoringSession;
      if (result?.__typename === "MutationSaveMentoringSessionSuccess") onSaved();
      else showFailure(intl, setError as never, result, isSessionField);
    } catch (e) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(e)) });
    }
  });
  return (
    <ModalDialog isOpen size="wide" onOpenChange={(open) => !open && onClose()} title={intl.formatMessage({ id: session ? "plan.editSession" : "plan.addSession" })}>
      {(close) => (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
          <FormErrors errors={formState.errors} />
          <Field control={control} name="date" type="date" isRequired label={intl.formatMessage({ id: "plan.sessionDate" })} />
          <SelectField control={control} name="format" label={intl.formatMessage({ id: "plan.sessionFormat" })}>
            {MENTORING_FORMATS.map((f) => (
              <option key={f} value={f}>
                {formatLabel(intl, f)}
              </option>
            ))}
          </SelectField>
          <TextAreaField control={control} name="notes" rows={5} label={intl.formatMessage({ id: "plan.sessionNotes" })} />
          <TextAreaField control={control} name="followUps" rows={3} label={intl.formatMessage({ id: "plan.sessionFollowUps" })} />
          <div className="dialog-actions">
            <button type="submit" className="button" disabled={formState.isSubmitting}>
              <FormattedMessage id="plan.saveSession" />
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

const rating = z.string().refine((v) => /^[1-5]$/.test(v), { params: { code: "choose_rating" } });
const surveySchema = z.object({
  goalsAchieved: rating,
  mentorSupport: rating,
  peerExchange: rating,
  wouldRecommend: rating,
  whatChanged: z.string().trim().min(1).max(5000),
  suggestions: z.string().trim().max(5000),
});
const isSurveyField = fieldMatcher([...OUTCOME_QUESTIONS, "whatChanged", "suggestions"]);

/** The mentee city's outcome survey at the end of mentoring (ends the assignment). */
export function OutcomeSurveyForm({ assignmentId, onSubmitted }: { assignmentId: string; onSubmitted: () => void }) {
  const intl = useIntl();
  const [submit] = useMutation(SubmitOutcomeSurveyMutation);
  const form = useForm({
    resolver: zodResolver(surveySchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { goalsAchieved: "", mentorSupport: "", peerExchange: "", wouldRecommend: "", whatChanged: "", suggestions: "" },
  });
  const { control, formState, setError } = form;
  const onSubmit = form.handleSubmit(async (v) => {
    try {
      const result = (
        await submit({
          variables: {
            input: {
              assignmentId,
              goalsAchieved: Number(v.goalsAchieved),
              mentorSupport: Number(v.mentorSupport),
              peerExchange: Number(v.peerExchange),
              wouldRecommend: Number(v.wouldRecommend),
              whatChanged: v.whatChanged,
              suggestions: v.suggestions,
            },
          },
        })
      ).data?.submitOutcomeSurvey;
      if (result?.__typename === "MutationSubmitOutcomeSurveySuccess") onSubmitted();
      else showFailure(intl, setError as never, result, isSurveyField);
    } catch (e) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(e)) });
    }
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <p>
        <FormattedMessage id="survey.intro" />
      </p>
      <FormErrors errors={formState.errors} />
      {OUTCOME_QUESTIONS.map((q) => (
        <SelectField key={q} control={control} name={q} label={intl.formatMessage({ id: `survey.${q}` })}>
          <option value="">{intl.formatMessage({ id: "survey.choose" })}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {intl.formatMessage({ id: "survey.rating" }, { n })}
            </option>
          ))}
        </SelectField>
      ))}
      <TextAreaField control={control} name="whatChanged" isRequired label={intl.formatMessage({ id: "survey.whatChanged" })} />
      <TextAreaField control={control} name="suggestions" label={intl.formatMessage({ id: "survey.suggestions" })} />
      <div className="form-footer">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id="survey.submit" />
        </button>
      </div>
    </form>
  );
}
