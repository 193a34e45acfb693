import { Checkbox, CheckboxGroup, FieldError, Label } from "react-aria-components";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";

type CheckboxGroupFieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  options: readonly { value: string; label: string }[];
};

/**
 * A group of checkboxes for a list value (roles). react-aria labels the group and links its error,
 * so a screen reader announces "Roles, group" and the error when focus enters it.
 */
export function CheckboxGroupField<T extends FieldValues>({ control, name, label, options }: CheckboxGroupFieldProps<T>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <CheckboxGroup
      className="field"
      name={field.name}
      value={field.value ?? []}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      <div className="choice-list">
        {options.map((option, i) => (
          // the first box takes focus when the server or the form rejects the group
          <Checkbox key={option.value} value={option.value} className="choice" inputRef={i === 0 ? field.ref : undefined}>
            <span className="choice-box" aria-hidden="true" />
            {option.label}
          </Checkbox>
        ))}
      </div>
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </CheckboxGroup>
  );
}
