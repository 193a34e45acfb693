import { useRef, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { z } from "zod";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { rawId } from "../../ui/global-id.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { cityLabel } from "../communities/community-page.tsx";
import { globalId } from "./ids.ts";
import { ReturnSubmissionMutation, ReviewSubmissionQuery, ValidateSubmissionMutation } from "./operations.ts";
import { StatusBadge, SubmissionHistory } from "./submission-status.tsx";
import { SubmissionView } from "./submission-view.tsx";
import { TextAreaField } from "./text-area-field.tsx";
import "./benchmarks.css";

const returnSchema = z.object({ comment: z.string().trim().min(1).max(5000) });

/** The project team reads a submitted self-assessment and validates it or returns it with a comment. */
export function ReviewSubmissionPage() {
  const intl = useIntl();
  const { submissionId = "" } = useParams();
  const { data, error, refetch } = useQuery(ReviewSubmissionQuery, { variables: { submissionId: globalId("BenchmarkSubmission", submissionId) } });
  const [status, setStatus] = useState<ReactNode>();
  const submission = data?.benchmarkSubmission;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (!submission)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "validation.notFound" })}</PageHeading>
        <Link to="/benchmarks">
          <FormattedMessage id="benchmarks.backToList" />
        </Link>
      </>
    );

  const round = submission.round;
  const city = cityLabel(submission.organization);
  const queuePath = `/benchmarks/rounds/${rawId(round.id)}/submissions`;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/communities/${rawId(round.community.id)}`}>{round.community.name}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={queuePath}>
          <FormattedMessage id="queue.title" values={{ round: round.name }} />
        </Link>
      </p>
      <PageHeading>{intl.formatMessage({ id: "validation.title" }, { city, round: round.name })}</PageHeading>
      <dl className="facts facts-inline">
        <div>
          <dt>
            <FormattedMessage id="submission.status" />
          </dt>
          <dd>
            <StatusBadge status={submission.status} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="queue.scored" />
          </dt>
          <dd>
            <FormattedMessage id="submission.progress" values={{ scored: submission.scoredCount, total: submission.framework.dimensions.reduce((n, d) => n + d.indicators.length, 0) }} />
          </dd>
        </div>
      </dl>
      <StatusMessage>{status}</StatusMessage>
      {submission.status === "SUBMITTED" && (
        <Decision submissionId={submission.id} city={city} onDone={(message) => setStatus(message)} />
      )}
      <SubmissionView framework={submission.framework} submission={submission} />
      <SubmissionHistory history={submission.history} />
    </>
  );
}

function Decision({ submissionId, city, onDone }: { submissionId: string; city: string; onDone: (message: ReactNode) => void }) {
  const intl = useIntl();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [validate, validation] = useMutation(ValidateSubmissionMutation, { refetchQueries: ["ValidationQueue"] });
  const [returnSubmission] = useMutation(ReturnSubmissionMutation, { refetchQueries: ["ValidationQueue"] });
  const [failure, setFailure] = useState<string>();
  const form = useForm({ resolver: zodResolver(returnSchema, { error: (issue) => zodIssueText(intl, issue) }), defaultValues: { comment: "" } });
  const { control, formState, setError } = form;

  async function onValidate() {
    setFailure(undefined);
    try {
      const { data } = await validate({ variables: { input: { submissionId } } });
      const result = data?.validateSubmission;
      if (result?.__typename === "MutationValidateSubmissionSuccess") {
        onDone(<FormattedMessage id="validation.validated" values={{ city: <bdi>{city}</bdi> }} />);
        setTimeout(() => document.querySelector<HTMLElement>("main h1")?.focus());
      } else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  const onReturn = form.handleSubmit(async ({ comment }) => {
    setFailure(undefined);
    try {
      const { data } = await returnSubmission({ variables: { input: { submissionId, comment } } });
      const result = data?.returnSubmission;
      if (result?.__typename === "MutationReturnSubmissionSuccess") {
        onDone(<FormattedMessage id="validation.returned" values={{ city: <bdi>{city}</bdi> }} />);
        setTimeout(() => document.querySelector<HTMLElement>("main h1")?.focus());
      } else if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, ["comment"]);
      else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <section aria-labelledby="review-decision" className="panel decision">
      <h2 id="review-decision" ref={headingRef}>
        <FormattedMessage id="validation.decision" />
      </h2>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      <div className="decision-grid">
        <div>
          <p>
            <FormattedMessage id="validation.validateHint" />
          </p>
          <button type="button" className="button" disabled={validation.loading || formState.isSubmitting} onClick={() => void onValidate()}>
            <FormattedMessage id="validation.validate" />
          </button>
        </div>
        <form onSubmit={(e) => void onReturn(e)} noValidate className="form">
          <FormErrors errors={formState.errors} />
          <TextAreaField control={control} name="comment" rows={4} isRequired label={intl.formatMessage({ id: "validation.comment" })} description={intl.formatMessage({ id: "validation.commentHint" })} />
          <div>
            <button type="submit" className="button button-secondary" disabled={validation.loading || formState.isSubmitting}>
              <FormattedMessage id="validation.return" />
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
