import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import { MAX_SCORE, MIN_SCORE } from "@citypeer/domain/open-call";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { FormErrors } from "../../ui/form-errors.tsx";
import { zodIssueText } from "../../ui/form-issues.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { ScoreApplicationMutation } from "./operations.ts";
import { fieldMatcher, setServerIssuesAt } from "./server-issues.ts";
import { TextAreaField } from "./text-area-field.tsx";

const formSchema = z.object({
  scores: z.array(
    z.object({
      criterionId: z.string(),
      score: z.string().refine((v) => v !== "", { params: { code: "call_score_required" } }),
      comment: z.string().trim().max(2000),
    }),
  ),
});
const isField = fieldMatcher(["scores.\\d+.score", "scores.\\d+.comment"]);
const SCORE_VALUES = Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, i) => MIN_SCORE + i);

type Criterion = { id: string; title: string; description: string; weight: number };
type Score = { score: number; comment: string; isMine: boolean; criterion: { id: string }; evaluator: { id: string; name: string } };

/**
 * An evaluator's own scores of one application, 0-5 per criterion. The other evaluators' scores appear only
 * once the viewer has scored every criterion (independent evaluation; the API enforces it).
 */
export function ScoreDialog({
  applicationId,
  cityName,
  criteria,
  scores,
  canScore,
  onClose,
  onSaved,
}: {
  applicationId: string;
  cityName: string;
  criteria: readonly Criterion[];
  scores: readonly Score[];
  canScore: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const intl = useIntl();
  const [save] = useMutation(ScoreApplicationMutation, { refetchQueries: ["CallRanking"], awaitRefetchQueries: true });
  const own = new Map(scores.filter((s) => s.isMine).map((s) => [s.criterion.id, s]));
  const others = scores.filter((s) => !s.isMine);
  const form = useForm({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: {
      scores: criteria.map((c) => ({ criterionId: c.id, score: own.has(c.id) ? String(own.get(c.id)!.score) : "", comment: own.get(c.id)?.comment ?? "" })),
    },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await save({
        variables: { input: { applicationId, scores: values.scores.map((s) => ({ criterionId: s.criterionId, score: Number(s.score), comment: s.comment })) } },
      });
      const result = data?.scoreApplication;
      if (result?.__typename === "MutationScoreApplicationSuccess") onSaved();
      else if (result?.__typename === "InputError") setServerIssuesAt(intl, setError, result.issues, isField);
      else if (result?.__typename === "ConflictError") setError("root.server", { type: result.code, message: errorText(intl, result.code, result.message) });
      else setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (e) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(e)) });
    }
  });

  return (
    <ModalDialog isOpen size="wide" onOpenChange={(open) => !open && onClose()} title={intl.formatMessage({ id: "score.title" }, { city: cityName })}>
      {(close) => (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
          <p className="field-hint">
            <FormattedMessage id="score.intro" values={{ min: MIN_SCORE, max: MAX_SCORE }} />
          </p>
          <FormErrors errors={formState.errors} />
          {criteria.map((c, i) => (
            <fieldset key={c.id} className="oc-fieldset" disabled={!canScore}>
              <legend dir="auto">
                {c.title} <FormattedMessage id="openCall.weight" values={{ weight: c.weight }} />
              </legend>
              {c.description && (
                <p className="field-hint" dir="auto">
                  {c.description}
                </p>
              )}
              <SelectField control={control} name={`scores.${i}.score`} label={intl.formatMessage({ id: "score.scoreFor" }, { criterion: c.title })}>
                <option value="">{intl.formatMessage({ id: "score.choose" })}</option>
                {SCORE_VALUES.map((v) => (
                  <option key={v} value={String(v)}>
                    {intl.formatMessage({ id: "score.value" }, { score: v })}
                  </option>
                ))}
              </SelectField>
              <TextAreaField control={control} name={`scores.${i}.comment`} rows={2} label={intl.formatMessage({ id: "score.commentFor" }, { criterion: c.title })} />
            </fieldset>
          ))}
          {others.length > 0 && (
            <section aria-labelledby="other-scores">
              <h3 id="other-scores">
                <FormattedMessage id="score.others" />
              </h3>
              <ul>
                {others.map((s, i) => (
                  <li key={i}>
                    <FormattedMessage
                      id="score.otherLine"
                      values={{
                        evaluator: <bdi>{s.evaluator.name}</bdi>,
                        criterion: <bdi>{criteria.find((c) => c.id === s.criterion.id)?.title ?? ""}</bdi>,
                        score: s.score,
                      }}
                    />
                    {s.comment && <span dir="auto">: {s.comment}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className="dialog-actions">
            {canScore && (
              <button type="submit" className="button" disabled={formState.isSubmitting}>
                <FormattedMessage id="score.save" />
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={close}>
              <FormattedMessage id="dialog.close" />
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
