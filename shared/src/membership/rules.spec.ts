import { idNumberCheckChar } from '../common/id-number';
import {
  ageFromIdNumber,
  employerProblem,
  formatMemberNo,
  idNumberTypingProblem,
  joinFormErrors,
  joinIdNumberProblem,
  jobTypeProblem,
  memberNoPrefix,
  nameProblem,
  phoneProblem,
  TOO_YOUNG_MESSAGE,
} from './rules';

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
const TODAY = '2026-11-22';
/** Born 2010-11-22: sixteen today. */
const SIXTEEN_TODAY = withCheck('33060220101122123');
/** Born 2010-11-23: sixteen tomorrow. */
const SIXTEEN_TOMORROW = withCheck('33060220101123123');
const ADULT = withCheck('33060219900315123');

describe('join: ID number and age', () => {
  it.each([
    [ADULT, null],
    [SIXTEEN_TODAY, null],
    [SIXTEEN_TOMORROW, TOO_YOUNG_MESSAGE],
    ['', '请填写身份证号码'],
    ['33060219900315', '身份证号码应为18位'],
    [ADULT.slice(0, 17) + (ADULT[17] === '0' ? '1' : '0'), '身份证号码校验位不正确，请核对'],
    [withCheck('33060220300101123'), '身份证号码中的出生日期不正确'], // born in the future
  ])('%s → %s', (id, message) => {
    expect(joinIdNumberProblem(id, TODAY)).toBe(message);
  });

  it('computes the age from the birth date in the number', () => {
    expect(ageFromIdNumber(ADULT, TODAY)).toBe(36);
    expect(ageFromIdNumber(SIXTEEN_TODAY, TODAY)).toBe(16);
    expect(ageFromIdNumber(SIXTEEN_TOMORROW, TODAY)).toBe(15);
    expect(ageFromIdNumber('123', TODAY)).toBeNull();
  });

  it('while typing: silent for an unfinished number, at once for an impossible character', () => {
    expect(idNumberTypingProblem('', TODAY)).toBeNull();
    expect(idNumberTypingProblem('330602', TODAY)).toBeNull();
    expect(idNumberTypingProblem('3306a', TODAY)).toBe('身份证号码只能包含数字，最后一位可以是X');
    expect(idNumberTypingProblem('3306X', TODAY)).toBe('身份证号码只能包含数字，最后一位可以是X');
    expect(idNumberTypingProblem(ADULT + '1', TODAY)).toBe('身份证号码应为18位');
    expect(idNumberTypingProblem(ADULT.toLowerCase(), TODAY)).toBeNull();
    expect(idNumberTypingProblem(SIXTEEN_TOMORROW, TODAY)).toBe(TOO_YOUNG_MESSAGE);
  });
});

describe('join: the other fields', () => {
  it.each([
    ['李娜', null],
    ['阿依古丽·买买提', null],
    ['Anna Li', null],
    ['', '请填写姓名'],
    ['   ', '请填写姓名'],
    ['李娜1', '姓名只能包含汉字或字母'],
    ['张'.repeat(51), '姓名不能超过50个字'],
  ])('name %s → %s', (name, message) => {
    expect(nameProblem(name)).toBe(message);
  });

  it.each([
    ['13800000007', null],
    ['', '请填写手机号码'],
    ['1380000000', '手机号码应为11位数字'],
    ['12800000007', '手机号码不正确，请核对'],
  ])('phone %s → %s', (phone, message) => {
    expect(phoneProblem(phone)).toBe(message);
  });

  it('employer and job type', () => {
    expect(employerProblem('美团外卖')).toBeNull();
    expect(employerProblem(' ')).toBe('请填写工作单位（平台或公司名称）');
    expect(employerProblem('x'.repeat(101))).toBe('工作单位不能超过100个字');
    expect(jobTypeProblem('外卖员')).toBeNull();
    expect(jobTypeProblem('网约车司机')).toBeNull();
    expect(jobTypeProblem('')).toBe('请选择职业');
    expect(jobTypeProblem('宇航员')).toBe('请从列表中选择职业');
    expect(jobTypeProblem(5)).toBe('请选择职业');
  });

  it('reports every problem of a form at once', () => {
    expect(joinFormErrors({ name: '', idNumber: '1', phone: '1', employer: '', jobType: '' }, TODAY)).toEqual({
      name: '请填写姓名',
      idNumber: '身份证号码应为18位',
      phone: '手机号码应为11位数字',
      employer: '请填写工作单位（平台或公司名称）',
      jobType: '请选择职业',
    });
    expect(joinFormErrors({ name: '李娜', idNumber: ADULT, phone: '13800000007', employer: '美团', jobType: '外卖员' }, TODAY)).toEqual({});
  });
});

describe('member numbers', () => {
  it.each([
    ['330602', 2, 'M330602000002'],
    ['330602', 1234567, 'M3306021234567'],
    [null, 7, 'M000000000007'],
    ['33', 7, 'M000000000007'],
  ])('%s #%d → %s', (region, seq, no) => {
    expect(formatMemberNo(region, seq)).toBe(no);
  });
  it('has one prefix per region', () => {
    expect(memberNoPrefix('330602')).toBe('M330602');
    expect(memberNoPrefix(undefined)).toBe('M000000');
  });
});
