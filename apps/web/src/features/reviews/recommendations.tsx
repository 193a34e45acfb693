import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import { recommendationSchema } from "@citypeer/domain/reviews";
import type { ResultOf } from "../../app/graphql.ts";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { StatusMessage } from "../../ui/status-message.tsx";
import { TextAreaField } from "../pilots/text-area-field.tsx";
import { formatMoment } from "./dates.ts";
import { PRIORITIES, RESPONSES, priorityLabel, responseLabel } from "./labels.ts";
import { AddRecommendationMutation, AnswerRecommendationMutation, type ReviewDetailsFragment } from "./operations.ts";
import { RadioGroupField } from "./radio-group-field.tsx";

type Review = ResultOf<typeof ReviewDetailsFragment>;
type Recommendation = Review["recommendations"][number];

type RecommendationsProps = {
  review: Review;
  /** Reviewers of this review and project managers write recommendations. */
  canAdd: boolean;
  /** The host city's officers answer them. */
  canAnswer: boolean;
};

/** The report's recommendations with the host city's answers, as everyone sees them; forms for those who may act. */
export function Recommendations({ review, canAdd, canAnswer }: RecommendationsProps) {
  const intl = useIntl();
  return (
    <section aria-labelledby="recommendations-heading" className="report-part">
      <h2 id="recommendations-heading">
        <FormattedMessage id="recommendation.title" values={{ count: review.recommendations.length }} />
      </h2>
      {review.recommendations.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="recommendation.none" />
        </p>
      ) : (
        <ol className="recommendation-list">
          {review.recommendations.map((r, i) => (
            <li key={r.id} className="recommendation">
              <p id={`recommendation-${r.id}`} className="recommendation-text" dir="auto">
                {r.text}
              </p>
              <p className="trace-meta">
                <span className={`priority priority-${r.priority.toLowerCase()}`}>
                  <FormattedMessage id="recommendation.priority" values={{ priority: priorityLabel(intl, r.priority) }} />
                </span>
              </p>
              <Answer recommendation={r} />
              {canAnswer && <AnswerForm recommendation={r} position={i + 1} />}
            </li>
          ))}
        </ol>
      )}
      {/* recommendations are part of the report: written while the review runs, fixed once it is published */}
      {canAdd && (review.status === "SCHEDULED" || review.status === "IN_PROGRESS") && <AddRecommendationForm reviewId={review.id} />}
    </section>
  );
}

function Answer({ recommendation: r }: { recommendation: Recommendation }) {
  const intl = useIntl();
  if (!r.answer)
    return (
      <p className="answer">
        <span className="response response-none">
          <FormattedMessage id="recommendation.notAnswered" />
        </span>
      </p>
    );
  return (
    <div className="answer">
      <p>
        <FormattedMessage
          id="recommendation.answered"
          values={{
            response: <span className={`response response-${r.answer.response.toLowerCase()}`}>{responseLabel(intl, r.answer.response)}</span>,
            name: <bdi>{r.answer.answeredBy.name}</bdi>,
            date: <time dateTime={r.answer.answeredAt}>{formatMoment(intl, r.answer.answeredAt)}</time>,
          }}
        />
      </p>
      {r.answer.reason && (
        <p className="answer-reason">
          <FormattedMessage id="recommendation.reasonShown" values={{ reason: <bdi>{r.answer.reason}</bdi> }} />
        </p>
      )}
    </div>
  );
}

const answerSchema = z
  .object({ response: z.enum(["", ...RESPONSES]), reason: z.string().trim().max(5000) })
  .superRefine((v, ctx) => {
    if (v.response === "") ctx.addIssue({ code: "custom", path: ["response"], params: { code: "choose_response" } });
    // the API's rule: a declined recommendation needs a reason
    if (v.response === "DECLINED" && v.reason === "") ctx.addIssue({ code: "custom", path: ["reason"], params: { code: "reason_required" } });
  });

function AnswerForm({ recommendation: r, position }: { recommendation: Recommendation; position: number }) {
  const intl = useIntl();
  const [answer] = useMutation(AnswerRecommendationMutation);
  const [saved, setSaved] = useState(false);
  const form = useForm<z.input<typeof answerSchema>, unknown, z.output<typeof answerSchema>>({
    resolver: zodResolver(answerSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { response: r.answer?.response ?? "", reason: r.answer?.reason ?? "" },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    if (values.response === "") return;
    try {
      const { data } = await answer({ variables: { input: { recommendationId: r.id, response: values.response, reason: values.reason || null } } });
      const result = data?.answerRecommendation;
      if (result?.__typename === "MutationAnswerRecommendationSuccess") setSaved(true);
      else if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, ["response", "reason"]);
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form answer-form no-print" aria-label={intl.formatMessage({ id: "recommendation.answerForm" }, { n: position })}>
      <FormErrors errors={formState.errors} />
      <RadioGroupField
        control={control}
        name="response"
        label={intl.formatMessage({ id: "recommendation.response" }, { n: position })}
        options={RESPONSES.map((value) => ({ value, label: responseLabel(intl, value) }))}
      />
      <TextAreaField
        control={control}
        name="reason"
        rows={2}
        label={intl.formatMessage({ id: "recommendation.reason" }, { n: position })}
        description={intl.formatMessage({ id: "recommendation.reasonHint" })}
      />
      <StatusMessage>{saved && <FormattedMessage id="recommendation.answerSaved" />}</StatusMessage>
      <div className="button-row">
        <button type="submit" className="button button-small" disabled={formState.isSubmitting}>
          <FormattedMessage id="recommendation.saveAnswer" values={{ n: position, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> }} />
        </button>
      </div>
    </form>
  );
}

const addSchema = recommendationSchema.pick({ text: true }).extend({ priority: z.enum(["", ...PRIORITIES]) }).superRefine((v, ctx) => {
  if (v.priority === "") ctx.addIssue({ code: "custom", path: ["priority"], params: { code: "choose_priority" } });
});

function AddRecommendationForm({ reviewId }: { reviewId: string }) {
  const intl = useIntl();
  const [add] = useMutation(AddRecommendationMutation);
  const [added, setAdded] = useState(false);
  const form = useForm<z.input<typeof addSchema>, unknown, z.output<typeof addSchema>>({
    resolver: zodResolver(addSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { text: "", priority: "MEDIUM" },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    setAdded(false);
    if (values.priority === "") return;
    try {
      const { data } = await add({ variables: { input: { reviewId, text: values.text, priority: values.priority } } });
      const result = data?.addRecommendation;
      if (result?.__typename === "MutationAddRecommendationSuccess") {
        form.reset({ text: "", priority: "MEDIUM" });
        setAdded(true);
      } else if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, ["text", "priority"]);
      else if (result?.__typename === "ConflictError") setError("root.server", { type: result.code, message: errorText(intl, result.code, result.message) });
      else if (result?.__typename === "NotFoundError") setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form panel no-print" aria-labelledby="add-recommendation-heading">
      <h3 id="add-recommendation-heading">
        <FormattedMessage id="recommendation.add" />
      </h3>
      <FormErrors errors={formState.errors} />
      <TextAreaField control={control} name="text" rows={3} isRequired label={intl.formatMessage({ id: "recommendation.text" })} />
      <RadioGroupField
        control={control}
        name="priority"
        label={intl.formatMessage({ id: "recommendation.priorityLabel" })}
        options={PRIORITIES.map((value) => ({ value, label: priorityLabel(intl, value) }))}
      />
      <StatusMessage>{added && <FormattedMessage id="recommendation.added" />}</StatusMessage>
      <div className="button-row">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id="recommendation.addSubmit" />
        </button>
      </div>
    </form>
  );
}
