import type { ReactNode } from "react";
import { FieldError, Label, Radio, RadioGroup, Text } from "react-aria-components";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";

type Option = { value: string; label: ReactNode; description?: ReactNode };

type RadioGroupFieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: ReactNode;
  description?: ReactNode;
  options: readonly Option[];
  /** "column" for options with long descriptions (rubric descriptors). */
  layout?: "row" | "column";
  isRequired?: boolean;
  isDisabled?: boolean;
};

/**
 * One choice out of a few, bound to react-hook-form. react-aria names the group by its label, moves
 * between options with the arrow keys and links the error, like the checkbox group in ui/.
 * An option's description is part of its accessible name's description, so "3, New for the city,
 * known elsewhere" is read together.
 */
export function RadioGroupField<T extends FieldValues>({ control, name, label, description, options, layout = "row", isRequired, isDisabled }: RadioGroupFieldProps<T>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <RadioGroup
      className="field"
      name={field.name}
      value={field.value === "" || field.value == null ? null : String(field.value)}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isInvalid={fieldState.invalid}
      isRequired={isRequired}
      isDisabled={isDisabled}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <div className={layout === "column" ? "choice-list choice-stack" : "choice-list"}>
        {options.map((option, i) => (
          <Radio key={option.value} value={option.value} className={option.description ? "choice choice-described" : "choice"} inputRef={i === 0 ? field.ref : undefined}>
            <span className="choice-box choice-round" aria-hidden="true" />
            <span className="choice-text">
              <span className="choice-label">{option.label}</span>
              {/* the space keeps "3" and its descriptor apart in the accessible name */}
              {option.description && <> <span className="choice-description">{option.description}</span></>}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </RadioGroup>
  );
}
