/** The escape character of `likeContains` patterns: write `LIKE :p ESCAPE '!'`. */
export const LIKE_ESCAPE = "ESCAPE '!'";

/** A LIKE pattern matching the user's text anywhere, taken literally ("%" and "_" are not wildcards), on both databases. */
export function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
