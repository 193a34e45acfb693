import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useForm, useWatch, type Control, type UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useBlocker } from "react-router";
import { useMutation } from "@apollo/client/react";
import { indicatorScoreInputSchema, isEditable } from "@citypeer/domain/benchmarks";
import { errorText, useLocale } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { errorCode } from "../../ui/error-code.ts";
import { rawId } from "../../ui/global-id.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { contentLanguageOptions } from "../pilots/labels.ts";
import { IndicatorField, indicatorAnchor, type IndicatorValues, type SubmissionFormValues } from "./indicator-field.tsx";
import { SaveSubmissionDraftMutation, SubmitSubmissionMutation, type FrameworkFields } from "./operations.ts";
import type { Submission } from "./submission-status.tsx";
import { TextAreaField } from "./text-area-field.tsx";

type Framework = ResultOf<typeof FrameworkFields>;
type ScoreInput = { indicatorId: string; level: number | null; evidenceText: string; evidenceLinks: string[]; attachmentIds: string[] };

/** Autosave waits this long after the last change, so typing a paragraph is one save, not forty. */
const AUTOSAVE_DELAY_MS = 1500;
/** The dirty-set keys for the submission's general comment and its language (indicator ids are uuids, so no clash). */
const COMMENT = "comment";
const LANGUAGE = "contentLanguage";

type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; message: string }
  | { kind: "invalid" };

/** The form's values; a submission not saved yet is in `defaultLanguage` (the author's), as the API will record it. */
export function toFormValues(framework: Framework, submission: Submission | null, defaultLanguage: string): SubmissionFormValues {
  const byIndicator = new Map((submission?.scores ?? []).map((s) => [s.indicatorId, s]));
  const scores: Record<string, IndicatorValues> = {};
  for (const d of framework.dimensions) {
    for (const i of d.indicators) {
      const s = byIndicator.get(i.id);
      scores[i.id] = {
        level: s?.level === null || s?.level === undefined ? "" : String(s.level),
        evidenceText: s?.evidenceText ?? "",
        evidenceLinks: (s?.evidenceLinks ?? []).join("\n"),
        attachments: (s?.attachments ?? []).map((a) => ({ id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes, downloadUrl: a.downloadUrl })),
      };
    }
  }
  return { contentLanguage: submission?.contentLanguage ?? defaultLanguage, comment: submission?.comment ?? "", scores };
}

function toScoreInput(indicatorId: string, v: IndicatorValues): ScoreInput {
  return {
    indicatorId,
    level: v.level === "" ? null : Number(v.level),
    evidenceText: v.evidenceText,
    evidenceLinks: v.evidenceLinks
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    attachmentIds: v.attachments.map((a) => rawId(a.id)),
  };
}

/** The form field an API or zod issue on a score belongs to (`attachmentIds` is the files input). */
function scoreField(path: readonly (string | number | symbol)[]): keyof IndicatorValues {
  const key = String(path[0] ?? "level");
  if (key === "attachmentIds") return "attachments";
  return key === "evidenceText" || key === "evidenceLinks" ? key : "level";
}

type SubmissionFormProps = {
  roundId: string;
  framework: Framework;
  submission: Submission | null;
  /** Loads the latest submission from the server (after another tab saved). */
  reload: () => Promise<Submission | null>;
  onSubmitted: () => void;
};

/**
 * The self-assessment form. Every change is saved on its own after a short pause (only the indicators that
 * changed, guarded by `revision`); "Submit" sends it to the project team once every indicator has a level.
 */
export function SubmissionForm({ roundId, framework, submission, reload, onSubmitted }: SubmissionFormProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const form = useForm<SubmissionFormValues>({ defaultValues: toFormValues(framework, submission, locale), mode: "onSubmit" });
  const autosave = useDraftAutosave({ form, roundId, framework, submission, reload });
  const indicators = framework.dimensions.flatMap((d) => d.indicators);
  const [submit] = useMutation(SubmitSubmissionMutation);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [submitFailure, setSubmitFailure] = useState<string>();
  const summaryRef = useRef<HTMLDivElement>(null);

  /** Saves what is pending, then asks for confirmation, or sends straight away to learn what is missing. */
  async function onSubmitClick() {
    setSubmitFailure(undefined);
    const saved = await autosave.flush({ ensureCreated: true });
    if (!saved) return;
    const values = form.getValues();
    const allScored = indicators.every((i) => values.scores[i.id]?.level !== "");
    if (allScored) setConfirming(true);
    else await sendSubmit();
  }

  async function sendSubmit() {
    const submissionId = autosave.submissionId();
    if (!submissionId) return;
    setSubmitting(true);
    setMissing([]);
    try {
      const { data } = await submit({ variables: { input: { submissionId } } });
      const result = data?.submitSubmission;
      if (result?.__typename === "MutationSubmitSubmissionSuccess") {
        autosave.markClean();
        onSubmitted();
      } else if (result?.__typename === "InputError") {
        // ["scores", <indicatorId>, "level"], code level_required: next to each indicator, the first takes focus
        const ids: string[] = [];
        result.issues.forEach((issue) => {
          const [head, indicatorId, field] = issue.path;
          if (head === "scores" && indicatorId && form.getValues(`scores.${indicatorId}`)) {
            ids.push(indicatorId);
            form.setError(`scores.${indicatorId}.${scoreField(field ? [field] : [])}`, { type: issue.code, message: errorText(intl, issue.code, issue.message) });
          } else setSubmitFailure(errorText(intl, issue.code, issue.message));
        });
        const order = new Map(indicators.map((i, n) => [i.id, n]));
        ids.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
        setMissing(ids);
        if (ids[0]) form.setFocus(`scores.${ids[0]}.level`);
      } else if (result?.__typename === "ConflictError") {
        setSubmitFailure(errorText(intl, result.code, result.message));
        await reload();
      } else setSubmitFailure(errorText(intl, "not_found"));
    } catch (error) {
      setSubmitFailure(errorText(intl, errorCode(error)));
    } finally {
      setSubmitting(false);
    }
  }

  const blocker = useBlocker(({ currentLocation, nextLocation }) => autosave.hasUnsaved && currentLocation.pathname !== nextLocation.pathname);

  return (
    <div className="submission-layout">
      <aside className="submission-aside" aria-label={intl.formatMessage({ id: "submission.overview" })}>
        <Progress control={form.control} framework={framework} />
        <SaveStatus state={autosave.state} onRetry={() => void autosave.flush()} />
        <SectionNav control={form.control} framework={framework} />
      </aside>
      <form
        className="submission-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmitClick();
        }}
      >
        {autosave.notice && (
          <div role="alert" className="notice notice-info">
            <p>{autosave.notice}</p>
          </div>
        )}
        {missing.length > 0 && (
          <div ref={summaryRef} role="alert" className="notice notice-error">
            <p className="notice-title">
              <FormattedMessage id="submission.missingTitle" values={{ count: missing.length }} />
            </p>
            <ul className="plain-list">
              {missing.map((id) => {
                const indicator = indicators.find((i) => i.id === id);
                return (
                  <li key={id}>
                    <a
                      href={`#${indicatorAnchor(id)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        form.setFocus(`scores.${id}.level`);
                      }}
                    >
                      <bdi>{indicator?.code}</bdi> <span dir="auto">{indicator?.title}</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <div className="panel submission-language">
          <SelectField control={form.control} name="contentLanguage" label={intl.formatMessage({ id: "submission.contentLanguage" })}>
            {contentLanguageOptions(intl, submission?.contentLanguage).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <p className="field-hint">
            <FormattedMessage id="submission.contentLanguageHint" />
          </p>
        </div>
        {framework.dimensions.map((d) => (
          <section key={d.id} id={`section-${d.id}`} aria-labelledby={`section-${d.id}-title`} className="dimension">
            <h2 id={`section-${d.id}-title`}>
              <bdi className="code">{d.code}</bdi> <span dir="auto">{d.title}</span>
            </h2>
            {d.description && (
              <p dir="auto" className="muted">
                {d.description}
              </p>
            )}
            {d.indicators.map((indicator) => (
              <IndicatorField key={indicator.id} indicator={indicator} control={form.control} />
            ))}
          </section>
        ))}
        <section aria-labelledby="submission-comment" className="panel">
          <h2 id="submission-comment">
            <FormattedMessage id="submission.comment" />
          </h2>
          <CommentField control={form.control} label={intl.formatMessage({ id: "submission.commentLabel" })} description={intl.formatMessage({ id: "submission.commentHint" })} />
        </section>
        <div className="submit-bar">
          <Progress control={form.control} framework={framework} compact />
          <SaveStatus state={autosave.state} onRetry={() => void autosave.flush()} quiet />
          {submitFailure && (
            <p role="alert" className="field-error">
              {submitFailure}
            </p>
          )}
          <button type="submit" className="button" disabled={submitting}>
            <FormattedMessage id={submitting ? "submission.submitting" : "submission.submit"} />
          </button>
        </div>
      </form>

      {confirming && (
        <ModalDialog isOpen role="alertdialog" onOpenChange={(open) => !open && setConfirming(false)} title={intl.formatMessage({ id: "submission.confirmTitle" })}>
          {(close) => (
            <>
              <p>
                <FormattedMessage id="submission.confirmBody" />
              </p>
              <div className="dialog-actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    close();
                    void sendSubmit();
                  }}
                >
                  <FormattedMessage id="submission.confirmSubmit" />
                </button>
                <button type="button" className="button button-secondary" onClick={close}>
                  <FormattedMessage id="dialog.cancel" />
                </button>
              </div>
            </>
          )}
        </ModalDialog>
      )}

      {blocker.state === "blocked" && (
        <ModalDialog isOpen role="alertdialog" onOpenChange={(open) => !open && blocker.reset()} title={intl.formatMessage({ id: "submission.leaveTitle" })}>
          {() => (
            <>
              <p>
                <FormattedMessage id="submission.leaveBody" />
              </p>
              <div className="dialog-actions">
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    void autosave.flush().then((ok) => {
                      if (ok) blocker.proceed();
                      else blocker.reset();
                    })
                  }
                >
                  <FormattedMessage id="submission.saveAndLeave" />
                </button>
                <button type="button" className="button button-secondary" onClick={() => blocker.proceed()}>
                  <FormattedMessage id="submission.leaveWithoutSaving" />
                </button>
                <button type="button" className="button button-secondary" onClick={() => blocker.reset()}>
                  <FormattedMessage id="submission.stay" />
                </button>
              </div>
            </>
          )}
        </ModalDialog>
      )}
    </div>
  );
}

/** The general comment, marked with the language the city writes in. */
function CommentField({ control, label, description }: { control: Control<SubmissionFormValues>; label: string; description: string }) {
  const lang = useWatch({ control, name: "contentLanguage" });
  return <TextAreaField control={control} name="comment" rows={4} lang={lang} label={label} description={description} />;
}

/** "12 of 27 scored" as a labelled progress bar; its own component so only it re-renders on each choice. */
function Progress({ control, framework, compact = false }: { control: Control<SubmissionFormValues>; framework: Framework; compact?: boolean }) {
  const scores = useWatch({ control, name: "scores" });
  const ids = framework.dimensions.flatMap((d) => d.indicators.map((i) => i.id));
  const scored = ids.filter((id) => (scores[id]?.level ?? "") !== "").length;
  return (
    <div className={compact ? "progress progress-compact" : "progress"}>
      <p className="progress-label">
        <FormattedMessage id="submission.progress" values={{ scored, total: ids.length }} />
      </p>
      {!compact && <progress max={ids.length} value={scored} aria-hidden="true" />}
    </div>
  );
}

function SectionNav({ control, framework }: { control: Control<SubmissionFormValues>; framework: Framework }) {
  const intl = useIntl();
  const scores = useWatch({ control, name: "scores" });
  return (
    <nav aria-label={intl.formatMessage({ id: "submission.sections" })} className="section-nav section-nav-stacked">
      <ul>
        {framework.dimensions.map((d) => {
          const scored = d.indicators.filter((i) => (scores[i.id]?.level ?? "") !== "").length;
          return (
            <li key={d.id}>
              <a href={`#section-${d.id}`}>
                <span>
                  <bdi className="code">{d.code}</bdi> <span dir="auto">{d.title}</span>
                </span>
                <span className="muted section-count">
                  <FormattedMessage id="submission.sectionProgress" values={{ scored, total: d.indicators.length }} />
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function SaveStatus({ state, onRetry, quiet = false }: { state: SaveState; onRetry: () => void; quiet?: boolean }) {
  const intl = useIntl();
  let text: ReactNode = null;
  if (state.kind === "saving") text = <FormattedMessage id="submission.saving" />;
  else if (state.kind === "pending") text = <FormattedMessage id="submission.unsavedChanges" />;
  else if (state.kind === "saved") text = <FormattedMessage id="submission.savedAt" values={{ time: intl.formatTime(state.at, { timeStyle: "short" }) }} />;
  else if (state.kind === "failed") text = <FormattedMessage id="submission.notSaved" values={{ reason: state.message }} />;
  else if (state.kind === "invalid") text = <FormattedMessage id="submission.notSavedInvalid" />;
  const problem = state.kind === "failed" || state.kind === "invalid";
  return (
    <div className={problem ? "save-status save-status-problem" : "save-status"}>
      {/* one live region only (the side panel); the copy at the bottom is for sighted readers */}
      <p role={quiet ? undefined : "status"}>{text}</p>
      {state.kind === "failed" && (
        <button type="button" className="button button-small button-secondary" onClick={onRetry}>
          <FormattedMessage id="submission.saveNow" />
        </button>
      )}
    </div>
  );
}

type AutosaveOptions = {
  form: UseFormReturn<SubmissionFormValues>;
  roundId: string;
  framework: Framework;
  submission: Submission | null;
  reload: () => Promise<Submission | null>;
};

/**
 * Debounced saving of what changed. Only one save is in flight at a time (each needs the revision the last
 * one returned); changes made meanwhile wait for the next. When another tab saved first (`stale_revision`)
 * the latest version is loaded and the indicators changed here are laid over it and saved again.
 */
function useDraftAutosave({ form, roundId, framework, submission, reload }: AutosaveOptions) {
  const intl = useIntl();
  const [saveDraft] = useMutation(SaveSubmissionDraftMutation);
  const revision = useRef(submission?.revision ?? 0);
  const submissionId = useRef(submission?.id ?? null);
  const dirty = useRef(new Set<string>());
  const invalid = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    (work: () => Promise<boolean>) => {
      const next = chain.current.then(work);
      chain.current = next.catch(() => undefined);
      return next;
    },
    [],
  );

  const saveNow = useCallback(
    async ({ ensureCreated = false } = {}): Promise<boolean> => {
      clearTimeout(timer.current);
      if (dirty.current.size === 0 && !(ensureCreated && !submissionId.current)) {
        return invalid.current.size === 0;
      }
      const ids = [...dirty.current];
      dirty.current.clear();
      const values = form.getValues();
      const scores: ScoreInput[] = [];
      for (const id of ids) {
        if (id === COMMENT || id === LANGUAGE) continue;
        const input = toScoreInput(id, values.scores[id]!);
        const parsed = indicatorScoreInputSchema.safeParse(input);
        form.clearErrors(`scores.${id}`);
        if (!parsed.success) {
          // not sent: the rest still saves; this one waits until it is corrected (a change marks it dirty again)
          invalid.current.add(id);
          for (const issue of parsed.error.issues) {
            const code = issue.code === "invalid_format" ? "invalid_url" : issue.code;
            form.setError(`scores.${id}.${scoreField(issue.path)}`, { type: code, message: errorText(intl, code) });
          }
          continue;
        }
        invalid.current.delete(id);
        scores.push(input);
      }
      const sendComment = ids.includes(COMMENT);
      const sendLanguage = ids.includes(LANGUAGE);
      if (scores.length === 0 && !sendComment && !sendLanguage && submissionId.current) {
        setState(invalid.current.size ? { kind: "invalid" } : { kind: "idle" });
        return invalid.current.size === 0;
      }

      setState({ kind: "saving" });
      setBusy(true);
      try {
        const { data } = await saveDraft({
          variables: {
            input: {
              roundId,
              frameworkId: framework.id,
              revision: revision.current,
              scores,
              ...(sendComment ? { comment: values.comment } : {}),
              // the first save records the language the form shows, whoever's default it was
              ...(sendLanguage || !submissionId.current ? { contentLanguage: values.contentLanguage } : {}),
            },
          },
          // the first save creates the submission: link it to the round so the page knows it from now on
          update(cache, result) {
            const saved = result.data?.saveSubmissionDraft;
            if (saved?.__typename !== "MutationSaveSubmissionDraftSuccess") return;
            cache.modify({
              id: cache.identify({ __typename: "BenchmarkRound", id: roundId }),
              fields: { mySubmission: (existing, { toReference }) => existing ?? toReference({ __typename: "BenchmarkSubmission", id: saved.data.id }) },
            });
          },
        });
        const result = data?.saveSubmissionDraft;
        if (result?.__typename === "MutationSaveSubmissionDraftSuccess") {
          revision.current = result.data.revision;
          submissionId.current = result.data.id;
          const left = dirty.current.size > 0;
          setState(invalid.current.size ? { kind: "invalid" } : left ? { kind: "pending" } : { kind: "saved", at: new Date() });
          if (left) timer.current = setTimeout(() => void run(() => saveNow()), AUTOSAVE_DELAY_MS);
          return !left && invalid.current.size === 0;
        }
        ids.forEach((id) => dirty.current.add(id));
        if (result?.__typename === "ConflictError" && result.code === "stale_revision") {
          const fresh = await reload();
          const local = form.getValues();
          const merged = toFormValues(framework, fresh, local.contentLanguage);
          for (const id of dirty.current) {
            if (id === COMMENT) merged.comment = local.comment;
            else if (id === LANGUAGE) merged.contentLanguage = local.contentLanguage;
            else if (local.scores[id]) merged.scores[id] = local.scores[id];
          }
          form.reset(merged, { keepErrors: true });
          revision.current = fresh?.revision ?? 0;
          submissionId.current = fresh?.id ?? null;
          setNotice(intl.formatMessage({ id: "submission.staleReloaded" }));
          if (fresh && !isEditable(fresh.status)) {
            dirty.current.clear();
            setState({ kind: "idle" });
            return false;
          }
          setState({ kind: "pending" });
          timer.current = setTimeout(() => void run(() => saveNow()), AUTOSAVE_DELAY_MS);
          return false;
        }
        if (result?.__typename === "ConflictError") {
          // submitted or validated in another tab: nothing more to save here
          dirty.current.clear();
          setNotice(errorText(intl, result.code, result.message));
          await reload();
          setState({ kind: "idle" });
          return false;
        }
        if (result?.__typename === "InputError") {
          let formWide: string | undefined;
          for (const issue of result.issues) {
            const [head, index, ...rest] = issue.path;
            const target = head === "scores" ? scores[Number(index)] : undefined;
            if (target) {
              invalid.current.add(target.indicatorId);
              dirty.current.delete(target.indicatorId);
              form.setError(`scores.${target.indicatorId}.${scoreField(rest)}`, { type: issue.code, message: errorText(intl, issue.code, issue.message) });
            } else if (head === LANGUAGE) {
              formWide = errorText(intl, "unsupported_locale");
              form.setError(LANGUAGE, { type: issue.code, message: formWide });
            } else formWide = errorText(intl, issue.code, issue.message);
          }
          if (formWide) {
            dirty.current.clear();
            setState({ kind: "failed", message: formWide });
          } else {
            setState({ kind: "invalid" });
            if (dirty.current.size) timer.current = setTimeout(() => void run(() => saveNow()), AUTOSAVE_DELAY_MS);
          }
          return false;
        }
        setState({ kind: "failed", message: errorText(intl, "unknown") });
        return false;
      } catch (error) {
        ids.forEach((id) => dirty.current.add(id));
        setState({ kind: "failed", message: errorText(intl, errorCode(error)) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [form, framework, intl, reload, roundId, run, saveDraft],
  );

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name) return; // reset(): loaded values, not a change
      const id = name === COMMENT || name === LANGUAGE ? name : name.startsWith("scores.") ? name.split(".")[1] : undefined;
      if (!id) return;
      dirty.current.add(id);
      setState({ kind: "pending" });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(() => saveNow()), AUTOSAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form, run, saveNow]);

  const hasUnsaved = busy || state.kind === "pending" || state.kind === "failed" || state.kind === "invalid";

  // closing the tab or reloading with unsaved changes asks first
  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [hasUnsaved]);

  return {
    state,
    notice,
    hasUnsaved,
    submissionId: () => submissionId.current,
    flush: (options?: { ensureCreated?: boolean }) => run(() => saveNow(options)),
    markClean: () => {
      dirty.current.clear();
      invalid.current.clear();
      setState({ kind: "idle" });
    },
  };
}
