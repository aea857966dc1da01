/** The union tree pages of the admin subpackage. */
const ROOT = '/packages/admin/pages'

export const ORGS_PAGE = `${ROOT}/orgs/index`
export const ORG_IMPORT_PAGE = `${ROOT}/org-import/index`
export const orgEditUrl = (id?: string) => (id ? `${ROOT}/org-edit/index?id=${id}` : `${ROOT}/org-edit/index`)
