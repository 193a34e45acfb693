import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { PILOT_STATUSES } from "@citypeer/domain/pilots";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { StatusMessage } from "../../ui/status-message.tsx";
import { pilotStatusLabel, type PilotStatus } from "./labels.ts";
import { ChangePilotStatusMutation } from "./operations.ts";

/**
 * Project managers move a pilot one step along draft → planned → in implementation → completed,
 * or one step back to correct a mistake (the API refuses anything else with `invalid_status_change`).
 */
export function PilotStatusControl({ pilotId, status }: { pilotId: string; status: PilotStatus }) {
  const intl = useIntl();
  const [change, { loading }] = useMutation(ChangePilotStatusMutation);
  const [failure, setFailure] = useState<string>();
  const [changedTo, setChangedTo] = useState<PilotStatus>();
  const index = PILOT_STATUSES.indexOf(status);
  const next = PILOT_STATUSES[index + 1];
  const previous = index > 0 ? PILOT_STATUSES[index - 1] : undefined;

  async function onChange(to: PilotStatus) {
    setFailure(undefined);
    setChangedTo(undefined);
    try {
      const { data } = await change({ variables: { input: { pilotId, status: to } } });
      const result = data?.changePilotStatus;
      if (result?.__typename === "MutationChangePilotStatusSuccess") setChangedTo(result.data.status);
      else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else if (result?.__typename === "NotFoundError") setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  return (
    <section aria-labelledby="pilot-status-heading" className="panel no-print">
      <h2 id="pilot-status-heading">
        <FormattedMessage id="pilot.statusHeading" />
      </h2>
      <p>
        <FormattedMessage id="pilot.statusCurrent" values={{ status: <strong>{pilotStatusLabel(intl, status)}</strong> }} />
      </p>
      <div className="button-row">
        {next && (
          <button type="button" className="button" disabled={loading} onClick={() => void onChange(next)}>
            <FormattedMessage id="pilot.statusForward" values={{ status: pilotStatusLabel(intl, next) }} />
          </button>
        )}
        {previous && (
          <button type="button" className="button button-secondary" disabled={loading} onClick={() => void onChange(previous)}>
            <FormattedMessage id="pilot.statusBack" values={{ status: pilotStatusLabel(intl, previous) }} />
          </button>
        )}
      </div>
      <StatusMessage>{changedTo && <FormattedMessage id="pilot.statusChanged" values={{ status: pilotStatusLabel(intl, changedTo) }} />}</StatusMessage>
      {failure && (
        <div role="alert" className="notice notice-error">
          <p>{failure}</p>
        </div>
      )}
    </section>
  );
}
