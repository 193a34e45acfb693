import { memo, useId, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { FieldError, Label, Radio, RadioGroup } from "react-aria-components";
import { useController, useWatch, type Control } from "react-hook-form";
import { MAX_ATTACHMENT_BYTES, attachmentAccept } from "@citypeer/domain/attachments";
import { errorText } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import type { FrameworkFields } from "./operations.ts";
import { TextAreaField } from "./text-area-field.tsx";
import { formatBytes, uploadAttachment } from "./upload.ts";

type Indicator = ResultOf<typeof FrameworkFields>["dimensions"][number]["indicators"][number];

export type EvidenceFile = { id: string; fileName: string; sizeBytes: number; downloadUrl: string };
export type IndicatorValues = { level: string; evidenceText: string; evidenceLinks: string; attachments: EvidenceFile[] };
export type SubmissionFormValues = { contentLanguage: string; comment: string; scores: Record<string, IndicatorValues> };

/** The DOM id of an indicator's block, for the section nav and the error summary. */
export const indicatorAnchor = (id: string) => `indicator-${id}`;

/**
 * One indicator of the self-assessment: the level (a radio group, arrow keys move between levels, each
 * choice reads its descriptor), then the evidence: text, links (one per line) and files.
 * Memoised: typing in one indicator re-renders that indicator only, not all forty.
 */
export const IndicatorField = memo(function IndicatorField({ indicator, control }: { indicator: Indicator; control: Control<SubmissionFormValues> }) {
  const intl = useIntl();
  const base = `scores.${indicator.id}` as const;
  const { field, fieldState } = useController({ control, name: `${base}.level` });
  const headingId = `${indicatorAnchor(indicator.id)}-title`;
  const lang = useWatch({ control, name: "contentLanguage" });

  return (
    <article id={indicatorAnchor(indicator.id)} className="indicator indicator-form" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <bdi className="code">{indicator.code}</bdi> <span dir="auto">{indicator.title}</span>
      </h3>
      <p className="indicator-meta">
        <span className="badge">
          <FormattedMessage id="framework.weight" values={{ weight: indicator.weight }} />
        </span>
      </p>
      {indicator.guidance && (
        <p dir="auto" className="guidance">
          <span className="guidance-label">
            <FormattedMessage id="submission.guidance" />
          </span>{" "}
          {indicator.guidance}
        </p>
      )}
      <RadioGroup
        className="field level-group"
        name={field.name}
        value={field.value || null}
        onChange={field.onChange}
        onBlur={field.onBlur}
        isInvalid={fieldState.invalid}
        validationBehavior="aria"
      >
        <Label className="field-label">
          <FormattedMessage id="submission.levelFor" values={{ code: indicator.code, title: indicator.title, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> }} />
        </Label>
        <div className="level-choices">
          {indicator.levels.map((l, i) => (
            // the first choice takes focus when the server says a level is missing
            <Radio key={l.level} value={String(l.level)} className="choice level-choice" inputRef={i === 0 ? field.ref : undefined}>
              <span className="choice-box choice-round" aria-hidden="true" />
              <span className="level-text">
                <span className="level-number">
                  <FormattedMessage id="level.label" values={{ level: l.level }} />
                </span>
                <span className="level-descriptor" dir="auto">
                  {l.descriptor}
                </span>
              </span>
            </Radio>
          ))}
        </div>
        <FieldError className="field-error">{fieldState.error?.message}</FieldError>
      </RadioGroup>
      <div className="evidence">
        <TextAreaField
          control={control}
          name={`${base}.evidenceText`}
          rows={3}
          lang={lang}
          label={intl.formatMessage({ id: "submission.evidenceTextFor" }, { code: indicator.code })}
          description={intl.formatMessage({ id: "submission.evidenceTextHint" })}
        />
        <TextAreaField
          control={control}
          name={`${base}.evidenceLinks`}
          rows={2}
          label={intl.formatMessage({ id: "submission.evidenceLinksFor" }, { code: indicator.code })}
          description={intl.formatMessage({ id: "submission.evidenceLinksHint" })}
        />
        <EvidenceFiles control={control} indicator={indicator} />
      </div>
    </article>
  );
});

function EvidenceFiles({ control, indicator }: { control: Control<SubmissionFormValues>; indicator: Indicator }) {
  const intl = useIntl();
  const inputId = useId();
  const { field, fieldState } = useController({ control, name: `scores.${indicator.id}.attachments` });
  const files = useWatch({ control, name: `scores.${indicator.id}.attachments` }) ?? [];
  const [uploading, setUploading] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const hidden = (chunks: React.ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

  async function onFiles(list: FileList | null) {
    setFailure(undefined);
    const chosen = [...(list ?? [])];
    let next = [...files];
    for (const file of chosen) {
      if (file.size > MAX_ATTACHMENT_BYTES) {
        setFailure(intl.formatMessage({ id: "submission.fileTooLarge" }, { name: file.name, max: formatBytes(intl.locale, MAX_ATTACHMENT_BYTES) }));
        continue;
      }
      setUploading(file.name);
      const result = await uploadAttachment(file, "EVIDENCE");
      setUploading(undefined);
      if (!result.ok) {
        setFailure(`${file.name}: ${errorText(intl, result.code, result.message)}`);
        continue;
      }
      next = [...next, result.attachment];
      field.onChange(next);
    }
  }

  return (
    <div className="field">
      <label htmlFor={inputId} className="field-label">
        <FormattedMessage id="submission.evidenceFilesFor" values={{ code: indicator.code }} />
      </label>
      <p id={`${inputId}-hint`} className="field-hint">
        <FormattedMessage id="attachments.hint" />
      </p>
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((file) => (
            <li key={file.id}>
              <a href={file.downloadUrl}>
                <bdi>{file.fileName}</bdi>
              </a>{" "}
              <span className="muted">({formatBytes(intl.locale, file.sizeBytes)})</span>{" "}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  field.onChange(files.filter((f) => f.id !== file.id));
                  document.getElementById(inputId)?.focus();
                }}
              >
                <FormattedMessage id="submission.removeFile" values={{ name: file.fileName, hidden }} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        ref={field.ref}
        type="file"
        multiple
        className="file-input"
        accept={attachmentAccept("EVIDENCE")}
        disabled={!!uploading}
        aria-describedby={`${inputId}-hint${failure || fieldState.error ? ` ${inputId}-error` : ""}`}
        aria-invalid={failure || fieldState.error ? true : undefined}
        onChange={(e) => {
          const input = e.currentTarget;
          void onFiles(input.files).then(() => {
            input.value = ""; // the same file can be chosen again after removing it
          });
        }}
      />
      <p role="status" className="muted">
        {uploading && <FormattedMessage id="submission.uploading" values={{ name: uploading }} />}
      </p>
      {(failure || fieldState.error) && (
        <p id={`${inputId}-error`} role="alert" className="field-error">
          {failure ?? fieldState.error?.message}
        </p>
      )}
    </div>
  );
}
