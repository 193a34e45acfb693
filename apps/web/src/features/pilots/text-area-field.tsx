import { FieldError, Input, Label, Text, TextArea, TextField, type TextFieldProps } from "react-aria-components";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";

type TextAreaFieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description?: string;
  rows?: number;
  /** The language the text is written in (a city's own texts), so screen readers pronounce it right. */
  lang?: string;
  /** A one-line input (a title) that still carries the text's language, unlike ui/field.tsx. */
  singleLine?: boolean;
} & Omit<TextFieldProps, "name" | "value" | "onChange" | "onBlur" | "isInvalid" | "validationBehavior" | "children">;

/**
 * A labelled multi-line text bound to react-hook-form, wired like ui/field.tsx: react-aria links
 * the label, the hint and the error, so a screen reader reads the error when the field gets focus.
 */
export function TextAreaField<T extends FieldValues>({ control, name, label, description, rows = 4, lang, singleLine = false, ...props }: TextAreaFieldProps<T>) {
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
      {singleLine ? (
        <Input ref={field.ref} className="input" lang={lang} dir="auto" />
      ) : (
        <TextArea ref={field.ref} className="input textarea" rows={rows} lang={lang} dir="auto" />
      )}
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </TextField>
  );
}
