import { checkIdNumber, ID_NUMBER_PROBLEM_MESSAGES, normalizeIdNumber } from '../common/id-number';
import { HOUSEHOLD_MAX, HOUSEHOLD_MIN, type HardshipHouseholdMember } from './hardship';

/**
 * What is wrong with a household list, as `{ "household.<i>.<field>": "中文说明" }` (the shape of
 * the API's `fields`), or `{}` when it is fine. The same check runs under the form (inline, as the
 * applicant types) and in the BFF (the rule of record): size 1–20, every row with a relation and a
 * name, every ID number valid (`today` bounds the birth date) and no ID number twice, incomes
 * non-negative integers of fen.
 */
export function householdProblems(members: readonly HardshipHouseholdMember[], today?: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (members.length < HOUSEHOLD_MIN) problems.household = '请至少填写一位家庭成员（包括您本人）';
  if (members.length > HOUSEHOLD_MAX) problems.household = `家庭成员最多填写${HOUSEHOLD_MAX}位`;
  const firstSeen = new Map<string, number>();
  members.forEach((m, i) => {
    const at = `household.${i}`;
    if (!m.relation?.trim()) problems[`${at}.relation`] = '请选择与申请人的关系';
    if (!m.name?.trim()) problems[`${at}.name`] = '请填写姓名';
    const idProblem = checkIdNumber(m.idNumber ?? '', today);
    if (idProblem) {
      problems[`${at}.idNumber`] = ID_NUMBER_PROBLEM_MESSAGES[idProblem];
    } else {
      const id = normalizeIdNumber(m.idNumber);
      const earlier = firstSeen.get(id);
      if (earlier !== undefined) problems[`${at}.idNumber`] = `与第${earlier + 1}位家庭成员的身份证号码重复`;
      else firstSeen.set(id, i);
    }
    if (!Number.isSafeInteger(m.monthlyIncome) || m.monthlyIncome < 0) problems[`${at}.monthlyIncome`] = '月收入应为不小于0的金额';
  });
  return problems;
}

/**
 * The re-check date of an approved case: the same calendar day one year after the decision
 * (YYYY-MM-DD, business time); a decision on 29 February is re-checked on 28 February.
 */
export function recheckDueDate(decidedOn: string): string {
  const [y, m, d] = decidedOn.split('-').map(Number);
  const year = y + 1;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
