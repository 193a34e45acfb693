import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { useQuery } from "@apollo/client/react";
import type { MessageId } from "../../app/i18n.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { AuditLogQuery } from "./operations.ts";

type AuditTrailProps = {
  /** As the API records it: "User", "Expense", ... */
  entityType: string;
  /** The raw database id (not the Relay global ID). */
  entityId: string;
  /**
   * Domain wording for a value, e.g. role codes as role names or an organisation id as its name.
   * Return undefined to fall back to the generic formatting.
   */
  formatValue?: (key: string, value: unknown) => string | undefined;
};

type Change = { key: string; before: unknown; after: unknown };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The keys whose values differ between the recorded states (a creation has no before, a deletion no after). */
export function changedKeys(before: unknown, after: unknown): Change[] {
  if (before == null && after == null) return [];
  if (!isRecord(before) && !isRecord(after))
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ key: "value", before, after }];
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null)).map((k) => ({ key: k, before: b[k], after: a[k] }));
}

/** A message if the catalogue has one for this id, else the fallback (new actions and fields still show, untranslated). */
function optionalMessage(intl: IntlShape, id: string, fallback: string): string {
  return id in intl.messages ? intl.formatMessage({ id: id as MessageId }) : fallback;
}

function genericValue(intl: IntlShape, value: unknown): string {
  if (value == null || value === "") return intl.formatMessage({ id: "audit.none" });
  if (Array.isArray(value)) return value.length === 0 ? intl.formatMessage({ id: "audit.none" }) : intl.formatList(value.map((v) => genericValue(intl, v)));
  if (typeof value === "boolean") return intl.formatMessage({ id: value ? "audit.yes" : "audit.no" });
  if (typeof value === "number") return intl.formatNumber(value);
  if (typeof value === "string") return ISO_DATE_TIME.test(value) ? intl.formatDate(value, { dateStyle: "medium", timeStyle: "short" }) : value;
  return JSON.stringify(value);
}

/**
 * Who changed what and when on one record, newest first, with each change as "before → after".
 * Readable by project managers and admins (the API refuses everyone else, which shows as an error here).
 */
export function AuditTrail({ entityType, entityId, formatValue }: AuditTrailProps) {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(AuditLogQuery, { variables: { entityType, entityId }, fetchPolicy: "cache-and-network" });
  const format = (key: string, value: unknown) => (value == null ? undefined : formatValue?.(key, value)) ?? genericValue(intl, value);

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (loading && !data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  const entries = data?.auditLog ?? [];
  if (entries.length === 0)
    return (
      <p>
        <FormattedMessage id="audit.empty" />
      </p>
    );

  return (
    <ol className="audit-list">
      {entries.map((entry) => {
        const changes = changedKeys(entry.before, entry.after);
        return (
          <li key={entry.id} className="audit-entry">
            <p className="audit-action">{optionalMessage(intl, `audit.action.${entry.action}`, entry.action)}</p>
            <p className="audit-meta">
              <FormattedMessage
                id="audit.byAt"
                values={{
                  actor: <bdi>{entry.actor?.name ?? intl.formatMessage({ id: "audit.system" })}</bdi>,
                  when: <time dateTime={entry.occurredAt}>{intl.formatDate(entry.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}</time>,
                }}
              />
            </p>
            {changes.length > 0 && (
              <dl className="audit-diff">
                {changes.map((change) => (
                  <div key={change.key}>
                    <dt>{optionalMessage(intl, `audit.field.${change.key}`, change.key)}</dt>
                    <dd>
                      <span className="visually-hidden">
                        <FormattedMessage id="audit.from" />{" "}
                      </span>
                      <bdi className="audit-before">{format(change.key, change.before)}</bdi>{" "}
                      <span className="diff-arrow" aria-hidden="true">
                        →
                      </span>
                      <span className="visually-hidden">
                        {" "}
                        <FormattedMessage id="audit.to" />
                      </span>{" "}
                      <bdi className="audit-after">{format(change.key, change.after)}</bdi>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
