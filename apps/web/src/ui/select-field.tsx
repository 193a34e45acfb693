import { useId, type ReactNode } from "react";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";

type SelectFieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  children: ReactNode;
};

/**
 * A native select bound to react-hook-form (keyboard, screen readers and phone pickers work without
 * extra code), with its error linked through aria-describedby like the text fields.
 */
export function SelectField<T extends FieldValues>({ control, name, label, children }: SelectFieldProps<T>) {
  const { field, fieldState } = useController({ control, name });
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        ref={field.ref}
        name={field.name}
        value={field.value ?? ""}
        onChange={field.onChange}
        onBlur={field.onBlur}
        aria-invalid={fieldState.invalid || undefined}
        aria-describedby={fieldState.error ? errorId : undefined}
        className="select-wide"
      >
        {children}
      </select>
      {fieldState.error && (
        <p id={errorId} className="field-error">
          {fieldState.error.message}
        </p>
      )}
    </div>
  );
}
