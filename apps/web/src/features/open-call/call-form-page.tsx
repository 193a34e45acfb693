import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { z } from "zod";
import { errorText } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { CheckboxGroupField } from "../../ui/checkbox-group-field.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { zodIssueText } from "../../ui/form-issues.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { setServerIssuesAt, fieldMatcher } from "./server-issues.ts";
import { callPath, nodeId } from "./ids.ts";
import { CallCommunitiesQuery, CreateOpenCallMutation, OpenCallQuery, UpdateOpenCallMutation } from "./operations.ts";
import { TextAreaField } from "./text-area-field.tsx";
import "./open-call.css";

const whole = (min: number, max: number, code: string) =>
  z.string().refine((v) => /^\d{1,3}$/.test(v.trim()) && Number(v) >= min && Number(v) <= max, { params: { code } });

// The API's rules (createCallSchema) as the form holds them: numbers and the deadline as typed text.
const formSchema = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().min(1).max(20_000),
  eligibility: z.string().trim().max(10_000),
  deadline: z.string().refine((v) => !Number.isNaN(Date.parse(v)), { params: { code: "invalid_deadline" } }),
  places: whole(1, 100, "invalid_places"),
  communityIds: z.array(z.string()).min(1),
  criteria: z
    .array(z.object({ title: z.string().trim().min(1).max(200), description: z.string().trim().max(2000), weight: whole(1, 10, "invalid_weight") }))
    .min(1)
    .max(20),
});
type FormValues = z.input<typeof formSchema>;
const isField = fieldMatcher(["title", "description", "eligibility", "deadline", "places", "communityIds", "criteria", "criteria.\\d+.title", "criteria.\\d+.description", "criteria.\\d+.weight"]);

type Call = NonNullable<ResultOf<typeof OpenCallQuery>["openCall"]>;

/** "2026-05-31T12:00" in the reader's time zone, as a datetime-local input shows it. */
function localInputValue(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `/open-calls/new` and `/open-calls/:id/edit` (project managers): the call's text, themes, deadline, places and criteria. */
export function CallFormPage() {
  const intl = useIntl();
  const param = useParams().id;
  const id = param ? nodeId("OpenCall", param) : null;
  const call = useQuery(OpenCallQuery, { variables: { id: id ?? "" }, skip: !id, fetchPolicy: "network-only" });
  const communities = useQuery(CallCommunitiesQuery);
  const error = call.error ?? communities.error;

  const title = intl.formatMessage({ id: id ? "callForm.editTitle" : "callForm.createTitle" });
  if (error)
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <QueryError error={error} onRetry={() => void (call.refetch(), communities.refetch())} />
      </>
    );
  if (!communities.data || (id && !call.data))
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (id && !call.data?.openCall)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "openCall.notFound" })}</PageHeading>
        <Link to="/open-calls">
          <FormattedMessage id="openCall.backToCalls" />
        </Link>
      </>
    );
  return (
    <div className="narrow">
      <PageHeading>{title}</PageHeading>
      <CallForm call={call.data?.openCall ?? null} communities={communities.data.communities} />
    </div>
  );
}

function CallForm({ call, communities }: { call: Call | null; communities: readonly { id: string; name: string }[] }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const [create] = useMutation(CreateOpenCallMutation, { refetchQueries: ["OpenCalls"] });
  const [update] = useMutation(UpdateOpenCallMutation, { refetchQueries: ["OpenCalls"] });
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: call
      ? {
          title: call.title,
          description: call.description,
          eligibility: call.eligibility,
          deadline: localInputValue(call.deadline),
          places: String(call.places),
          communityIds: call.themes.map((t) => t.communityId),
          criteria: call.criteria.map((c) => ({ title: c.title, description: c.description, weight: String(c.weight) })),
        }
      : { title: "", description: "", eligibility: "", deadline: "", places: "3", communityIds: [], criteria: [{ title: "", description: "", weight: "1" }] },
  });
  const { control, formState, setError } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "criteria" });

  const onSubmit = form.handleSubmit(async (values) => {
    const input = {
      title: values.title,
      description: values.description,
      eligibility: values.eligibility,
      deadline: new Date(values.deadline).toISOString(),
      places: Number(values.places),
      communityIds: values.communityIds,
      criteria: values.criteria.map((c) => ({ title: c.title, description: c.description, weight: Number(c.weight) })),
    };
    try {
      if (call) {
        const result = (await update({ variables: { input: { ...input, callId: call.id } } })).data?.updateOpenCall;
        if (result?.__typename === "MutationUpdateOpenCallSuccess") return void navigate(callPath(result.data.id));
        if (result?.__typename === "InputError") return setServerIssuesAt(intl, setError, result.issues, isField);
        if (result?.__typename === "ConflictError") return setError("root.server", { type: result.code, message: errorText(intl, result.code, result.message) });
        return setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
      }
      const result = (await create({ variables: { input } })).data?.createOpenCall;
      if (result?.__typename === "MutationCreateOpenCallSuccess") return void navigate(callPath(result.data.id));
      if (result?.__typename === "InputError") setServerIssuesAt(intl, setError, result.issues, isField);
    } catch (e) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(e)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <FormErrors errors={formState.errors} />
      <Field control={control} name="title" isRequired label={intl.formatMessage({ id: "callForm.title" })} />
      <TextAreaField control={control} name="description" isRequired rows={6} label={intl.formatMessage({ id: "callForm.description" })} />
      <TextAreaField control={control} name="eligibility" label={intl.formatMessage({ id: "callForm.eligibility" })} description={intl.formatMessage({ id: "callForm.eligibilityHint" })} />
      <Field control={control} name="deadline" type="datetime-local" isRequired label={intl.formatMessage({ id: "callForm.deadline" })} description={intl.formatMessage({ id: "callForm.deadlineHint" })} />
      <Field control={control} name="places" inputMode="numeric" isRequired label={intl.formatMessage({ id: "callForm.places" })} description={intl.formatMessage({ id: "callForm.placesHint" })} />
      <CheckboxGroupField control={control} name="communityIds" label={intl.formatMessage({ id: "callForm.themes" })} options={communities.map((c) => ({ value: c.id, label: c.name }))} />
      <fieldset className="oc-fieldset">
        <legend>
          <FormattedMessage id="callForm.criteria" />
        </legend>
        <p className="field-hint">
          <FormattedMessage id="callForm.criteriaHint" />
        </p>
        {fields.map((f, i) => (
          <div key={f.id} className="oc-criteria-row" role="group" aria-label={intl.formatMessage({ id: "callForm.criterionN" }, { n: i + 1 })}>
            <Field control={control} name={`criteria.${i}.title`} isRequired label={intl.formatMessage({ id: "callForm.criterionTitle" }, { n: i + 1 })} />
            <Field control={control} name={`criteria.${i}.description`} label={intl.formatMessage({ id: "callForm.criterionDescription" }, { n: i + 1 })} />
            <Field control={control} name={`criteria.${i}.weight`} inputMode="numeric" isRequired label={intl.formatMessage({ id: "callForm.criterionWeight" }, { n: i + 1 })} />
            <button type="button" className="button button-secondary button-small" disabled={fields.length === 1} onClick={() => remove(i)}>
              <FormattedMessage id="callForm.removeCriterion" values={{ n: i + 1 }} />
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary" onClick={() => append({ title: "", description: "", weight: "1" })}>
          <FormattedMessage id="callForm.addCriterion" />
        </button>
      </fieldset>
      <div className="form-footer">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={call ? "callForm.save" : "callForm.create"} />
        </button>
        <Link to={call ? callPath(call.id) : "/open-calls"} className="button button-secondary">
          <FormattedMessage id="dialog.cancel" />
        </Link>
      </div>
    </form>
  );
}
