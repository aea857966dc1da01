import { incomeTest, normalizeIdNumber, type HardshipHouseholdMember, type IncomeTestResult } from '@unionhome/shared';
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

/** The shared income rule over a case's data; null while no household has been entered. */
export function incomeTestOf(data: HardshipData, minimumLiving: number): IncomeTestResult | null {
  if (data.household.length === 0) return null;
  return incomeTest({ monthlyIncomes: data.household.map((m) => m.monthlyIncome), monthlyNecessaryExpenses: data.monthlyNecessaryExpenses, minimumLiving });
}
