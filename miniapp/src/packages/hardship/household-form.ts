import {
  HOUSEHOLD_MAX,
  householdProblems,
  incomeTest,
  isMaskedIdNumber,
  yuanToFen,
  fenToYuan,
  type HardshipHouseholdMember,
  type IncomeTestResult
} from '@unionhome/shared'

/**
 * The household step as the applicant types it: amounts are yuan text ("1800", "1,800.50"), turned
 * into fen only through the shared money helpers, and checked with the same household rule as the BFF.
 */
export interface MemberRow {
  /** A stable React key for the row (rows are added and removed). */
  key: string
  relation: string
  name: string
  idNumber: string
  /**
   * The masked number the BFF showed for a saved member ("3306**********1234"), or null. While the
   * row still holds it, it is sent back as it is and the BFF keeps the number it has.
   */
  keptIdNumber: string | null
  /** Monthly income in yuan, as typed. */
  income: string
}

let nextKey = 0
export function newRow(relation = ''): MemberRow {
  nextKey += 1
  return { key: `row-${nextKey}`, relation, name: '', idNumber: '', keptIdNumber: null, income: '' }
}

export function rowsFromMembers(members: readonly HardshipHouseholdMember[]): MemberRow[] {
  return members.map((m) => ({
    ...newRow(m.relation),
    name: m.name,
    idNumber: m.idNumber,
    keptIdNumber: isMaskedIdNumber(m.idNumber) ? m.idNumber : null,
    income: fenToYuan(m.monthlyIncome)
  }))
}

/** True while the row shows the saved member's masked number untouched. */
export function keepsSavedIdNumber(r: MemberRow): boolean {
  return r.keptIdNumber !== null && r.idNumber === r.keptIdNumber
}

export const canAddRow = (rows: readonly MemberRow[]) => rows.length < HOUSEHOLD_MAX

/** Expenses in fen: empty means none; null when the text is not an amount. */
export function expensesFen(text: string): number | null {
  return text.trim() === '' ? 0 : yuanToFen(text)
}

export interface HouseholdCheck {
  /** What the BFF will get, when every row is complete and valid. */
  members: HardshipHouseholdMember[] | null
  monthlyNecessaryExpenses: number | null
  /** `{ "household.1.idNumber": "…", "monthlyNecessaryExpenses": "…" }`, the API's field names. */
  problems: Record<string, string>
}

export function checkHousehold(rows: readonly MemberRow[], expensesText: string, today?: string): HouseholdCheck {
  const problems: Record<string, string> = {}
  const members = rows.map((r, i) => {
    const fen = r.income.trim() === '' ? null : yuanToFen(r.income)
    if (fen === null) problems[`household.${i}.monthlyIncome`] = r.income.trim() === '' ? '请填写月收入，没有收入请填0' : '月收入请填写金额（元），如 1800 或 1800.50'
    return { relation: r.relation, name: r.name, idNumber: r.idNumber, monthlyIncome: fen ?? 0 }
  })
  for (const [k, v] of Object.entries(householdProblems(members, today))) problems[k] ??= v
  // A kept masked number is the BFF's to check (it holds the number; the form only its mask).
  rows.forEach((r, i) => {
    if (keepsSavedIdNumber(r)) delete problems[`household.${i}.idNumber`]
  })
  const expenses = expensesFen(expensesText)
  if (expenses === null) problems.monthlyNecessaryExpenses = '请填写金额（元），如 900 或 900.50；没有请留空'
  const ok = Object.keys(problems).length === 0
  return { members: ok ? members : null, monthlyNecessaryExpenses: expenses, problems }
}

/**
 * The income test while the applicant types (the shared rule, so it is the BFF's answer too).
 * null until every member's income is an amount and the expenses are one (empty counts as 0).
 */
export function liveIncomeTest(rows: readonly MemberRow[], expensesText: string, minimumLiving: number | null): IncomeTestResult | null {
  if (minimumLiving === null || rows.length === 0) return null
  const incomes = rows.map((r) => (r.income.trim() === '' ? null : yuanToFen(r.income)))
  const expenses = expensesFen(expensesText)
  if (expenses === null || incomes.some((v) => v === null)) return null
  return incomeTest({ monthlyIncomes: incomes as number[], monthlyNecessaryExpenses: expenses, minimumLiving })
}
