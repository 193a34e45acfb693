import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { editPracticePath, nodeId, practiceFromPilotPath } from "../open-call/ids.ts";
import { PracticeDraftFromPilotMutation } from "./operations.ts";

/**
 * "Create good-practice draft" for a completed pilot: other pages (the pilot page) import this link; it opens
 * the confirmation page below. Show it only to the project team and the pilot's city, for a COMPLETED pilot.
 */
export function PracticeDraftButton({ pilotId }: { pilotId: string }) {
  return (
    <Link to={practiceFromPilotPath(pilotId)} className="button button-secondary">
      <FormattedMessage id="practiceDraft.button" />
    </Link>
  );
}

/** `/practices/from-pilot/:pilotId`: prefills a draft profile from the pilot, then opens it for editing. */
export function PracticeDraftFromPilotPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const param = useParams().pilotId ?? "";
  const pilotId = nodeId("Pilot", param);
  const [create, { loading }] = useMutation(PracticeDraftFromPilotMutation, { refetchQueries: ["PracticeDrafts"] });
  const [failure, setFailure] = useState<string>();

  async function onCreate() {
    setFailure(undefined);
    try {
      const r = (await create({ variables: { input: { pilotId } } })).data?.practiceDraftFromPilot;
      if (r?.__typename === "MutationPracticeDraftFromPilotSuccess")
        return void navigate(editPracticePath(r.data.id), { replace: true });
      if (r?.__typename === "ConflictError") setFailure(errorText(intl, r.code, r.message));
      else setFailure(errorText(intl, "not_found"));
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  return (
    <div className="narrow">
      <PageHeading>{intl.formatMessage({ id: "practiceDraft.title" })}</PageHeading>
      <p>
        <FormattedMessage id="practiceDraft.intro" />
      </p>
      <div role="alert" className={failure ? "notice notice-error" : undefined}>
        {failure && <p>{failure}</p>}
      </div>
      <div className="form-footer">
        <button type="button" className="button" disabled={loading} onClick={() => void onCreate()}>
          <FormattedMessage id="practiceDraft.create" />
        </button>
        <Link to={`/pilots/${param}`} className="button button-secondary">
          <FormattedMessage id="dialog.cancel" />
        </Link>
      </div>
    </div>
  );
}
