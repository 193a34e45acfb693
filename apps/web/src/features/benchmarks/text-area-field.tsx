import { FieldError, Label, Text, TextArea, TextField, type TextFieldProps } from "react-aria-components";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";

type TextAreaFieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description?: string;
  rows?: number;
  /** The language the text is written in (a city's evidence), so spell checkers and screen readers use it. */
  lang?: string;
} & Omit<TextFieldProps, "name" | "value" | "onChange" | "onBlur" | "isInvalid" | "validationBehavior" | "children">;

/** A labelled multi-line text field bound to react-hook-form; like ui/field.tsx, error and hint linked by react-aria. */
export function TextAreaField<T extends FieldValues>({ control, name, label, description, rows = 3, lang, ...props }: TextAreaFieldProps<T>) {
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
      <TextArea ref={field.ref} className="input textarea" rows={rows} lang={lang} dir={lang ? "auto" : undefined} />
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </TextField>
  );
}
