import { FieldError, Label, Text, TextArea, TextField } from "react-aria-components";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";

type TextAreaFieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description?: string;
  rows?: number;
  isRequired?: boolean;
};

/**
 * A labelled multi-line text bound to react-hook-form, wired like ui/field.tsx (react-aria links the label,
 * hint and error). `dir="auto"` lets an Arabic answer read right to left inside an English page and vice versa.
 */
export function TextAreaField<T extends FieldValues>({ control, name, label, description, rows = 4, isRequired }: TextAreaFieldProps<T>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      className="field"
      name={field.name}
      value={field.value ?? ""}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isInvalid={fieldState.invalid}
      isRequired={isRequired}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <TextArea ref={field.ref} className="input textarea" rows={rows} dir="auto" />
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </TextField>
  );
}
