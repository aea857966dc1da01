/** The pages of the claims subpackage. */
const ROOT = '/packages/claims/pages'

export const CLAIMS_HOME = `${ROOT}/index/index`
export const COVERAGE_PAGE = `${ROOT}/coverage/index`
export const applyUrl = (id?: string, step?: 1 | 2 | 3) => {
  const q = [id ? `id=${id}` : '', step ? `step=${step}` : ''].filter(Boolean).join('&')
  return q ? `${ROOT}/apply/index?${q}` : `${ROOT}/apply/index`
}
export const detailUrl = (id: string) => `${ROOT}/detail/index?id=${id}`
export const REVIEW_QUEUE_PAGE = `${ROOT}/review-queue/index`
export const reviewUrl = (id: string) => `${ROOT}/review/index?id=${id}`
export const ENROL_PAGE = `${ROOT}/enrol/index`
export const PLANS_PAGE = `${ROOT}/plans/index`
export const planEditUrl = (id?: string) => (id ? `${ROOT}/plan-edit/index?id=${id}` : `${ROOT}/plan-edit/index`)
