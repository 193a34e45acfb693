import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { Checkbox } from "react-aria-components";
import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { errorCode } from "../../ui/error-code.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { notificationBody, notificationLink, notificationTitle } from "./notification-text.ts";
import { MarkNotificationsReadMutation, NotificationsQuery, UnreadNotificationCountQuery } from "./operations.ts";

const PAGE_SIZE = 20;
type Notification = ResultOf<typeof NotificationsQuery>["notifications"]["edges"][number]["node"];
const titleId = (id: string) => `notification-${id}`;

/** The signed-in person's notifications, newest first; marking read updates the bell at once. */
export function NotificationsPage() {
  const intl = useIntl();
  const client = useApolloClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, loading, refetch, fetchMore } = useQuery(NotificationsQuery, {
    variables: { first: PAGE_SIZE, unreadOnly },
    // the bell may already know of newer ones: show the cached list, then the server's
    fetchPolicy: "cache-and-network",
  });
  const unread = useQuery(UnreadNotificationCountQuery).data?.unreadNotificationCount ?? 0;
  const [markRead] = useMutation(MarkNotificationsReadMutation);
  const [loadingMore, setLoadingMore] = useState(false);
  const [status, setStatus] = useState<ReactNode>();
  const [failure, setFailure] = useState<string>();
  const notifications = data?.notifications.edges.map((e) => e.node) ?? [];

  /** Optimistic: the bell and the items change before the server answers, and change back if it fails. */
  async function mark(targets: Notification[], all: boolean) {
    setStatus(undefined);
    setFailure(undefined);
    const ids = targets.filter((n) => !n.isRead).map((n) => n.id);
    const current = client.readQuery({ query: UnreadNotificationCountQuery })?.unreadNotificationCount ?? ids.length;
    const readAt = new Date().toISOString();
    try {
      await markRead({
        variables: { input: all ? { all: true } : { ids } },
        optimisticResponse: { markNotificationsRead: all ? 0 : Math.max(0, current - ids.length) },
        update(cache, result) {
          const count = result.data?.markNotificationsRead;
          if (count == null) return;
          cache.writeQuery({ query: UnreadNotificationCountQuery, data: { unreadNotificationCount: count } });
          for (const id of ids) {
            cache.modify({ id: cache.identify({ __typename: "Notification", id }), fields: { isRead: () => true, readAt: (v) => v ?? readAt } });
          }
        },
      });
      if (all) setStatus(<FormattedMessage id="notifications.allRead" />);
      // the button that was pressed is gone: continue from the notification it belonged to
      const focusTarget = targets[0];
      if (focusTarget) document.getElementById(titleId(focusTarget.id))?.focus();
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  async function loadMore() {
    setLoadingMore(true);
    try {
      // appends the older page to the list in the cache (no cache-wide pagination policy: that helper
      // would add ~9 KB to the first page for this one list)
      await fetchMore({
        variables: { after: data?.notifications.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          notifications: {
            ...fetchMoreResult.notifications,
            edges: [...(previous.notifications?.edges ?? []), ...fetchMoreResult.notifications.edges],
          },
        }),
      });
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <div className="page-header">
        <PageHeading>{intl.formatMessage({ id: "notifications.title" })}</PageHeading>
        <Link to="/notifications/preferences">
          <FormattedMessage id="notifications.preferencesLink" />
        </Link>
      </div>
      <div className="toolbar">
        <Checkbox className="choice" isSelected={unreadOnly} onChange={setUnreadOnly}>
          <span className="choice-box" aria-hidden="true" />
          <FormattedMessage id="notifications.unreadOnly" />
        </Checkbox>
        {unread > 0 && (
          <button type="button" className="button button-secondary" onClick={() => void mark(notifications, true)}>
            <FormattedMessage id="notifications.markAllRead" />
          </button>
        )}
      </div>
      <StatusMessage>{status}</StatusMessage>
      {failure && (
        <div role="alert" className="notice notice-error">
          <p>{failure}</p>
        </div>
      )}
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : notifications.length === 0 ? (
        <p>
          <FormattedMessage id={unreadOnly ? "notifications.emptyUnread" : "notifications.empty"} />
        </p>
      ) : (
        <>
          <ol className="notification-list">
            {notifications.map((n) => (
              <NotificationItem key={n.id} notification={n} onMarkRead={() => void mark([n], false)} />
            ))}
          </ol>
          {data?.notifications.pageInfo.hasNextPage && (
            <p>
              <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => void loadMore()}>
                <FormattedMessage id={loadingMore ? "app.loading" : "notifications.loadMore"} />
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}

function NotificationItem({ notification: n, onMarkRead }: { notification: Notification; onMarkRead: () => void }) {
  const intl = useIntl();
  const title = notificationTitle(intl, n.kind, n.payload);
  const body = notificationBody(intl, n.kind, n.payload);
  const link = notificationLink(n.payload);
  const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

  return (
    <li className={n.isRead ? "notification" : "notification notification-unread"}>
      <div className="notification-text">
        <p className="notification-title" id={titleId(n.id)} tabIndex={-1}>
          {!n.isRead && (
            <span className="visually-hidden">
              <FormattedMessage id="notifications.unread" />:{" "}
            </span>
          )}
          {link ? (
            <Link to={link} onClick={() => !n.isRead && onMarkRead()}>
              {title}
            </Link>
          ) : (
            title
          )}
        </p>
        {body && <p className="notification-body">{body}</p>}
        <p className="notification-meta">
          <time dateTime={n.createdAt}>{intl.formatDate(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
        </p>
      </div>
      {!n.isRead && (
        <button type="button" className="button button-small button-secondary" onClick={onMarkRead}>
          <FormattedMessage id="notifications.markRead" values={{ title, hidden }} />
        </button>
      )}
    </li>
  );
}
