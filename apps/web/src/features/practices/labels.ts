import type { IntlShape } from "react-intl";
import { FIELDS_OF_INTERVENTION, type FieldOfIntervention } from "@citypeer/domain/practices";
import { TARGET_GROUPS } from "@citypeer/domain/pilots";

export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const fieldLabel = (intl: IntlShape, f: FieldOfIntervention) => intl.formatMessage({ id: `fieldOfIntervention.${f}` });
export const targetGroupLabel = (intl: IntlShape, g: TargetGroup) => intl.formatMessage({ id: `targetGroup.${g}` });
export const fieldOptions = (intl: IntlShape) => FIELDS_OF_INTERVENTION.map((f) => ({ value: f, label: fieldLabel(intl, f) }));
export const targetGroupOptions = (intl: IntlShape) => TARGET_GROUPS.map((g) => ({ value: g, label: targetGroupLabel(intl, g) }));
export const isFieldOfIntervention = (v: string | null): v is FieldOfIntervention => FIELDS_OF_INTERVENTION.includes(v as FieldOfIntervention);
export const isTargetGroup = (v: string | null): v is TargetGroup => TARGET_GROUPS.includes(v as TargetGroup);
export { FIELDS_OF_INTERVENTION, TARGET_GROUPS };
