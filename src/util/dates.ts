/** Calendar dates as users write them (YYYY-MM-DD, e.g. a waiver's `expires`). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Why `text` is not a real calendar date in the proleptic Gregorian calendar (month 01-12, day within the month,
 * 29 February only in leap years), or undefined when it is one. `Date.parse` is not used: it accepts 2027-02-30
 * and rolls it over to 2 March.
 */
export function calendarDateProblem(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (m === null) return 'not a date in the form YYYY-MM-DD';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `month ${m[2]} does not exist`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `day ${m[3]} does not exist in ${year}-${m[2]} (${days} days)`;
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
