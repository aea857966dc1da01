import { incomeTest, isMaskedIdNumber, maskIdNumber, normalizeIdNumber, type HardshipHouseholdMember, type IncomeTestResult } from '@unionhome/shared';
import { PiiCipher } from '../common/pii-cipher';

/**
 * The sensitive part of a case, stored only as one AES-256-GCM ciphertext (PiiCipher.encryptJson):
 * the household (names, ID numbers, incomes), the necessary expenses and the applicant's own
 * account of the hardship (which often names an illness).
 */
export interface HardshipData {
  description: string;
  household: HardshipHouseholdMember[];
  monthlyNecessaryExpenses: number;
}

export const EMPTY_HARDSHIP_DATA: HardshipData = { description: '', household: [], monthlyNecessaryExpenses: 0 };

export function sealHardshipData(cipher: PiiCipher, data: HardshipData): string {
  return cipher.encryptJson(data);
}

export function openHardshipData(cipher: PiiCipher, stored: string): HardshipData {
  return { ...EMPTY_HARDSHIP_DATA, ...cipher.decryptJson<HardshipData>(stored) };
}

/** Trimmed text, upper-case X in ID numbers: what is stored is what is compared. */
export function normalizeHousehold(members: readonly HardshipHouseholdMember[]): HardshipHouseholdMember[] {
  return members.map((m) => ({ relation: m.relation.trim(), name: m.name.trim(), idNumber: normalizeIdNumber(m.idNumber), monthlyIncome: m.monthlyIncome }));
}

/**
 * The applicant reads their household with the ID numbers masked, and the edit form is prefilled
 * from that: a masked number sent back means "keep the one you hold for this member". It resolves
 * to the stored number with that mask, the one in the same row first (rows can be reordered or
 * removed); a mask that matches none (a new row, or a number never entered) is a 400 on that row.
 */
export function unmaskHousehold(
  members: readonly HardshipHouseholdMember[],
  stored: readonly HardshipHouseholdMember[],
): { household: HardshipHouseholdMember[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const used = new Set<number>();
  const household = members.map((m, i) => {
    if (!isMaskedIdNumber(m.idNumber)) return m;
    const masked = m.idNumber.toUpperCase();
    const fits = (j: number) => !used.has(j) && maskIdNumber(normalizeIdNumber(stored[j].idNumber)) === masked;
    const at = i < stored.length && fits(i) ? i : stored.findIndex((_s, j) => fits(j));
    if (at < 0) {
      problems[`household.${i}.idNumber`] = '请填写完整的身份证号码';
      return m;
    }
    used.add(at);
    return { ...m, idNumber: stored[at].idNumber };
  });
  return { household, problems };
}

/** The shared income rule over a case's data; null while no household has been entered. */
export function incomeTestOf(data: HardshipData, minimumLiving: number): IncomeTestResult | null {
  if (data.household.length === 0) return null;
  return incomeTest({ monthlyIncomes: data.household.map((m) => m.monthlyIncome), monthlyNecessaryExpenses: data.monthlyNecessaryExpenses, minimumLiving });
}
