import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { errorCode } from "../../ui/error-code.ts";
import { RecordAttendanceMutation, SessionFields } from "./operations.ts";

type Session = ResultOf<typeof SessionFields>;
type AttendanceStatus = "REGISTERED" | "ATTENDED" | "EXCUSED";

const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

/** Meetings and trainings, each with its time, place, attendance and an .ics file for the calendar. */
export function SessionList({ sessions, canRecord, isMember, empty }: { sessions: readonly Session[]; canRecord: boolean; isMember: boolean; empty: string }) {
  if (sessions.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="session-list">
      {sessions.map((session) => (
        <li key={session.id}>
          {/* an officer records attendance for sessions their city takes part in: every training, member cities' meetings */}
          <SessionItem session={session} canRecord={canRecord && (session.isCrossCutting || isMember)} />
        </li>
      ))}
    </ul>
  );
}

function SessionItem({ session, canRecord }: { session: Session; canRecord: boolean }) {
  const intl = useIntl();
  const headingId = `session-${session.id}`;
  const when = intl.formatDateTimeRange(new Date(session.startsAt), new Date(session.endsAt), { dateStyle: "medium", timeStyle: "short" });
  const counts = session.attendanceCounts;

  return (
    <article className="session" aria-labelledby={headingId}>
      <h4 id={headingId} dir="auto">
        {session.title}
      </h4>
      <p className="session-meta">
        <span className="badge">
          <FormattedMessage id={`sessionKind.${session.kind}`} />
        </span>{" "}
        {session.topic && (
          <span className="badge badge-quiet">
            <FormattedMessage id={`topic.${session.topic}`} />
          </span>
        )}{" "}
        {session.isCrossCutting && (
          <span className="muted">
            <FormattedMessage id="community.crossCutting" />
          </span>
        )}
      </p>
      <p>
        <time dateTime={session.startsAt}>{when}</time>
      </p>
      {session.location && (
        <p>
          <FormattedMessage id="community.location" values={{ place: <bdi>{session.location}</bdi> }} />
        </p>
      )}
      {session.onlineUrl && (
        <p>
          <a href={session.onlineUrl} rel="noreferrer" target="_blank">
            <FormattedMessage id="community.joinOnline" values={{ title: session.title, hidden }} />
          </a>
        </p>
      )}
      {session.description && (
        <p dir="auto" className="session-description">
          {session.description}
        </p>
      )}
      <p className="muted">
        <FormattedMessage id="community.attendanceCounts" values={{ registered: counts.registered, attended: counts.attended, excused: counts.excused }} />
      </p>
      <div className="link-row">
        <a href={session.icsUrl} download className="button button-small button-secondary">
          <FormattedMessage id="community.addToCalendar" values={{ title: session.title, hidden }} />
        </a>
      </div>
      {canRecord && <Attendance session={session} />}
    </article>
  );
}

/**
 * "I will attend" before the session starts; "I attended" / "I was excused" once it has (the API's rule:
 * attendance lists are kept per session for the project's reporting).
 */
function Attendance({ session }: { session: Session }) {
  const intl = useIntl();
  const [record, { loading }] = useMutation(RecordAttendanceMutation);
  const [failure, setFailure] = useState<string>();
  const started = new Date(session.startsAt).getTime() <= Date.now();
  const current = session.viewerAttendance;
  const choices: AttendanceStatus[] = started ? ["ATTENDED", "EXCUSED"] : ["REGISTERED"];

  async function onRecord(status: AttendanceStatus) {
    setFailure(undefined);
    try {
      const { data } = await record({ variables: { input: { sessionId: session.id, status } } });
      const result = data?.recordMyAttendance;
      if (result?.__typename === "InputError") setFailure(errorText(intl, result.issues[0]?.code ?? "unknown", result.issues[0]?.message));
      else if (result?.__typename === "NotFoundError") setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  return (
    <div className="attendance" role="group" aria-label={intl.formatMessage({ id: "community.yourAttendance" }, { title: session.title })}>
      {current && (
        <p className="attendance-status">
          <FormattedMessage id={`community.attendance.${current}`} />
        </p>
      )}
      <div className="link-row">
        {choices.map((status) => (
          <button
            key={status}
            type="button"
            className={current === status ? "button button-small" : "button button-small button-secondary"}
            aria-pressed={current === status}
            disabled={loading}
            onClick={() => void onRecord(status)}
          >
            <FormattedMessage id={`community.record.${status}`} values={{ title: session.title, hidden }} />
          </button>
        ))}
      </div>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
    </div>
  );
}
