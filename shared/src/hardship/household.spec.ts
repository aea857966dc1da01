import { idNumberCheckChar } from '../common/id-number';
import { HardshipHouseholdMember } from './hardship';
import { householdProblems, recheckDueDate } from './household';

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const ME = id('33060219850101001');
const SPOUSE = id('33060219860202002');
const CHILD = id('33060220150303003');
const row = (over: Partial<HardshipHouseholdMember> = {}): HardshipHouseholdMember => ({ relation: '本人', name: '李娜', idNumber: ME, monthlyIncome: 180000, ...over });

describe('household problems', () => {
  it('accepts a valid three-person household', () => {
    const members = [row(), row({ relation: '配偶', name: '王强', idNumber: SPOUSE, monthlyIncome: 0 }), row({ relation: '子女', name: '王小明', idNumber: CHILD, monthlyIncome: 0 })];
    expect(householdProblems(members, '2026-11-22')).toEqual({});
  });

  it.each`
    case                              | members                                                                         | key                           | text
    ${'no one'}                       | ${[]}                                                                           | ${'household'}                | ${'请至少填写一位家庭成员（包括您本人）'}
    ${'21 people'}                    | ${Array.from({ length: 21 }, (_, i) => row({ idNumber: id(`330602199001${String(i + 10).padStart(2, '0')}001`) }))} | ${'household'} | ${'家庭成员最多填写20位'}
    ${'a missing relation'}           | ${[row({ relation: ' ' })]}                                                     | ${'household.0.relation'}     | ${'请选择与申请人的关系'}
    ${'a missing name'}               | ${[row({ name: '' })]}                                                          | ${'household.0.name'}         | ${'请填写姓名'}
    ${'a wrong check digit'}          | ${[row({ idNumber: ME.slice(0, 17) + (ME[17] === '0' ? '1' : '0') })]}          | ${'household.0.idNumber'}     | ${'身份证号码校验位不正确，请核对'}
    ${'a short ID number'}            | ${[row({ idNumber: '3306021985' })]}                                            | ${'household.0.idNumber'}     | ${'身份证号码应为18位'}
    ${'a birth date in the future'}   | ${[row({ idNumber: id('33060220301212001') })]}                                 | ${'household.0.idNumber'}     | ${'身份证号码中的出生日期不正确'}
    ${'the same ID number twice'}     | ${[row(), row({ relation: '配偶', name: '王强', idNumber: ME.toLowerCase() })]} | ${'household.1.idNumber'}     | ${'与第1位家庭成员的身份证号码重复'}
    ${'a negative income'}            | ${[row({ monthlyIncome: -1 })]}                                                 | ${'household.0.monthlyIncome'}| ${'月收入应为不小于0的金额'}
    ${'a fractional income'}          | ${[row({ monthlyIncome: 10.5 })]}                                               | ${'household.0.monthlyIncome'}| ${'月收入应为不小于0的金额'}
  `('names $case', ({ members, key, text }) => {
    expect(householdProblems(members, '2026-11-22')[key]).toBe(text);
  });
});

describe('re-check date one year on', () => {
  it.each`
    decided         | due
    ${'2026-11-22'} | ${'2027-11-22'}
    ${'2026-12-31'} | ${'2027-12-31'}
    ${'2026-01-01'} | ${'2027-01-01'}
    ${'2028-02-29'} | ${'2029-02-28'}
    ${'2027-02-28'} | ${'2028-02-28'}
  `('$decided → $due', ({ decided, due }) => {
    expect(recheckDueDate(decided)).toBe(due);
  });
});
