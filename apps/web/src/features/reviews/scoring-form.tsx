import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import type { ResultOf } from "../../app/graphql.ts";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { FormErrors } from "../../ui/form-errors.tsx";
import { zodIssueText } from "../../ui/form-issues.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { TextAreaField } from "../pilots/text-area-field.tsx";
import { SaveReviewScoresMutation, type ReviewDetailsFragment } from "./operations.ts";
import { RadioGroupField } from "./radio-group-field.tsx";

type Review = ResultOf<typeof ReviewDetailsFragment>;

const formSchema = z.object({
  scores: z.array(z.object({ criterionId: z.string(), score: z.enum(["", "1", "2", "3", "4", "5"]), comment: z.string().max(5000) })),
  views: z.array(z.object({ indicatorId: z.string(), level: z.enum(["", "0", "1", "2", "3", "4"]), comment: z.string().max(5000) })),
});
type Values = z.infer<typeof formSchema>;

function defaults(review: Review): Values {
  return {
    scores: review.criteria.map((c) => {
      const mine = review.myScores.find((s) => s.criterionId === c.id);
      return { criterionId: c.id, score: mine ? (String(mine.score) as Values["scores"][number]["score"]) : "", comment: mine?.comment ?? "" };
    }),
    views: review.pilot.indicators.map((i) => {
      const mine = review.myIndicatorViews.find((v) => v.indicatorId === i.id);
      return { indicatorId: i.id, level: mine ? (String(mine.level) as Values["views"][number]["level"]) : "", comment: mine?.comment ?? "" };
    }),
  };
}

/**
 * A reviewer's own scores: each rubric criterion 1-5 with its descriptor and a comment, and the level
 * (0-4) they see for each benchmark indicator the pilot addresses. "Save" keeps a draft; "Submit final
 * scores" asks first, because submitted scores cannot change and they unlock the others' scores.
 */
export function ScoringForm({ review }: { review: Review }) {
  const intl = useIntl();
  const [save] = useMutation(SaveReviewScoresMutation);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<"draft" | undefined>();
  const form = useForm<Values>({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: defaults(review),
  });
  const { control, formState, setError, clearErrors } = form;

  async function send(values: Values, submit: boolean): Promise<boolean> {
    setSaved(undefined);
    try {
      const { data } = await save({
        variables: {
          input: {
            reviewId: review.id,
            scores: values.scores.filter((s) => s.score !== "").map((s) => ({ criterionId: s.criterionId, score: Number(s.score), comment: s.comment })),
            indicatorViews: values.views.filter((v) => v.level !== "").map((v) => ({ indicatorId: v.indicatorId, level: Number(v.level), comment: v.comment })),
            submit,
          },
        },
      });
      const result = data?.saveReviewScores;
      if (result?.__typename === "MutationSaveReviewScoresSuccess") return true;
      if (result?.__typename === "ConflictError") setError("root.server", { type: result.code, message: errorText(intl, result.code, result.message) });
      else if (result?.__typename === "NotFoundError") setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
      else if (result?.__typename === "InputError") {
        result.issues.forEach((issue, n) => {
          const [list, key, field] = issue.path;
          // the API names a missing score by criterion id, other issues by position in what was sent
          const index =
            list === "scores"
              ? review.criteria.findIndex((c) => c.id === key) >= 0
                ? review.criteria.findIndex((c) => c.id === key)
                : review.criteria.findIndex((c) => c.id === values.scores.filter((s) => s.score !== "")[Number(key)]?.criterionId)
              : -1;
          const message = errorText(intl, issue.code, issue.message);
          if (index >= 0) setError(`scores.${index}.${field === "comment" ? "comment" : "score"}`, { type: issue.code, message }, { shouldFocus: n === 0 });
          else setError("root.server", { type: issue.code, message });
        });
      }
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
    return false;
  }

  const onSave = form.handleSubmit(async (values) => {
    if (await send(values, false)) setSaved("draft");
  });

  /** Every criterion needs a score before the final submission (the API's rule, checked here first). */
  const onSubmitFinal = form.handleSubmit((values) => {
    clearErrors();
    const missing = values.scores.map((s, i) => (s.score === "" ? i : -1)).filter((i) => i >= 0);
    missing.forEach((i, n) => setError(`scores.${i}.score`, { type: "score_required", message: errorText(intl, "score_required") }, { shouldFocus: n === 0 }));
    if (missing.length === 0) setConfirming(true);
  });

  return (
    <section aria-labelledby="scoring-heading" className="panel no-print">
      <h2 id="scoring-heading">
        <FormattedMessage id="scoring.title" />
      </h2>
      <p>
        <FormattedMessage id="scoring.intro" />
      </p>
      <form onSubmit={(e) => void onSave(e)} noValidate className="form scoring-form">
        <FormErrors errors={formState.errors} />
        <fieldset className="fieldset">
          <legend>
            <FormattedMessage id="scoring.rubric" />
          </legend>
          {review.criteria.map((c, i) => (
            <div key={c.id} className="criterion">
              <RadioGroupField
                control={control}
                name={`scores.${i}.score`}
                // the rubric comes from the API in the language it was written in: its own direction
                label={<bdi>{c.title}</bdi>}
                layout="column"
                options={c.descriptors.map((descriptor, d) => ({ value: String(d + 1), label: intl.formatNumber(d + 1), description: <bdi>{descriptor}</bdi> }))}
              />
              <TextAreaField control={control} name={`scores.${i}.comment`} rows={2} label={intl.formatMessage({ id: "scoring.comment" }, { criterion: c.title })} />
            </div>
          ))}
        </fieldset>
        {review.pilot.indicators.length > 0 && (
          <fieldset className="fieldset">
            <legend>
              <FormattedMessage id="scoring.indicators" />
            </legend>
            <p className="field-hint">
              <FormattedMessage id="scoring.indicatorsHint" />
            </p>
            {review.pilot.indicators.map((indicator, i) => (
              <div key={indicator.id} className="criterion">
                <RadioGroupField
                  control={control}
                  name={`views.${i}.level`}
                  label={<bdi>{`${indicator.code} ${indicator.title}`}</bdi>}
                  layout="column"
                  options={[...indicator.levels]
                    .sort((a, b) => a.level - b.level)
                    .map((l) => ({ value: String(l.level), label: intl.formatNumber(l.level), description: <bdi>{l.descriptor}</bdi> }))}
                />
                <TextAreaField
                  control={control}
                  name={`views.${i}.comment`}
                  rows={2}
                  label={intl.formatMessage({ id: "scoring.comment" }, { criterion: `${indicator.code} ${indicator.title}` })}
                />
              </div>
            ))}
          </fieldset>
        )}
        <StatusMessage>{saved && <FormattedMessage id="scoring.saved" />}</StatusMessage>
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={formState.isSubmitting}>
            <FormattedMessage id={formState.isSubmitting ? "password.saving" : "scoring.save"} />
          </button>
          <button type="button" className="button" disabled={formState.isSubmitting} onClick={() => void onSubmitFinal()}>
            <FormattedMessage id="scoring.submit" />
          </button>
        </div>
      </form>
      {confirming && (
        <ModalDialog isOpen onOpenChange={(open) => !open && setConfirming(false)} role="alertdialog" title={intl.formatMessage({ id: "scoring.confirmTitle" })}>
          {(close) => (
            <>
              <p>
                <FormattedMessage id="scoring.confirmBody" />
              </p>
              <div className="dialog-actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    close();
                    void form.handleSubmit((values) => send(values, true))();
                  }}
                >
                  <FormattedMessage id="scoring.confirm" />
                </button>
                <button type="button" className="button button-secondary" onClick={close}>
                  <FormattedMessage id="dialog.cancel" />
                </button>
              </div>
            </>
          )}
        </ModalDialog>
      )}
    </section>
  );
}
