import { PHONE_PATTERN } from '../auth';
import { ERROR_MESSAGES } from '../common/errors';
import { ID_NUMBER_PROBLEM_MESSAGES, ageOn, checkIdNumber, idNumberBirthDate, normalizeIdNumber } from '../common/id-number';

/**
 * Pure rules of joining a union, used by the join page (inline errors while the worker types)
 * and by the BFF (the same checks, the same words), so the two never disagree.
 */

/** Job types offered on the join form; new forms of employment come first (they are who signs up by QR). */
export const JOB_TYPES = ['外卖员', '快递员', '网约车司机', '货车司机', '家政服务员', '网络主播', '工厂工人', '建筑工人', '商场店员', '其他'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const MIN_JOIN_AGE = 16;
export const TOO_YOUNG_MESSAGE: string = ERROR_MESSAGES.TOO_YOUNG;

export const NAME_MAX_LENGTH = 50;
export const EMPLOYER_MAX_LENGTH = 100;
export const REJECT_REASON_MAX_LENGTH = 200;

/** Han characters (incl. extension A), Latin letters, the middle dot of minority names, spaces. */
const NAME_PATTERN = /^[\u3400-\u9fffA-Za-z·•．. ]+$/;

export function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || !name.trim()) return '请填写姓名';
  if (name.trim().length > NAME_MAX_LENGTH) return `姓名不能超过${NAME_MAX_LENGTH}个字`;
  if (!NAME_PATTERN.test(name.trim())) return '姓名只能包含汉字或字母';
  return null;
}

export function phoneProblem(phone: unknown): string | null {
  if (typeof phone !== 'string' || !phone.trim()) return '请填写手机号码';
  if (!/^\d{11}$/.test(phone.trim())) return '手机号码应为11位数字';
  if (!PHONE_PATTERN.test(phone.trim())) return '手机号码不正确，请核对';
  return null;
}

export function employerProblem(employer: unknown): string | null {
  if (typeof employer !== 'string' || !employer.trim()) return '请填写工作单位（平台或公司名称）';
  if (employer.trim().length > EMPLOYER_MAX_LENGTH) return `工作单位不能超过${EMPLOYER_MAX_LENGTH}个字`;
  return null;
}

export function jobTypeProblem(jobType: unknown): string | null {
  if (typeof jobType !== 'string' || !jobType) return '请选择职业';
  return (JOB_TYPES as readonly string[]).includes(jobType) ? null : '请从列表中选择职业';
}

/** Age in whole years on `today` from a valid ID number's birth date; null if the number is not valid. */
export function ageFromIdNumber(idNumber: string, today: string): number | null {
  if (checkIdNumber(idNumber, today) !== null) return null;
  const birth = idNumberBirthDate(normalizeIdNumber(idNumber));
  return birth ? ageOn(birth, today) : null;
}

/**
 * What is wrong with an ID number for joining, in words: a GB 11643 problem, or too young.
 * null when it will do. `today` is the business date (Asia/Shanghai).
 */
export function joinIdNumberProblem(idNumber: unknown, today: string): string | null {
  const problem = checkIdNumber(typeof idNumber === 'string' ? idNumber : '', today);
  if (problem) return ID_NUMBER_PROBLEM_MESSAGES[problem];
  const age = ageFromIdNumber(idNumber as string, today);
  return age !== null && age < MIN_JOIN_AGE ? TOO_YOUNG_MESSAGE : null;
}

export interface JoinFormValues {
  name: string;
  idNumber: string;
  phone: string;
  employer: string;
  jobType: string;
}

export type JoinFormErrors = Partial<Record<keyof JoinFormValues, string>>;

/** Every field problem of the join form at once (the page shows them inline). */
export function joinFormErrors(form: JoinFormValues, today: string): JoinFormErrors {
  const errors: JoinFormErrors = {};
  const checks: Array<[keyof JoinFormValues, string | null]> = [
    ['name', nameProblem(form.name)],
    ['idNumber', joinIdNumberProblem(form.idNumber, today)],
    ['phone', phoneProblem(form.phone)],
    ['employer', employerProblem(form.employer)],
    ['jobType', jobTypeProblem(form.jobType)],
  ];
  for (const [field, problem] of checks) if (problem) errors[field] = problem;
  return errors;
}

/**
 * What to say about an ID number while it is still being typed: nothing for a number that is
 * merely unfinished, at once for a character that can never be right, everything once all 18
 * characters are there.
 */
export function idNumberTypingProblem(partial: string, today: string): string | null {
  const id = normalizeIdNumber(partial ?? '');
  if (!id) return null;
  if (id.length > 18) return ID_NUMBER_PROBLEM_MESSAGES.length;
  if (!/^\d{0,17}[\dX]?$/.test(id) || (id.length < 18 && id.includes('X'))) return ID_NUMBER_PROBLEM_MESSAGES.format;
  if (id.length < 18) return null;
  return joinIdNumberProblem(id, today);
}

/** Membership numbers: M + the union's 6-digit region code + a sequence of at least 6 digits. */
export function formatMemberNo(regionCode: string | null | undefined, sequence: number): string {
  const region = regionCode && /^\d{6}$/.test(regionCode) ? regionCode : '000000';
  return `M${region}${String(sequence).padStart(6, '0')}`;
}

/** The prefix all member numbers of one region share (the sequence runs per prefix). */
export function memberNoPrefix(regionCode: string | null | undefined): string {
  return formatMemberNo(regionCode, 0).slice(0, 7);
}
