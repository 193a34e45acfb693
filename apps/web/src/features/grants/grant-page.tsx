import { useParams } from "react-router";
import { GrantView } from "./grant-view.tsx";
import { grantNodeId } from "./labels.ts";

/** `/grants/:id`: the id is the raw uuid, as in notification links (`/grants/<uuid>`). */
export function GrantPage() {
  const { id = "" } = useParams();
  return <GrantView key={id} id={grantNodeId(id)} />;
}
