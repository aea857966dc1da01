/** The pages of the hardship subpackage. */
const ROOT = '/packages/hardship/pages'

export const HARDSHIP_HOME = `${ROOT}/index/index`
export const applyUrl = (id?: string) => (id ? `${ROOT}/apply/index?id=${id}` : `${ROOT}/apply/index`)
export const detailUrl = (id: string) => `${ROOT}/detail/index?id=${id}`
export const reviewUrl = (id: string) => `${ROOT}/review/index?id=${id}`
export const queueUrl = (stage: 'check' | 'decide') => `${ROOT}/queue/index?stage=${stage}`
export const ARCHIVE_PAGE = `${ROOT}/archive/index`
export const REGIONS_PAGE = `${ROOT}/regions/index`
