import { idNumberCheckChar, maskIdNumber } from '@unionhome/shared'
import { checkHousehold, keepsSavedIdNumber, liveIncomeTest, newRow, rowsFromMembers, type MemberRow } from './household-form'

const id = (first17: string) => first17 + idNumberCheckChar(first17)
const row = (over: Partial<MemberRow>): MemberRow => ({ ...newRow('本人'), name: '李娜', idNumber: id('33060219880412002'), income: '1800', ...over })

describe('the household step', () => {
  it('computes the per-capita income live with the shared rule, in fen', () => {
    const rows = [row({}), row({ relation: '配偶', idNumber: id('33060219860101003'), income: '600' }), row({ relation: '子女', idNumber: id('33060220140909004'), income: '0' })]
    expect(liveIncomeTest(rows, '900', 115000)).toMatchObject({ householdSize: 3, householdIncome: 240000, necessaryExpenses: 90000, perCapitaIncome: 50000, belowMinimum: true })
    expect(liveIncomeTest(rows, '', 115000)?.perCapitaIncome).toBe(80000)
  })

  it('shows nothing until every income is an amount and the standard is known', () => {
    expect(liveIncomeTest([row({ income: '' })], '', 115000)).toBeNull()
    expect(liveIncomeTest([row({ income: '一千' })], '', 115000)).toBeNull()
    expect(liveIncomeTest([row({})], 'abc', 115000)).toBeNull()
    expect(liveIncomeTest([row({})], '', null)).toBeNull()
    expect(liveIncomeTest([], '', 115000)).toBeNull()
  })

  it('names every problem with the API field names, in Chinese', () => {
    const check = checkHousehold([row({ income: '' }), row({ relation: '配偶', name: '', idNumber: id('33060219880412002'), income: '1.234' })], '-5', '2026-11-22')
    expect(check.members).toBeNull()
    expect(check.problems).toEqual({
      'household.0.monthlyIncome': '请填写月收入，没有收入请填0',
      'household.1.monthlyIncome': '月收入请填写金额（元），如 1800 或 1800.50',
      'household.1.name': '请填写姓名',
      'household.1.idNumber': '与第1位家庭成员的身份证号码重复',
      monthlyNecessaryExpenses: '请填写金额（元），如 900 或 900.50；没有请留空'
    })
  })

  it('gives the members in fen when all is well, and reads them back as yuan text', () => {
    const check = checkHousehold([row({ income: '1,800.50' })], '', '2026-11-22')
    expect(check.problems).toEqual({})
    expect(check.members).toEqual([{ relation: '本人', name: '李娜', idNumber: id('33060219880412002'), monthlyIncome: 180050 }])
    expect(check.monthlyNecessaryExpenses).toBe(0)
    expect(rowsFromMembers(check.members!)[0]).toMatchObject({ relation: '本人', income: '1800.50' })
  })

  it('a member saved before comes back masked: kept as it is, it passes and is sent masked; retyped, it is checked again', () => {
    const [kept] = rowsFromMembers([{ relation: '本人', name: '李娜', idNumber: maskIdNumber(id('33060219880412002')), monthlyIncome: 180000 }])
    expect(keepsSavedIdNumber(kept)).toBe(true)
    expect(checkHousehold([kept], '', '2026-11-22')).toMatchObject({ problems: {}, members: [{ idNumber: maskIdNumber(id('33060219880412002')) }] })
    const touched = { ...kept, idNumber: kept.idNumber.slice(0, 17) }
    expect(keepsSavedIdNumber(touched)).toBe(false)
    expect(checkHousehold([touched], '', '2026-11-22').problems['household.0.idNumber']).toBe('身份证号码应为18位')
    // A mask typed into a new row is no number either.
    expect(checkHousehold([row({ idNumber: kept.idNumber })], '', '2026-11-22').problems['household.0.idNumber']).toBeDefined()
  })
})
