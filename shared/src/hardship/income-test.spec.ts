import { incomeTest, perCapitaIncome } from './income-test';

const LIVING = 115000; // 越城区: ¥1,150.00 a month

describe('per-capita monthly income (fen)', () => {
  it.each`
    case                                         | incomes                     | expenses  | expected
    ${'one-person household'}                    | ${[200000]}                 | ${0}      | ${200000}
    ${'one person, expenses taken off'}          | ${[200000]}                 | ${50000}  | ${150000}
    ${'one person, no income at all'}            | ${[0]}                      | ${0}      | ${0}
    ${'three people, divides evenly'}            | ${[300000, 150000, 0]}      | ${90000}  | ${120000}
    ${'expenses above income: floored at 0'}     | ${[100000, 50000]}          | ${400000} | ${0}
    ${'expenses exactly equal to income'}        | ${[100000, 50000]}          | ${150000} | ${0}
    ${'rounding: 100 fen ÷ 3 → 33, not 33.33'}   | ${[100, 0, 0]}              | ${0}      | ${33}
    ${'rounding: 200 fen ÷ 3 → 66, not 67'}      | ${[200, 0, 0]}              | ${0}      | ${66}
    ${'rounding: 1 fen ÷ 2 → 0'}                 | ${[1, 0]}                   | ${0}      | ${0}
    ${'rounding after expenses: 3449999 ÷ 2'}    | ${[3000000, 500000]}        | ${50001}  | ${1724999}
    ${'twenty people'}                           | ${Array(20).fill(23000)}    | ${60000}  | ${20000}
  `('$case', ({ incomes, expenses, expected }) => {
    expect(perCapitaIncome(incomes, expenses)).toBe(expected);
  });

  it.each`
    case                          | incomes         | expenses
    ${'an empty household'}       | ${[]}           | ${0}
    ${'a negative income'}        | ${[-1]}         | ${0}
    ${'a fractional income'}      | ${[100.5]}      | ${0}
    ${'negative expenses'}        | ${[100]}        | ${-5}
    ${'fractional expenses'}      | ${[100]}        | ${0.1}
    ${'an unsafe integer'}        | ${[2 ** 53]}    | ${0}
  `('refuses $case', ({ incomes, expenses }) => {
    expect(() => perCapitaIncome(incomes, expenses)).toThrow(RangeError);
  });
});

describe('income test against the minimum living standard', () => {
  it.each`
    case                                    | incomes                  | expenses  | perCapita | below
    ${'well below'}                         | ${[180000, 60000, 0]}    | ${30000}  | ${70000}  | ${true}
    ${'one fen below'}                      | ${[114999]}              | ${0}      | ${114999} | ${true}
    ${'exactly the standard is not below'}  | ${[115000]}              | ${0}      | ${115000} | ${false}
    ${'above'}                              | ${[400000, 100000]}      | ${0}      | ${250000} | ${false}
    ${'rounding keeps 1150.00⅓ at 115000'}  | ${[345001, 0, 0]}        | ${0}      | ${115000} | ${false}
    ${'rounding down lands 1 fen below'}    | ${[345002, 0, 0]}        | ${3}      | ${114999} | ${true}
    ${'expenses above income → 0, below'}   | ${[500000]}              | ${900000} | ${0}      | ${true}
  `('$case', ({ incomes, expenses, perCapita, below }) => {
    const r = incomeTest({ monthlyIncomes: incomes, monthlyNecessaryExpenses: expenses, minimumLiving: LIVING });
    expect(r.perCapitaIncome).toBe(perCapita);
    expect(r.belowMinimum).toBe(below);
    expect(r.minimumLiving).toBe(LIVING);
    expect(r.householdSize).toBe(incomes.length);
    expect(r.householdIncome).toBe(incomes.reduce((a: number, b: number) => a + b, 0));
    expect(r.necessaryExpenses).toBe(expenses);
  });

  it('refuses a standard that is not fen', () => {
    expect(() => incomeTest({ monthlyIncomes: [1], monthlyNecessaryExpenses: 0, minimumLiving: 1150.5 })).toThrow(RangeError);
  });
});
