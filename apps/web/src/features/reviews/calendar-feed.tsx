import { useId, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { StatusMessage } from "../../ui/status-message.tsx";
import { RevokeCalendarFeedMutation, RotateCalendarFeedMutation } from "./operations.ts";

type Status = "created" | "copied" | "copyFailed" | "revoked" | undefined;

/**
 * "Subscribe in your calendar": a private iCalendar address of the person's reviews. The address is
 * the only key (calendar apps send no cookies), so it is shown once, right after it is made; making
 * a new one or revoking stops the old one.
 */
export function CalendarFeed() {
  const intl = useIntl();
  const [rotate, rotating] = useMutation(RotateCalendarFeedMutation);
  const [revoke, revoking] = useMutation(RevokeCalendarFeedMutation);
  const [url, setUrl] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [failure, setFailure] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();

  async function onRotate() {
    setFailure(undefined);
    setStatus(undefined);
    try {
      const { data } = await rotate();
      if (!data) return;
      setUrl(data.rotateCalendarFeed);
      setStatus("created");
      // the new address is what the person came for: put focus on it, selected, ready to copy
      requestAnimationFrame(() => inputRef.current?.select());
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  async function onRevoke() {
    setFailure(undefined);
    setStatus(undefined);
    try {
      await revoke();
      setUrl(undefined);
      setStatus("revoked");
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  async function onCopy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      // clipboard refused (permissions, insecure origin): the address is selected for Ctrl+C instead
      inputRef.current?.select();
      setStatus("copyFailed");
    }
  }

  return (
    <section aria-labelledby="calendar-feed-heading" className="panel no-print">
      <h2 id="calendar-feed-heading">
        <FormattedMessage id="calendarFeed.title" />
      </h2>
      <p>
        <FormattedMessage id="calendarFeed.intro" />
      </p>
      {url && (
        <div className="field">
          <label htmlFor={inputId} className="field-label">
            <FormattedMessage id="calendarFeed.urlLabel" />
          </label>
          <p id={hintId} className="field-hint">
            <FormattedMessage id="calendarFeed.urlHint" />
          </p>
          <div className="copy-row">
            <input ref={inputRef} id={inputId} className="input" readOnly value={url} dir="ltr" aria-describedby={hintId} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="button button-secondary" onClick={() => void onCopy()}>
              <FormattedMessage id="calendarFeed.copy" />
            </button>
          </div>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={rotating.loading} onClick={() => void onRotate()}>
          <FormattedMessage id={url ? "calendarFeed.rotate" : "calendarFeed.create"} />
        </button>
        <button type="button" className="button button-secondary" disabled={revoking.loading} onClick={() => void onRevoke()}>
          <FormattedMessage id="calendarFeed.revoke" />
        </button>
      </div>
      <StatusMessage tone={status === "copyFailed" ? "info" : "success"}>
        {status && <FormattedMessage id={`calendarFeed.status.${status}`} />}
      </StatusMessage>
      {failure && (
        <div role="alert" className="notice notice-error">
          <p>{failure}</p>
        </div>
      )}
    </section>
  );
}
