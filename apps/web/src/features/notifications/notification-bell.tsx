import { useEffect, useRef } from "react";
import { useIntl } from "react-intl";
import { NavLink, useLocation } from "react-router";
import { useQuery } from "@apollo/client/react";
import { UnreadNotificationCountQuery } from "./operations.ts";

const POLL_MS = 60_000;

/**
 * The bell in the header: a link to the notifications with the unread count in its name
 * ("Notifications, 3 unread"). Polls every minute while the tab is visible, and asks again on
 * every navigation, which is also when a session that ended elsewhere is noticed.
 */
export function NotificationBell() {
  const intl = useIntl();
  const { pathname } = useLocation();
  const { data, refetch } = useQuery(UnreadNotificationCountQuery, {
    pollInterval: POLL_MS,
    skipPollAttempt: () => document.visibilityState === "hidden",
  });
  const count = data?.unreadNotificationCount ?? 0;

  const lastPath = useRef(pathname);
  useEffect(() => {
    if (pathname === lastPath.current) return; // first render: the query itself is loading
    lastPath.current = pathname;
    refetch().catch(() => {}); // a failure keeps the last count; an ended session is handled by the Apollo link
  }, [pathname, refetch]);

  return (
    <NavLink to="/notifications" end className="bell" aria-label={intl.formatMessage({ id: "notifications.bell" }, { count })}>
      <svg className="bell-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? "99+" : intl.formatNumber(count)}
        </span>
      )}
    </NavLink>
  );
}
