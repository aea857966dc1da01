import {
  canPlaceOrg,
  checkCreditCode,
  CREDIT_CODE_LENGTH,
  CREDIT_CODE_PROBLEM_MESSAGES,
  normalizeCreditCode,
  ORG_CODE_HINT,
  ORG_CODE_PATTERN,
  ORG_NAME_MAX,
  ORG_REGION_CODE_HINT,
  ORG_REGION_CODE_PATTERN,
  type AdminOrgResponse,
  type CreateOrgRequest,
  type OrgType,
  type UpdateOrgRequest
} from '@unionhome/shared'

/** The org form as typed (strings; '' for none). */
export interface OrgFormState {
  code: string
  name: string
  type: OrgType | ''
  parentId: string | null
  regionCode: string
  creditCode: string
}

export const emptyOrgForm = (): OrgFormState => ({ code: '', name: '', type: '', parentId: null, regionCode: '', creditCode: '' })

export function orgFormFrom(o: AdminOrgResponse): OrgFormState {
  return { code: o.code, name: o.name, type: o.type, parentId: o.parentId, regionCode: o.regionCode ?? '', creditCode: o.creditCode ?? '' }
}

/**
 * The credit code's problem while it is typed: nothing until all 18 characters are there (no red
 * text after the first keystroke), then the same check the BFF makes.
 */
export function creditCodeHint(type: OrgType | '', raw: string, submitting = false): string | null {
  const code = normalizeCreditCode(raw)
  if (!code || (!submitting && code.length < CREDIT_CODE_LENGTH)) return null
  const problem = checkCreditCode(code, { grassroots: type === 'grassroots' })
  return problem ? CREDIT_CODE_PROBLEM_MESSAGES[problem] : null
}

/** Problems by field (the names of the API's `fields`); empty when the form can be sent. */
export function orgFormProblems(f: OrgFormState, parents: readonly AdminOrgResponse[]): Record<string, string> {
  const problems: Record<string, string> = {}
  if (!ORG_CODE_PATTERN.test(f.code.trim())) problems.code = f.code.trim() ? ORG_CODE_HINT : '请填写组织编号'
  if (!f.name.trim()) problems.name = '请填写组织名称'
  else if (f.name.trim().length > ORG_NAME_MAX) problems.name = `不能超过${ORG_NAME_MAX}个字`
  if (!f.type) problems.type = '请选择组织类型'
  else {
    const parent = f.parentId ? parents.find((p) => p.id === f.parentId) : null
    if (!canPlaceOrg(f.type, parent?.type ?? null)) problems.parentId = parent ? '该类型的组织不能放在所选的上级组织之下' : '请选择上级组织'
  }
  if (f.regionCode.trim() && !ORG_REGION_CODE_PATTERN.test(f.regionCode.trim())) problems.regionCode = ORG_REGION_CODE_HINT
  const credit = creditCodeHint(f.type, f.creditCode, true)
  if (credit) problems.creditCode = credit
  return problems
}

export function toCreateOrgRequest(f: OrgFormState): CreateOrgRequest {
  return {
    code: f.code.trim(),
    name: f.name.trim(),
    type: f.type as OrgType,
    parentId: f.parentId,
    regionCode: f.regionCode.trim() || null,
    creditCode: normalizeCreditCode(f.creditCode) || null
  }
}

/** Only what changed, so a rename does not also re-send (and re-check) untouched codes. */
export function toUpdateOrgRequest(f: OrgFormState, saved: AdminOrgResponse): UpdateOrgRequest {
  const next = toCreateOrgRequest(f)
  const patch: UpdateOrgRequest = {}
  if (next.name !== saved.name) patch.name = next.name
  if (next.parentId !== saved.parentId) patch.parentId = next.parentId
  if (next.regionCode !== saved.regionCode) patch.regionCode = next.regionCode
  if (next.creditCode !== saved.creditCode) patch.creditCode = next.creditCode
  return patch
}

/**
 * The orgs that `type` may stand under, for the parent picker: active ones of an allowed type,
 * never the org itself or one of its own descendants (`self`, when editing).
 */
export function parentChoices(all: readonly AdminOrgResponse[], type: OrgType | '', self?: string): AdminOrgResponse[] {
  if (!type) return []
  const below = new Set<string>(self ? [self] : [])
  // `all` is in tree order: a descendant always comes after its parent.
  for (const o of all) if (o.parentId && below.has(o.parentId)) below.add(o.id)
  return all.filter((o) => o.active && !below.has(o.id) && canPlaceOrg(type, o.type))
}
