import { useId, useRef, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import type { MessageId } from "../../app/i18n.tsx";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { ImportFrameworkMutation } from "./operations.ts";
import { TextAreaField } from "./text-area-field.tsx";

/** The API refuses more than 2 MB; the form says so before reading the file. */
const MAX_IMPORT_BYTES = 2_000_000;

const formSchema = z.object({
  title: z.string().trim().max(300),
  format: z.enum(["CSV", "JSON"]),
  content: z.string().min(1),
});

type Problem = { row: number; column: string; code: string; message: string };

/** An import problem in the reader's language where we know its code, else the API's English text. */
function problemText(intl: IntlShape, p: Problem): string {
  const id = `importIssue.${p.code}`;
  return id in intl.messages ? intl.formatMessage({ id: id as MessageId }, { column: p.column }) : p.message;
}

/**
 * Project managers load a framework from a CSV or JSON file (or pasted text). Nothing is imported when
 * anything is wrong; the report lists each problem with its row and column, as a table.
 */
export function FrameworkImport({ communityId, onImported }: { communityId: string; onImported: (version: number) => void }) {
  const intl = useIntl();
  const fileId = useId();
  const reportRef = useRef<HTMLHeadingElement>(null);
  const [problems, setProblems] = useState<Problem[]>();
  const [status, setStatus] = useState<ReactNode>();
  const [fileError, setFileError] = useState<string>();
  const [importFramework] = useMutation(ImportFrameworkMutation);
  const form = useForm({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { title: "", format: "CSV" as "CSV" | "JSON", content: "" },
  });
  const { control, formState, setError, setValue } = form;

  async function onFile(file: File | undefined) {
    setFileError(undefined);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setFileError(errorText(intl, "import_too_large"));
    setValue("format", file.name.toLowerCase().endsWith(".json") ? "JSON" : "CSV");
    setValue("content", await file.text(), { shouldValidate: true });
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setProblems(undefined);
    setStatus(undefined);
    try {
      const { data } = await importFramework({
        variables: { input: { communityId, format: values.format, content: values.content, title: values.title || null } },
      });
      const result = data?.importBenchmarkFramework;
      if (result?.__typename === "MutationImportBenchmarkFrameworkSuccess") {
        setStatus(<FormattedMessage id="import.done" values={{ version: result.data.version, title: <bdi>{result.data.title}</bdi> }} />);
        form.reset();
        onImported(result.data.version);
      } else if (result?.__typename === "ImportError") {
        setProblems(result.issues);
        // the report replaces the form's attention: move focus to it so it is read at once
        setTimeout(() => reportRef.current?.focus());
      } else if (result?.__typename === "InputError") {
        const onForm = result.issues.filter((i) => i.path[0] === "content" || i.path[0] === "title");
        if (onForm.length) setServerIssues(intl, setError, onForm, ["content", "title"]);
        const rest = result.issues.filter((i) => !onForm.includes(i));
        if (rest.length) {
          setProblems(rest.map((i) => ({ row: 0, column: i.path.join("."), code: i.code, message: i.message })));
          setTimeout(() => reportRef.current?.focus());
        }
      } else setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <section aria-labelledby="framework-import" className="panel">
      <h2 id="framework-import">
        <FormattedMessage id="import.title" />
      </h2>
      <p>
        <FormattedMessage id="import.intro" />
      </p>
      <StatusMessage>{status}</StatusMessage>
      {problems && (
        <div className="notice notice-error import-report">
          <h3 ref={reportRef} tabIndex={-1}>
            <FormattedMessage id="import.failed" values={{ count: problems.length }} />
          </h3>
          <div className="table-scroll" role="region" aria-labelledby="import-report-caption" tabIndex={0}>
            <table>
              <caption id="import-report-caption">
                <FormattedMessage id="import.reportCaption" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="import.row" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="import.column" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="import.problem" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.row > 0 ? intl.formatNumber(p.row) : intl.formatMessage({ id: "import.wholeFile" })}</td>
                    <td>
                      <bdi className="code">{p.column || "–"}</bdi>
                    </td>
                    <td>{problemText(intl, p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="form narrow-form">
        <FormErrors errors={formState.errors} />
        <Field control={control} name="title" label={intl.formatMessage({ id: "import.frameworkTitle" })} description={intl.formatMessage({ id: "import.titleHint" })} />
        <div className="field">
          <label htmlFor={fileId} className="field-label">
            <FormattedMessage id="import.file" />
          </label>
          <p id={`${fileId}-hint`} className="field-hint">
            <FormattedMessage id="import.fileHint" />
          </p>
          <input
            id={fileId}
            type="file"
            className="file-input"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby={fileError ? `${fileId}-hint ${fileId}-error` : `${fileId}-hint`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
          {fileError && (
            <p id={`${fileId}-error`} className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <SelectField control={control} name="format" label={intl.formatMessage({ id: "import.format" })}>
          <option value="CSV">CSV</option>
          <option value="JSON">JSON</option>
        </SelectField>
        <TextAreaField control={control} name="content" rows={8} isRequired label={intl.formatMessage({ id: "import.content" })} description={intl.formatMessage({ id: "import.contentHint" })} />
        <div>
          <button type="submit" className="button" disabled={formState.isSubmitting}>
            <FormattedMessage id={formState.isSubmitting ? "import.importing" : "import.submit"} />
          </button>
        </div>
      </form>
    </section>
  );
}
