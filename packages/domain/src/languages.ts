import { z } from "zod";

/**
 * A BCP 47 language tag, as the model stores languages ("pl", "pt-BR", "sr-Latn"), language subtag
 * lower-cased. One rule for every place that records a language: the language a city wrote its pilot
 * or its benchmark evidence in (the text itself is never machine-altered; readers, screen readers and
 * browsers use the tag), and the working languages of an applicant.
 */
export const languageTagSchema = z
  .string()
  .trim()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A language code such as en or pt-BR")
  .transform((code) => {
    const [lang, ...rest] = code.split("-");
    return [lang!.toLowerCase(), ...rest].join("-");
  });
