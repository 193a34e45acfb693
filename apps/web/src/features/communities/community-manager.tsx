import { useId, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { Button, DialogTrigger } from "react-aria-components";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import { attachmentAccept } from "@citypeer/domain/attachments";
import { CROSS_CUTTING_TOPICS, RESOURCE_TYPES, SESSION_KINDS } from "@citypeer/domain/communities";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { fromLocalInput } from "../benchmarks/dates.ts";
import { TextAreaField } from "../benchmarks/text-area-field.tsx";
import { uploadAttachment } from "../benchmarks/upload.ts";
import { cityLabel, type CommunityDetail } from "./community-page.tsx";
import { languageName } from "./resource-list.tsx";
import { AddResourceMutation, CreateSessionMutation, DecideMembershipMutation } from "./operations.ts";

const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

/** Languages offered for resources: the partners' working languages and those of the main newcomer groups. */
const RESOURCE_LANGUAGES = ["en", "de", "fr", "it", "es", "nl", "el", "bg", "sv", "ro", "pl", "hr", "ar", "uk", "fa", "ps", "tr", "ru"] as const;

/** Web links must be http(s) to a real host, as the API checks. */
const isWebUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
};
const optionalWebUrl = z.string().trim().max(2000).refine((v) => v === "" || isWebUrl(v), { params: { code: "invalid_url" } });

/**
 * The API's zod says `invalid_format` for a bad link too; in a link field that means "not a web address".
 * `ends_before_start` is worded for sessions here (the catalogue's text is about peer reviews).
 */
function linkIssues<T extends { path: readonly string[]; code: string; message: string }>(issues: readonly T[], linkFields: readonly string[]): T[] {
  return issues.map((i) =>
    i.code === "invalid_format" && linkFields.includes(i.path[0] ?? "")
      ? { ...i, code: "invalid_url" }
      : i.code === "ends_before_start"
        ? { ...i, code: "session_ends_before_start" }
        : i,
  );
}

/** Cities asking to join; the project team approves or declines each. */
export function MembershipRequests({ community, onDecided }: { community: CommunityDetail; onDecided: (message: ReactNode) => void }) {
  const intl = useIntl();
  const [decide, { loading }] = useMutation(DecideMembershipMutation, { refetchQueries: ["CommunityPage"], awaitRefetchQueries: true });
  const [failure, setFailure] = useState<string>();
  const requests = community.membershipRequests ?? [];

  async function onDecide(organizationId: string, city: string, decision: "APPROVE" | "DECLINE") {
    setFailure(undefined);
    try {
      const { data } = await decide({ variables: { input: { communityId: community.id, organizationId, decision } } });
      const result = data?.decideMembershipRequest;
      if (result?.__typename === "MutationDecideMembershipRequestSuccess")
        onDecided(<FormattedMessage id={decision === "APPROVE" ? "community.requestApproved" : "community.requestDeclined"} values={{ city: <bdi>{city}</bdi> }} />);
      else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  return (
    <section aria-labelledby="community-requests">
      <h2 id="community-requests">
        <FormattedMessage id="community.requests" />
      </h2>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      {requests.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="community.noRequests" />
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="requests-caption" tabIndex={0}>
          <table>
            <caption id="requests-caption">
              <FormattedMessage id="community.requestsCaption" values={{ count: requests.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="community.requestCity" />
                </th>
                <th scope="col">
                  <FormattedMessage id="community.requestedAt" />
                </th>
                <th scope="col">
                  <FormattedMessage id="community.actions" />
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => {
                const city = cityLabel(r.city);
                return (
                  <tr key={r.city.id}>
                    <th scope="row">
                      <bdi>{city}</bdi>
                    </th>
                    <td>
                      <time dateTime={r.requestedAt}>{intl.formatDate(r.requestedAt, { dateStyle: "medium" })}</time>
                    </td>
                    <td>
                      <div className="row-actions">
                        <button type="button" className="button button-small" disabled={loading} onClick={() => void onDecide(r.city.id, city, "APPROVE")}>
                          <FormattedMessage id="community.approve" values={{ city, hidden }} />
                        </button>
                        <button type="button" className="button button-small button-secondary" disabled={loading} onClick={() => void onDecide(r.city.id, city, "DECLINE")}>
                          <FormattedMessage id="community.decline" values={{ city, hidden }} />
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const sessionFormSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    kind: z.enum(SESSION_KINDS),
    topic: z.string(),
    startsAt: z.string().min(1),
    endsAt: z.string().min(1),
    location: z.string().trim().max(200),
    onlineUrl: optionalWebUrl,
    description: z.string().trim().max(5000),
  })
  .refine((v) => !v.startsAt || !v.endsAt || new Date(v.endsAt) > new Date(v.startsAt), { path: ["endsAt"], params: { code: "session_ends_before_start" } })
  .refine((v) => v.kind === "TRAINING" || v.topic === "", { path: ["topic"], params: { code: "topic_only_for_trainings" } });
const SESSION_FIELDS = ["title", "kind", "topic", "startsAt", "endsAt", "location", "onlineUrl", "description"] as const;

/** "Add a session": a meeting or a training of this community, in a dialog. */
export function AddSessionDialog({ community, onAdded }: { community: CommunityDetail; onAdded: (title: string) => void }) {
  const intl = useIntl();
  return (
    <DialogTrigger>
      <Button className="button button-small">
        <FormattedMessage id="community.addSession" />
      </Button>
      <ModalDialog title={intl.formatMessage({ id: "community.addSessionTitle" }, { community: community.name })} size="wide">
        {(close) => (
          <SessionForm
            community={community}
            onCancel={close}
            onAdded={(title) => {
              close();
              onAdded(title);
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function SessionForm({ community, onCancel, onAdded }: { community: CommunityDetail; onCancel: () => void; onAdded: (title: string) => void }) {
  const intl = useIntl();
  const [create] = useMutation(CreateSessionMutation, { refetchQueries: ["CommunityPage"], awaitRefetchQueries: true });
  const form = useForm({
    resolver: zodResolver(sessionFormSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { title: "", kind: "MEETING" as const, topic: "", startsAt: "", endsAt: "", location: "", onlineUrl: "", description: "" },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await create({
        variables: {
          input: {
            communityId: community.id,
            title: values.title,
            kind: values.kind,
            topic: values.topic ? (values.topic as (typeof CROSS_CUTTING_TOPICS)[number]) : null,
            startsAt: fromLocalInput(values.startsAt)!,
            endsAt: fromLocalInput(values.endsAt)!,
            location: values.location || null,
            onlineUrl: values.onlineUrl || null,
            description: values.description,
          },
        },
      });
      const result = data?.createCommunitySession;
      if (result?.__typename === "MutationCreateCommunitySessionSuccess") onAdded(result.data.title);
      else if (result?.__typename === "InputError") setServerIssues(intl, setError, linkIssues(result.issues, ["onlineUrl"]), SESSION_FIELDS);
      else setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <FormErrors errors={formState.errors} />
      <Field control={control} name="title" isRequired label={intl.formatMessage({ id: "community.sessionTitle" })} />
      <div className="form-row">
        <SelectField control={control} name="kind" label={intl.formatMessage({ id: "community.sessionKind" })}>
          {SESSION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {intl.formatMessage({ id: `sessionKind.${kind}` })}
            </option>
          ))}
        </SelectField>
        <SelectField control={control} name="topic" label={intl.formatMessage({ id: "community.sessionTopic" })}>
          <option value="">{intl.formatMessage({ id: "community.noTopic" })}</option>
          {CROSS_CUTTING_TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {intl.formatMessage({ id: `topic.${topic}` })}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <Field control={control} name="startsAt" type="datetime-local" isRequired label={intl.formatMessage({ id: "community.sessionStarts" })} />
        <Field control={control} name="endsAt" type="datetime-local" isRequired label={intl.formatMessage({ id: "community.sessionEnds" })} />
      </div>
      <Field control={control} name="location" label={intl.formatMessage({ id: "community.sessionLocation" })} />
      <Field control={control} name="onlineUrl" type="url" label={intl.formatMessage({ id: "community.sessionOnlineUrl" })} description={intl.formatMessage({ id: "community.linkHint" })} />
      <TextAreaField control={control} name="description" label={intl.formatMessage({ id: "community.sessionDescription" })} />
      <div className="dialog-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "community.saving" : "community.addSessionSubmit"} />
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          <FormattedMessage id="dialog.cancel" />
        </button>
      </div>
    </form>
  );
}

const resourceFormSchema = z.object({
  title: z.string().trim().min(1).max(200),
  type: z.enum(RESOURCE_TYPES),
  language: z.string().min(1),
  url: optionalWebUrl,
});
const RESOURCE_FIELDS = ["title", "type", "language", "url"] as const;

/** "Add a resource": a link or an uploaded file, with its type and language. */
export function AddResourceDialog({ community, onAdded }: { community: CommunityDetail; onAdded: (title: string) => void }) {
  const intl = useIntl();
  return (
    <DialogTrigger>
      <Button className="button button-small">
        <FormattedMessage id="community.addResource" />
      </Button>
      <ModalDialog title={intl.formatMessage({ id: "community.addResourceTitle" }, { community: community.name })}>
        {(close) => (
          <ResourceForm
            community={community}
            onCancel={close}
            onAdded={(title) => {
              close();
              onAdded(title);
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function ResourceForm({ community, onCancel, onAdded }: { community: CommunityDetail; onCancel: () => void; onAdded: (title: string) => void }) {
  const intl = useIntl();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [add] = useMutation(AddResourceMutation, { refetchQueries: ["CommunityPage"], awaitRefetchQueries: true });
  const form = useForm({
    resolver: zodResolver(resourceFormSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { title: "", type: "GUIDELINE" as const, language: intl.locale.split("-")[0] ?? "en", url: "" },
  });
  const { control, formState, setError } = form;
  const languages = new Intl.DisplayNames([intl.locale], { type: "language" });
  const collator = new Intl.Collator(intl.locale);
  const languageOptions = [...RESOURCE_LANGUAGES].sort((a, b) => collator.compare(languageName(languages, a), languageName(languages, b)));

  const onSubmit = form.handleSubmit(async (values) => {
    setFileError(undefined);
    if (!values.url && !file) return setError("url", { type: "link_or_file_required", message: errorText(intl, "link_or_file_required") }, { shouldFocus: true });
    if (values.url && file) return setError("url", { type: "link_or_file_not_both", message: errorText(intl, "link_or_file_not_both") }, { shouldFocus: true });
    try {
      let attachmentId: string | null = null;
      if (file) {
        const upload = await uploadAttachment(file, "RESOURCE");
        if (!upload.ok) return setFileError(errorText(intl, upload.code, upload.message));
        attachmentId = upload.attachment.id;
      }
      const { data } = await add({
        variables: { input: { communityId: community.id, title: values.title, type: values.type, language: values.language, url: values.url || null, attachmentId } },
      });
      const result = data?.addCommunityResource;
      if (result?.__typename === "MutationAddCommunityResourceSuccess") onAdded(values.title);
      else if (result?.__typename === "InputError") setServerIssues(intl, setError, linkIssues(result.issues, ["url"]), RESOURCE_FIELDS);
      else setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <FormErrors errors={formState.errors} />
      <Field control={control} name="title" isRequired label={intl.formatMessage({ id: "community.resourceTitle" })} />
      <div className="form-row">
        <SelectField control={control} name="type" label={intl.formatMessage({ id: "community.resourceType" })}>
          {RESOURCE_TYPES.map((type) => (
            <option key={type} value={type}>
              {intl.formatMessage({ id: `resourceType.${type}` })}
            </option>
          ))}
        </SelectField>
        <SelectField control={control} name="language" label={intl.formatMessage({ id: "community.resourceLanguage" })}>
          {languageOptions.map((code) => (
            <option key={code} value={code}>
              {languageName(languages, code)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="field-hint">
        <FormattedMessage id="community.linkOrFile" />
      </p>
      <Field control={control} name="url" type="url" label={intl.formatMessage({ id: "community.resourceLink" })} description={intl.formatMessage({ id: "community.linkHint" })} />
      <FileInput id={fileId} label={intl.formatMessage({ id: "community.resourceFile" })} error={fileError} onChange={setFile} intl={intl} />
      <div className="dialog-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "community.saving" : "community.addResourceSubmit"} />
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          <FormattedMessage id="dialog.cancel" />
        </button>
      </div>
    </form>
  );
}

function FileInput({ id, label, error, onChange, intl }: { id: string; label: string; error?: string; onChange: (file: File | null) => void; intl: IntlShape }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {intl.formatMessage({ id: "attachments.hint" })}
      </p>
      <input
        id={id}
        type="file"
        className="file-input"
        accept={attachmentAccept("RESOURCE")}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
