import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { Radio, RadioGroup } from "react-aria-components";
import { useMutation, useQuery } from "@apollo/client/react";
import { EMAIL_MODES, type EmailMode } from "@citypeer/domain/notifications";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { notificationKindLabel } from "./notification-text.ts";
import { NotificationPreferencesQuery, UpdateNotificationPreferencesMutation } from "./operations.ts";

/** Per kind: e-mail at once, in the daily digest, or not at all. In-app notifications always appear. */
export function PreferencesPage() {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(NotificationPreferencesQuery, { fetchPolicy: "cache-and-network" });
  const [update, { loading: saving }] = useMutation(UpdateNotificationPreferencesMutation);
  const [changes, setChanges] = useState<Record<string, EmailMode>>({});
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string>();
  const preferences = data?.notificationPreferences ?? [];
  const changed = Object.entries(changes).filter(([kind, email]) => preferences.find((p) => p.kind === kind)?.email !== email);

  async function onSave() {
    setSaved(false);
    setFailure(undefined);
    try {
      const { data: result } = await update({
        // the answer updates the cached rows by kind (typePolicies in apollo.ts)
        variables: { input: { preferences: changed.map(([kind, email]) => ({ kind, email })) } },
      });
      const answer = result?.updateNotificationPreferences;
      if (answer?.__typename === "MutationUpdateNotificationPreferencesSuccess") {
        setChanges({});
        setSaved(true);
      } else if (answer?.__typename === "InputError") {
        setFailure(errorText(intl, answer.issues[0]?.code ?? "unknown", answer.issues[0]?.message));
      }
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "preferences.title" })}</PageHeading>
      <p>
        <FormattedMessage id="preferences.intro" />
      </p>
      <p>
        <Link to="/notifications">
          <FormattedMessage id="preferences.back" />
        </Link>
      </p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void onSave();
          }}
        >
          <div className="table-scroll" role="region" aria-labelledby="preferences-caption" tabIndex={0}>
            <table className="preferences-table">
              <caption id="preferences-caption">
                <FormattedMessage id="preferences.caption" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="preferences.kind" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="preferences.inApp" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="preferences.email" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {preferences.map((p) => {
                  const headerId = `kind-${p.kind.replace(/\W/g, "-")}`;
                  return (
                    <tr key={p.kind}>
                      <th scope="row" id={headerId}>
                        {notificationKindLabel(intl, p.kind)}
                      </th>
                      <td>
                        <FormattedMessage id="preferences.always" />
                      </td>
                      <td>
                        <RadioGroup
                          aria-labelledby={headerId}
                          orientation="horizontal"
                          className="choice-list"
                          value={changes[p.kind] ?? p.email}
                          onChange={(email) => setChanges((c) => ({ ...c, [p.kind]: email as EmailMode }))}
                        >
                          {EMAIL_MODES.map((mode) => (
                            <Radio key={mode} value={mode} className="choice">
                              <span className="choice-box choice-round" aria-hidden="true" />
                              <FormattedMessage id={`emailMode.${mode}`} />
                            </Radio>
                          ))}
                        </RadioGroup>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <StatusMessage>{saved && <FormattedMessage id="preferences.saved" />}</StatusMessage>
          {failure && (
            <div role="alert" className="notice notice-error">
              <p>{failure}</p>
            </div>
          )}
          <p>
            <button type="submit" className="button" disabled={saving}>
              <FormattedMessage id={saving ? "password.saving" : "preferences.save"} />
            </button>
          </p>
        </form>
      )}
    </>
  );
}
