/** Money is integer cents end to end; it becomes text only at the edge, through `formatCents`. */
export type Cents = number;

/** The largest amount the coach accepts: $10 million. Bills above that are not what it is built for. */
export const MAX_CENTS: Cents = 1_000_000_000;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_CENTS;
}

export type DollarsProblem = 'not_a_number' | 'negative' | 'too_large';

/**
 * Converts a recognized dollar amount (e.g. 1250.5 from "$1,250.50") to cents, rounding half away
 * from zero at the third decimal. Returns a problem instead of a number when the amount cannot be a bill.
 */
export function dollarsToCents(dollars: number): { cents: Cents } | { problem: DollarsProblem } {
  if (!Number.isFinite(dollars)) return { problem: 'not_a_number' };
  if (dollars < 0) return { problem: 'negative' };
  const cents = Math.round(Number((dollars * 100).toFixed(4)));
  if (cents > MAX_CENTS) return { problem: 'too_large' };
  return { cents };
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, wholeDollars: boolean): Intl.NumberFormat {
  const id = `${locale}|${wholeDollars}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: wholeDollars ? 0 : 2,
      maximumFractionDigits: wholeDollars ? 0 : 2,
    });
    formatters.set(id, f);
  }
  return f;
}

/** "$1,250.50"; whole amounts read as "$1,250" so scripts sound like speech. */
export function formatCents(cents: Cents, locale = 'en-US'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('formatCents expects integer cents');
  const whole = cents % 100 === 0;
  return formatter(locale, whole).format(cents / 100);
}

/** A number a prompt recognized, as cents; undefined when it is not a usable amount. */
export function centsFromRecognized(value: unknown): Cents | undefined {
  if (typeof value !== 'number') return undefined;
  const result = dollarsToCents(value);
  return 'cents' in result ? result.cents : undefined;
}
