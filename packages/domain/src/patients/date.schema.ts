import { z } from 'zod';

/**
 * The one date and timestamp schemas of the API. ISO 8601's year 0000 matches the pattern but
 * exists neither in the Gregorian calendar a clinic writes in nor in PostgreSQL, which refuses it:
 * so it is refused here, with the field named, before it can reach the database.
 */
const hasYear = (value: string) => !value.startsWith('0000');
const NO_YEAR_ZERO = 'There is no year 0000; check the year.';

export const isoDateSchema = z.iso
  .date({ message: 'Enter a calendar date (YYYY-MM-DD).' })
  .refine(hasYear, NO_YEAR_ZERO);

export const isoDateTimeSchema = z.iso
  .datetime({ offset: true, message: 'Enter a date and time (ISO 8601 with an offset).' })
  .refine(hasYear, NO_YEAR_ZERO);
