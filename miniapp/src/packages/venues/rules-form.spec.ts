import { DEFAULT_VENUE_RULES } from '@unionhome/shared'
import { extractCardToken } from '@/utils/card-token'
import { formToRules, rulesToForm } from './rules-form'

describe('the rules form', () => {
  it('round-trips the rules, blank limits meaning no limit', () => {
    const form = rulesToForm({ ...DEFAULT_VENUE_RULES, maxPerDay: null })
    expect(form.maxPerDay).toBe('')
    expect(formToRules(form)).toEqual({ rules: { ...DEFAULT_VENUE_RULES, maxPerDay: null } })
  })

  it('names every field that is out of range', () => {
    const form = { ...rulesToForm(), capacity: '0', opensAtHour: '24', maxPerWeek: 'x', cancelCutoffHours: '' }
    expect(formToRules(form)).toEqual({
      problems: {
        capacity: '应为1到500人的整数',
        opensAtHour: '应为0到23点的整数',
        maxPerWeek: '应为1到50次的整数，不限请留空',
        cancelCutoffHours: '请填写'
      }
    })
  })
})

describe('extractCardToken', () => {
  it.each([
    ['  abc.def.ghi.jkl \n', 'abc.def.ghi.jkl'],
    ['https://uh.example.cn/#/card?token=abc.d%2Fe.f.g', 'abc.d/e.f.g'],
    ['pages/card/index?cardToken=xyz', 'xyz'],
    ['', '']
  ])('%j → %j', (input, expected) => expect(extractCardToken(input)).toBe(expected))
})
