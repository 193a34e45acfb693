import { useEffect, useId, useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useSearchParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { ROLES, type Role } from "@citypeer/domain/identity";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { rawId } from "../../ui/global-id.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { AuditTrail } from "../audit/audit-trail.tsx";
import { DeactivateUserDialog } from "./deactivate-user-dialog.tsx";
import { EditUserDialog } from "./edit-user-dialog.tsx";
import { InviteUserDialog } from "./invite-user-dialog.tsx";
import { OrganizationOptionsQuery, ReactivateUserMutation, UsersQuery } from "./operations.ts";
import { roleNames, sortedOrganizations, type UserRow } from "./user-options.ts";

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;
const isRole = (value: string | null): value is Role => ROLES.includes(value as Role);

type OpenDialog = { kind: "edit" | "deactivate" | "history"; user: UserRow } | null;

/**
 * Account administration (admins). Filters and the page cursor live in the address, so a filtered
 * list can be reloaded, shared and left with the back button.
 */
export function UsersPage() {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const roleParam = params.get("role");
  const role = isRole(roleParam) ? roleParam : null;
  const organizationId = params.get("org") || null;
  const search = params.get("q") ?? "";
  const after = params.get("after");
  const before = params.get("before");

  const { data, previousData, error, loading, refetch } = useQuery(UsersQuery, {
    variables: {
      role,
      organizationId,
      search: search || null,
      ...(before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, after }),
    },
    fetchPolicy: "cache-and-network",
  });
  const organizationsQuery = useQuery(OrganizationOptionsQuery);
  const organizations = sortedOrganizations(intl, organizationsQuery.data?.organizations ?? []);
  const users = (data ?? previousData)?.users;

  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [status, setStatus] = useState<ReactNode>();
  const [failure, setFailure] = useState<string>();
  const [reactivate] = useMutation(ReactivateUserMutation);

  /** Changes filters (a new filter starts at the first page) or the page cursor. */
  function navigate(changes: Record<string, string | null>, replace = false) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace });
  }
  const filter = (changes: Record<string, string | null>, replace = false) => navigate({ ...changes, after: null, before: null }, replace);

  // The search box filters as one types, after a pause; a search from the address (back button) refills it.
  const [searchText, setSearchText] = useState(search);
  const [shownSearch, setShownSearch] = useState(search);
  if (search !== shownSearch) {
    setShownSearch(search);
    if (search !== searchText.trim()) setSearchText(search);
  }
  useEffect(() => {
    const text = searchText.trim();
    if (text === search) return;
    const timer = setTimeout(() => filter({ q: text || null }, true), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, search, params]); // params: the delayed update must not undo a filter chosen meanwhile

  async function onReactivate(user: UserRow) {
    setStatus(undefined);
    setFailure(undefined);
    try {
      const { data: result } = await reactivate({ variables: { input: { userId: user.id } } });
      if (result?.reactivateUser.__typename === "MutationReactivateUserSuccess")
        setStatus(<FormattedMessage id="reactivate.done" values={{ name: <bdi>{user.name}</bdi> }} />);
      else setFailure(errorText(intl, "not_found"));
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  const open = (kind: NonNullable<OpenDialog>["kind"], user: UserRow) => {
    setStatus(undefined);
    setFailure(undefined);
    setDialog({ kind, user });
  };
  const organizationName = new Map(organizations.map((o) => [rawId(o.id), o.name]));
  const searchId = useId();
  const roleId = useId();
  const organizationFilterId = useId();

  return (
    <>
      <div className="page-header">
        <PageHeading>{intl.formatMessage({ id: "users.title" })}</PageHeading>
        <InviteUserDialog
          organizations={organizations}
          onInvited={(email) => setStatus(<FormattedMessage id="invite.sent" values={{ email: <bdi>{email}</bdi> }} />)}
        />
      </div>
      <p>
        <FormattedMessage id="users.intro" />
      </p>

      <form role="search" aria-label={intl.formatMessage({ id: "users.filters" })} className="filters" onSubmit={(e) => {
        e.preventDefault();
        filter({ q: searchText.trim() || null });
      }}>
        <div className="field">
          <label htmlFor={searchId} className="field-label">
            <FormattedMessage id="users.search" />
          </label>
          <input id={searchId} type="search" className="input" value={searchText} onChange={(e) => setSearchText(e.currentTarget.value)} />
        </div>
        <div className="field">
          <label htmlFor={roleId} className="field-label">
            <FormattedMessage id="users.filterRole" />
          </label>
          <select id={roleId} className="select-wide" value={role ?? ""} onChange={(e) => filter({ role: e.currentTarget.value || null })}>
            <option value="">{intl.formatMessage({ id: "users.anyRole" })}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {intl.formatMessage({ id: `role.${r}` })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={organizationFilterId} className="field-label">
            <FormattedMessage id="users.filterOrganization" />
          </label>
          <select
            id={organizationFilterId}
            className="select-wide"
            value={organizationId ?? ""}
            onChange={(e) => filter({ org: e.currentTarget.value || null })}
          >
            <option value="">{intl.formatMessage({ id: "users.anyOrganization" })}</option>
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </div>
      </form>

      <StatusMessage>{status}</StatusMessage>
      {failure && (
        <div role="alert" className="notice notice-error">
          <p>{failure}</p>
        </div>
      )}

      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !users ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {loading ? <FormattedMessage id="app.loading" /> : <FormattedMessage id="users.count" values={{ count: users.totalCount }} />}
          </p>
          {users.edges.length === 0 ? (
            <p>
              <FormattedMessage id="users.empty" />{" "}
              {(role || organizationId || search) && (
                <button type="button" className="link-button" onClick={() => filter({ role: null, org: null, q: null })}>
                  <FormattedMessage id="users.clearFilters" />
                </button>
              )}
            </p>
          ) : (
            <UserTable users={users.edges.map((e) => e.node)} onAction={open} onReactivate={(u) => void onReactivate(u)} />
          )}
          {(users.pageInfo.hasPreviousPage || users.pageInfo.hasNextPage) && (
            <nav aria-label={intl.formatMessage({ id: "users.pagination" })} className="pagination">
              <button
                type="button"
                className="button button-secondary"
                disabled={!users.pageInfo.hasPreviousPage || !users.pageInfo.startCursor}
                onClick={() => navigate({ before: users.pageInfo.startCursor, after: null })}
              >
                <FormattedMessage id="users.previous" />
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={!users.pageInfo.hasNextPage || !users.pageInfo.endCursor}
                onClick={() => navigate({ after: users.pageInfo.endCursor, before: null })}
              >
                <FormattedMessage id="users.next" />
              </button>
            </nav>
          )}
        </>
      )}

      {dialog?.kind === "edit" && (
        <EditUserDialog
          user={dialog.user}
          organizations={organizations}
          onClose={() => setDialog(null)}
          onSaved={(user) => {
            setDialog(null);
            setStatus(<FormattedMessage id="edit.saved" values={{ name: <bdi>{user.name}</bdi> }} />);
          }}
        />
      )}
      {dialog?.kind === "deactivate" && (
        <DeactivateUserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(user) => {
            setDialog(null);
            setStatus(<FormattedMessage id="deactivate.done" values={{ name: <bdi>{user.name}</bdi> }} />);
          }}
        />
      )}
      {dialog?.kind === "history" && (
        <ModalDialog
          isOpen
          onOpenChange={(isOpen) => !isOpen && setDialog(null)}
          size="wide"
          title={intl.formatMessage({ id: "history.title" }, { name: dialog.user.name })}
        >
          {(close) => (
            <>
              <AuditTrail
                entityType="User"
                entityId={rawId(dialog.user.id)}
                formatValue={(key, value) => describeUserValue(intl, organizationName, key, value)}
              />
              <div className="dialog-actions">
                <button type="button" className="button button-secondary" onClick={close}>
                  <FormattedMessage id="dialog.close" />
                </button>
              </div>
            </>
          )}
        </ModalDialog>
      )}
    </>
  );
}

/** Audit values of a user in words: role names, the organisation's name instead of its id. */
function describeUserValue(intl: ReturnType<typeof useIntl>, organizationName: Map<string, string>, key: string, value: unknown) {
  if (key === "roles" && Array.isArray(value)) return roleNames(intl, value.map(String));
  if (key === "organizationId" && typeof value === "string") return organizationName.get(value);
  return undefined;
}

/** An address that may wrap before the "@" only, so a narrow column never splits a name mid-word. */
function breakableEmail(email: string): ReactNode {
  const at = email.lastIndexOf("@");
  if (at <= 0) return email;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

function UserTable({
  users,
  onAction,
  onReactivate,
}: {
  users: UserRow[];
  onAction: (kind: "edit" | "deactivate" | "history", user: UserRow) => void;
  onReactivate: (user: UserRow) => void;
}) {
  const intl = useIntl();
  const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;
  const date = (iso: string) => <time dateTime={iso}>{intl.formatDate(iso, { dateStyle: "medium", timeStyle: "short" })}</time>;

  return (
    <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
      <table className="users-table">
        <caption id="users-caption">
          <FormattedMessage id="users.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="users.name" />
            </th>
            <th scope="col">
              <FormattedMessage id="users.email" />
            </th>
            <th scope="col">
              <FormattedMessage id="users.organization" />
            </th>
            <th scope="col">
              <FormattedMessage id="users.roles" />
            </th>
            <th scope="col">
              <FormattedMessage id="users.status" />
            </th>
            <th scope="col">
              <FormattedMessage id="users.lastSignIn" />
            </th>
            <th scope="col">
              <FormattedMessage id="users.actions" />
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.isActive ? undefined : "row-inactive"}>
              <th scope="row">
                <bdi>{user.name}</bdi>
              </th>
              <td>
                <bdi>{breakableEmail(user.email)}</bdi>
              </td>
              <td>{user.organization ? <bdi>{user.organization.name}</bdi> : <span className="muted">{intl.formatMessage({ id: "users.noOrganization" })}</span>}</td>
              <td>{roleNames(intl, user.roles)}</td>
              <td>
                {!user.isActive ? (
                  <>
                    <span className="status status-inactive">
                      <FormattedMessage id="users.status.deactivated" />
                    </span>
                    {user.deactivatedAt && <span className="status-detail">{date(user.deactivatedAt)}</span>}
                  </>
                ) : user.hasPassword ? (
                  <span className="status status-active">
                    <FormattedMessage id="users.status.active" />
                  </span>
                ) : (
                  <span className="status status-pending">
                    <FormattedMessage id="users.status.invited" />
                  </span>
                )}
              </td>
              <td>{user.lastSignInAt ? date(user.lastSignInAt) : <span className="muted">{intl.formatMessage({ id: "users.never" })}</span>}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button-small button-secondary" onClick={() => onAction("edit", user)}>
                    <FormattedMessage id="users.edit" values={{ name: user.name, hidden }} />
                  </button>
                  <button type="button" className="button button-small button-secondary" onClick={() => onAction("history", user)}>
                    <FormattedMessage id="users.history" values={{ name: user.name, hidden }} />
                  </button>
                  {user.isActive ? (
                    <button type="button" className="button button-small button-secondary" onClick={() => onAction("deactivate", user)}>
                      <FormattedMessage id="users.deactivate" values={{ name: user.name, hidden }} />
                    </button>
                  ) : (
                    <button type="button" className="button button-small button-secondary" onClick={() => onReactivate(user)}>
                      <FormattedMessage id="users.reactivate" values={{ name: user.name, hidden }} />
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
