import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { z } from "zod";
import { applyToCallSchema } from "@citypeer/domain/open-call";
import { errorText, useLocale } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { CheckboxGroupField } from "../../ui/checkbox-group-field.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { callPath, nodeId } from "./ids.ts";
import { COUNTRIES, WORKING_LANGUAGES, countryName, formatDeadline, languageName, refusalText, sortedOptions } from "./labels.ts";
import { ApplyToOpenCallMutation, OpenCallQuery } from "./operations.ts";
import { TextAreaField } from "./text-area-field.tsx";
import "./open-call.css";

// The API's rule (shared zod schema); the call comes from the address and the theme is a global ID from the select.
const formSchema = applyToCallSchema.omit({ callId: true, communityId: true }).extend({
  country: z.string().refine((v) => /^[A-Z]{2}$/.test(v), { params: { code: "choose_country" } }),
  communityId: z.string().refine((v) => v !== "", { params: { code: "choose_theme" } }),
});
const FIELDS = ["cityName", "country", "contactName", "contactEmail", "communityId", "currentSituation", "needs", "motivation", "workingLanguages"] as const;

type Receipt = Extract<NonNullable<ResultOf<typeof ApplyToOpenCallMutation>["applyToOpenCall"]>, { __typename: "MutationApplyToOpenCallSuccess" }>["data"];

/** `/open-calls/:id/apply` (public): an outside city applies without an account; the contact gets an activation link. */
export function ApplyPage() {
  const intl = useIntl();
  const id = nodeId("OpenCall", useParams().id ?? "");
  const { data, error, refetch } = useQuery(OpenCallQuery, { variables: { id } });
  const [receipt, setReceipt] = useState<Receipt>();
  const call = data?.openCall;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (!call)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "openCall.notFound" })}</PageHeading>
        <Link to="/open-calls">
          <FormattedMessage id="openCall.backToCalls" />
        </Link>
      </>
    );
  if (receipt) return <ApplicationReceived receipt={receipt} />;

  return (
    <div className="narrow">
      <p>
        <Link to={callPath(call.id)}>
          <FormattedMessage id="apply.backToCall" />
        </Link>
      </p>
      <PageHeading>{intl.formatMessage({ id: "apply.title" }, { title: call.title })}</PageHeading>
      <p>
        <FormattedMessage id="apply.intro" values={{ deadline: formatDeadline(intl, call.deadline) }} />
      </p>
      {!call.isOpen && (
        <p className="notice notice-info">
          <FormattedMessage id="openCall.closedNotice" />
        </p>
      )}
      <ApplyForm callId={call.id} themes={call.themes} onApplied={setReceipt} />
    </div>
  );
}

function ApplyForm({ callId, themes, onApplied }: { callId: string; themes: readonly { communityId: string; name: string }[]; onApplied: (r: Receipt) => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [apply] = useMutation(ApplyToOpenCallMutation);
  // The honeypot is not part of the form state: people never see it, so whatever is in the field (a robot
  // filled the page) is read from the page when the form is sent.
  const honeypot = useRef<HTMLInputElement>(null);
  const form = useForm({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: {
      cityName: "",
      country: "",
      contactName: "",
      contactEmail: "",
      communityId: themes.length === 1 ? themes[0]!.communityId : "",
      currentSituation: "",
      needs: "",
      motivation: "",
      workingLanguages: [],
    },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await apply({
        variables: { input: { ...values, callId, website: honeypot.current?.value ?? "", locale } },
      });
      const result = data?.applyToOpenCall;
      if (result?.__typename === "MutationApplyToOpenCallSuccess") onApplied(result.data);
      else if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, FIELDS);
      else if (result?.__typename === "ApplicationRefusedError")
        setError("root.server", { type: result.code, message: refusalText(intl, result.code, result.message, result.retryAfterSeconds) });
      else if (result?.__typename === "NotFoundError") setError("root.server", { type: "not_found", message: errorText(intl, "call_not_found") });
    } catch (e) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(e)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form" aria-labelledby="apply-form-title">
      <h2 id="apply-form-title" className="visually-hidden">
        <FormattedMessage id="apply.formTitle" />
      </h2>
      <FormErrors errors={formState.errors} />
      <fieldset className="oc-fieldset">
        <legend>
          <FormattedMessage id="apply.cityLegend" />
        </legend>
        <Field control={control} name="cityName" isRequired autoComplete="address-level2" label={intl.formatMessage({ id: "apply.cityName" })} />
        <SelectField control={control} name="country" label={intl.formatMessage({ id: "apply.country" })}>
          <option value="">{intl.formatMessage({ id: "apply.chooseCountry" })}</option>
          {sortedOptions(intl, COUNTRIES, countryName).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="oc-fieldset">
        <legend>
          <FormattedMessage id="apply.contactLegend" />
        </legend>
        <Field control={control} name="contactName" isRequired autoComplete="name" label={intl.formatMessage({ id: "apply.contactName" })} />
        <Field
          control={control}
          name="contactEmail"
          type="email"
          isRequired
          autoComplete="email"
          label={intl.formatMessage({ id: "apply.contactEmail" })}
          description={intl.formatMessage({ id: "apply.contactEmailHint" })}
        />
      </fieldset>
      <SelectField control={control} name="communityId" label={intl.formatMessage({ id: "apply.theme" })}>
        <option value="">{intl.formatMessage({ id: "apply.chooseTheme" })}</option>
        {themes.map((t) => (
          <option key={t.communityId} value={t.communityId}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField control={control} name="currentSituation" isRequired label={intl.formatMessage({ id: "apply.currentSituation" })} description={intl.formatMessage({ id: "apply.currentSituationHint" })} />
      <TextAreaField control={control} name="needs" isRequired label={intl.formatMessage({ id: "apply.needs" })} description={intl.formatMessage({ id: "apply.needsHint" })} />
      <TextAreaField control={control} name="motivation" isRequired label={intl.formatMessage({ id: "apply.motivation" })} />
      <CheckboxGroupField
        control={control}
        name="workingLanguages"
        label={intl.formatMessage({ id: "apply.workingLanguages" })}
        options={sortedOptions(intl, WORKING_LANGUAGES, languageName)}
      />
      {/* Honeypot: invisible and unreachable for people and assistive technology; only robots fill it in. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="apply-website">
          <FormattedMessage id="apply.honeypot" />
        </label>
        <input ref={honeypot} id="apply-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <p className="muted">
        <FormattedMessage id="apply.privacy" />
      </p>
      <div className="form-footer">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "apply.submitting" : "apply.submit"} />
        </button>
      </div>
    </form>
  );
}

function ApplicationReceived({ receipt }: { receipt: Receipt }) {
  const intl = useIntl();
  return (
    <div className="narrow">
      <PageHeading>{intl.formatMessage({ id: "apply.receivedTitle" })}</PageHeading>
      <div role="status" className="notice notice-success">
        <p>
          <FormattedMessage id="apply.received" values={{ city: <bdi>{receipt.cityName}</bdi>, title: <bdi>{receipt.callTitle}</bdi> }} />
        </p>
      </div>
      <p>
        {receipt.activationEmailSent ? (
          <FormattedMessage id="apply.checkEmail" values={{ email: <bdi>{receipt.contactEmail}</bdi> }} />
        ) : (
          <FormattedMessage id="apply.signInToFollow" values={{ email: <bdi>{receipt.contactEmail}</bdi> }} />
        )}
      </p>
      <p>
        <Link to="/open-calls">
          <FormattedMessage id="openCall.backToCalls" />
        </Link>
      </p>
    </div>
  );
}
