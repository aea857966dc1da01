/**
 * The income test of DESIGN.md §5:
 *
 *   per-capita monthly income = (Σ household monthly income − monthly necessary expenses) ÷ household size,
 *
 * never below 0, in integer fen, compared with the region's minimum living standard (低保标准).
 * Rounding: the division is rounded DOWN to the whole fen. A fraction of a fen is never enough to
 * lift a family over the line, and the same integer arithmetic gives the same answer on the
 * phone (shown live while the applicant types) and in the BFF (stored with the case).
 * "Below" is strict: a per-capita income equal to the standard does not meet the test.
 */

export interface IncomeTestInput {
  /** Each household member's monthly income, fen (one entry per member, so its length is the household size). */
  monthlyIncomes: readonly number[];
  /** Monthly necessary expenses caused by the hardship (medical costs, school fees …), fen. */
  monthlyNecessaryExpenses: number;
  /** The region's monthly minimum living standard, fen. */
  minimumLiving: number;
}

export interface IncomeTestResult {
  householdSize: number;
  householdIncome: number;
  necessaryExpenses: number;
  perCapitaIncome: number;
  minimumLiving: number;
  belowMinimum: boolean;
}

function assertFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer of fen, got ${value}`);
}

/** Per-capita monthly income in fen: floor(max(0, Σ income − expenses) ÷ size). */
export function perCapitaIncome(monthlyIncomes: readonly number[], monthlyNecessaryExpenses: number): number {
  if (monthlyIncomes.length < 1) throw new RangeError('a household has at least one member');
  monthlyIncomes.forEach((v, i) => assertFen(v, `monthlyIncomes[${i}]`));
  assertFen(monthlyNecessaryExpenses, 'monthlyNecessaryExpenses');
  const total = monthlyIncomes.reduce((a, b) => a + b, 0);
  const disposable = Math.max(0, total - monthlyNecessaryExpenses);
  return Math.floor(disposable / monthlyIncomes.length);
}

export function incomeTest(input: IncomeTestInput): IncomeTestResult {
  assertFen(input.minimumLiving, 'minimumLiving');
  const perCapita = perCapitaIncome(input.monthlyIncomes, input.monthlyNecessaryExpenses);
  return {
    householdSize: input.monthlyIncomes.length,
    householdIncome: input.monthlyIncomes.reduce((a, b) => a + b, 0),
    necessaryExpenses: input.monthlyNecessaryExpenses,
    perCapitaIncome: perCapita,
    minimumLiving: input.minimumLiving,
    belowMinimum: perCapita < input.minimumLiving,
  };
}
