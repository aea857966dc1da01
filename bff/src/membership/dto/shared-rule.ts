import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/**
 * A field checked by one of shared/'s pure rules (`(value) => message | null`), so the BFF refuses
 * with exactly the words the join page already showed inline.
 */
export function SharedRule(name: string, problem: (value: unknown) => string | null) {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => problem(value) === null,
      defaultMessage: (args) => problem(args?.value) ?? '填写不正确',
    },
  });
}

/** Surrounding spaces are never meant: trim text fields before they are checked and stored. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
