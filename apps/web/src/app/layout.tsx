import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { useApolloClient, useMutation } from "@apollo/client/react";
import { MeQuery, SignOutMutation } from "../features/identity/operations.ts";
import { errorCode } from "../ui/error-code.ts";
import { errorText } from "./i18n.tsx";
import { useViewer } from "../features/identity/use-viewer.ts";
import { NotificationBell } from "../features/notifications/notification-bell.tsx";
import { LanguagePicker } from "./language-picker.tsx";
import { navItemsFor } from "./nav.ts";

export function Layout() {
  const intl = useIntl();
  const { viewer } = useViewer();

  return (
    <>
      <a className="skip-link" href="#main">
        <FormattedMessage id="app.skipToContent" />
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <FormattedMessage id="app.name" />
          </Link>
          {viewer && (
            <nav aria-label={intl.formatMessage({ id: "nav.label" })} className="main-nav">
              <ul>
                {navItemsFor(viewer.roles).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/"}>
                      <FormattedMessage id={item.label} />
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="header-tools">
            <LanguagePicker />
            {viewer && <NotificationBell />}
            {viewer && <SignOut name={viewer.name} />}
          </div>
        </div>
      </header>
      {/* tabIndex lets the skip link and route changes move focus here */}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

function SignOut({ name }: { name: string }) {
  const intl = useIntl();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut, { loading }] = useMutation(SignOutMutation);
  const [failure, setFailure] = useState<string>();

  async function onSignOut() {
    setFailure(undefined);
    try {
      await signOut();
    } catch (error) {
      return setFailure(errorText(intl, errorCode(error)));
    }
    // forget everything the last person could read, then let the route guard see "signed out"
    await client.clearStore();
    client.writeQuery({ query: MeQuery, data: { me: null } });
    await navigate("/sign-in", { replace: true });
  }

  return (
    <div className="user-menu">
      <span className="user-name">
        <FormattedMessage id="header.signedInAs" values={{ name: <bdi>{name}</bdi> }} />
      </span>
      <NavLink to="/account" className="header-link">
        <FormattedMessage id="header.account" />
      </NavLink>
      <button type="button" className="button button-secondary" onClick={() => void onSignOut()} disabled={loading}>
        <FormattedMessage id="header.signOut" />
      </button>
      {failure && (
        <p role="alert" className="header-error">
          {failure}
        </p>
      )}
    </div>
  );
}
