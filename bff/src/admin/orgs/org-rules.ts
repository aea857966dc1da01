import { CREDIT_CODE_PROBLEM_MESSAGES, checkCreditCode, normalizeCreditCode, OrgType } from '@unionhome/shared';

/**
 * The credit code as stored (normalised; '' and null mean none), or the message for
 * `fields.creditCode`. A grassroots union's code must start with 81 (DESIGN.md "Organisations").
 */
export function creditCodeFor(type: OrgType, raw: string | null | undefined): { value: string | null } | { problem: string } {
  const code = normalizeCreditCode(raw ?? '');
  if (!code) return { value: null };
  const problem = checkCreditCode(code, { grassroots: type === 'grassroots' });
  return problem ? { problem: CREDIT_CODE_PROBLEM_MESSAGES[problem] } : { value: code };
}

/** Depth in the tree from the materialised path: "/a/" is 0, "/a/b/" is 1. */
export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}
