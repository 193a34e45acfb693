import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { Link } from "react-router";
import { rawId } from "../../ui/global-id.ts";
import { formatMoney } from "../grants/money.ts";
import { formatDay, reportKindLabel, trancheKindLabel } from "../grants/labels.ts";
import { priorityLabel } from "../reviews/labels.ts";
import { formatMoment } from "../reviews/dates.ts";
import { Flag } from "./flag.tsx";
import type { DueItem } from "./operations.ts";

const grantPath = (grantId: string) => `/grants/${rawId(grantId)}`;

/** Where the item is done, its title (the link's text) and what else to know (dates, state, reason). */
function describe(intl: IntlShape, item: DueItem): { to: string; title: string; details: string[] } {
  switch (item.__typename) {
    case "DueBenchmarkSubmission":
      return {
        to: `/benchmarks/rounds/${rawId(item.roundId)}`,
        title: intl.formatMessage({ id: "dashboard.due.submission" }, { round: item.roundName, community: item.communityName }),
        details: [
          intl.formatMessage({ id: "dashboard.due.submitBy" }, { date: formatMoment(intl, item.deadline) }),
          intl.formatMessage({ id: `dashboard.due.state.${item.state}` }),
        ],
      };
    case "DueBudgetProposal":
      return { to: grantPath(item.grantId), title: intl.formatMessage({ id: "dashboard.due.budget" }), details: [intl.formatMessage({ id: "dashboard.due.budgetWhy" })] };
    case "DueTrancheRequest":
      return {
        to: grantPath(item.grantId),
        title: intl.formatMessage({ id: "dashboard.due.tranche" }, { tranche: trancheKindLabel(intl, item.trancheKind), amount: formatMoney(intl, item.amountCents) }),
        details: [intl.formatMessage({ id: "dashboard.due.plannedFor" }, { date: formatDay(intl, item.plannedOn) })],
      };
    case "DueReport":
      return {
        to: grantPath(item.grantId),
        title: intl.formatMessage({ id: "dashboard.due.report" }, { report: reportKindLabel(intl, item.reportKind) }),
        details: [intl.formatMessage({ id: "dashboard.due.dueOn" }, { date: formatDay(intl, item.dueOn) })],
      };
    case "DueRecommendation":
      return {
        to: `/reviews/${rawId(item.reviewId)}`,
        title: intl.formatMessage({ id: "dashboard.due.recommendation" }, { text: item.text }),
        details: [intl.formatMessage({ id: "recommendation.priority" }, { priority: priorityLabel(intl, item.priority) })],
      };
    case "DueRejectedExpense":
      return {
        to: grantPath(item.grantId),
        title: intl.formatMessage({ id: "dashboard.due.rejectedExpense" }, { description: item.description, amount: formatMoney(intl, item.amountCents) }),
        details: [intl.formatMessage({ id: "dashboard.due.rejectedBecause" }, { reason: item.reason, date: formatMoment(intl, item.rejectedAt) })],
      };
  }
}

/** The city's to-do list, overdue first, each item a link to the page where it is done. */
export function DueList({ items }: { items: readonly DueItem[] }) {
  const intl = useIntl();
  if (items.length === 0)
    return (
      <div className="dashboard-empty">
        <p>
          <FormattedMessage id="dashboard.due.empty" />
        </p>
        <p>
          <Link to="/pilots/mine">
            <FormattedMessage id="dashboard.due.emptyLink" />
          </Link>
        </p>
      </div>
    );
  return (
    <ul className="due-list">
      {items.map((item, i) => {
        const { to, title, details } = describe(intl, item);
        return (
          <li key={`${item.__typename}-${i}`} className={item.isOverdue ? "due-item due-item-overdue" : "due-item"}>
            <Link to={to} dir="auto">
              {title}
            </Link>
            <p className="due-details">
              {item.isOverdue && (
                <Flag tone="warning">
                  <FormattedMessage id="dashboard.overdue" />
                </Flag>
              )}
              {details.map((d) => (
                <span key={d} dir="auto">
                  {d}
                </span>
              ))}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
