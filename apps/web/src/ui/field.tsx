import { FieldError, Input, Label, Text, TextField, type TextFieldProps } from "react-aria-components";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";

type FieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  /** A hint under the label (e.g. the minimum length), linked to the input through aria-describedby. */
  description?: string;
} & Omit<TextFieldProps, "name" | "value" | "onChange" | "onBlur" | "isInvalid" | "validationBehavior" | "children">;

/**
 * A labelled text input bound to react-hook-form. react-aria wires label, aria-invalid and
 * aria-describedby to the error, so a screen reader reads the error when the field gets focus.
 */
export function Field<T extends FieldValues>({ control, name, label, description, ...props }: FieldProps<T>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      {...props}
      className="field"
      name={field.name}
      value={field.value ?? ""}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <Input ref={field.ref} className="input" />
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </TextField>
  );
}
