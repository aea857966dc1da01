import Taro from '@tarojs/taro'
import {
  JOIN_PAGE,
  employerProblem,
  idNumberTypingProblem,
  joinIdNumberProblem,
  jobTypeProblem,
  nameProblem,
  normalizeInviteCode,
  phoneProblem,
  type JoinFormErrors,
  type JoinFormValues
} from '@unionhome/shared'

export type JoinField = keyof JoinFormValues

/**
 * The inline message for one field: while the worker types (`typing`), an unfinished ID number
 * says nothing yet and a wrong character says so at once; on leaving the field or submitting,
 * every problem shows. The words are shared/'s, the same the BFF answers with.
 */
export function fieldProblem(field: JoinField, value: string, today: string, typing: boolean): string | null {
  switch (field) {
    case 'name':
      return nameProblem(value)
    case 'idNumber':
      return typing ? idNumberTypingProblem(value, today) : joinIdNumberProblem(value, today)
    case 'phone':
      return typing && value.length < 11 && /^\d*$/.test(value) ? null : phoneProblem(value)
    case 'employer':
      return employerProblem(value)
    case 'jobType':
      return jobTypeProblem(value)
  }
}

export function allProblems(form: JoinFormValues, today: string): JoinFormErrors {
  const errors: JoinFormErrors = {}
  for (const field of Object.keys(form) as JoinField[]) {
    const problem = fieldProblem(field, form[field], today, false)
    if (problem) errors[field] = problem
  }
  return errors
}

export type ScanOutcome = { token: string } | { path: string } | { problem: string } | null

/**
 * WeChat's scanner: a mini-program code gives the page `path` it opens, a plain QR code (the H5
 * link, or a printed code) gives `result`. Outside WeChat, Taro.scanCode "succeeds" with an errMsg
 * saying it cannot scan, so anything but `scanCode:ok` counts as no scan. null = cancelled.
 */
export async function scanInvite(): Promise<ScanOutcome> {
  let res: Taro.scanCode.SuccessCallbackResult
  try {
    res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
  } catch {
    return null
  }
  if (!res || !/:ok$/.test(res.errMsg ?? '')) return { problem: '当前环境无法扫码，请输入入会码' }
  if (res.path && !res.path.replace(/^\//, '').startsWith(JOIN_PAGE)) return { path: `/${res.path.replace(/^\//, '')}` }
  const token = normalizeInviteCode(res.path || res.result)
  return token ? { token } : { problem: '这不是工会的入会二维码' }
}
