/** Audit log viewer (admin): `GET /admin/audit` and `GET /admin/audit/verify`. */

/** `GET /admin/audit?actorId=&actorPhone=&subjectType=&subjectId=&from=&to=&page=&limit=`, newest first. */
export interface AuditQuery {
  actorId?: string;
  /** The person by phone (the page knows phones, not ids); resolved to actorId by the BFF. */
  actorPhone?: string;
  subjectType?: string;
  subjectId?: string;
  /** YYYY-MM-DD, Asia/Shanghai, both days included. */
  from?: string;
  to?: string;
  page?: number;
  limit?: number;
}

export interface AuditEntry {
  id: string;
  /** ISO 8601 with +08:00. */
  at: string;
  actorId: string;
  /** '' when the person never gave a name. */
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  /** A short note some actions carry (how many rows an export had); never personal data. */
  detail: string | null;
  /** Position in the hash chain, 1, 2, 3, … without gaps. */
  seq: number;
}

/** Why the chain does not check out at `firstBrokenSeq`. */
export type AuditChainProblem = 'ROW_CHANGED' | 'ROW_MISSING' | 'HEAD_MISMATCH';

/** `GET /admin/audit/verify`: the whole chain recomputed from the first row. */
export interface AuditVerifyResponse {
  ok: boolean;
  /** Rows walked. */
  checked: number;
  /** The chain head when the check started: note it down, and a later rewrite of the log shows as a different hash for the same seq. */
  headSeq: number;
  headHash: string;
  /** The first row that does not check out (absent when rows at the end are missing). */
  firstBrokenId?: string;
  firstBrokenAt?: string;
  firstBrokenSeq?: number;
  problem?: AuditChainProblem;
}

export const AUDIT_CHAIN_PROBLEM_LABELS: Record<AuditChainProblem, string> = {
  ROW_CHANGED: '这条记录在写入后被改动过（内容或顺序与校验值不符）',
  ROW_MISSING: '这条记录之前的记录被删除了（编号不连续）',
  HEAD_MISMATCH: '最后几条记录被删除，或有记录绕过系统写入（与链头不符）',
};

/** What each action code written by the BFF means, for the log page. Unknown codes are shown as they are. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'application.read': '查看入会申请',
  'application.approve': '批准入会申请',
  'application.reject': '驳回入会申请',
  'member.read': '查看会员详情',
  'member.export': '导出会员名册',
  'org.auto_approve': '设置入会自动审批',
  'org.create': '新建工会组织',
  'org.update': '修改工会组织',
  'org.import': '导入工会组织',
  'staff.grant': '授予工作人员权限',
  'staff.revoke': '收回工作人员权限',
  'card.verify': '核验会员卡',
  'file.view': '查看证明材料原图',
  'plan.create': '新建保障计划',
  'plan.update': '修改保障计划',
  'plan.enrol': '批量参加医疗互助',
  'plan.enrol.backdated': '补登医疗互助保障开始日期',
  'plan.enrol.waived': '参加医疗互助并免除等待期',
  'claim.view': '查看理赔申请',
  'hardship.read': '查看困难帮扶申请',
  'hardship.review.pass': '帮扶初审通过',
  'hardship.review.return': '帮扶初审退回',
  'hardship.decision.approve': '批准困难帮扶',
  'hardship.decision.reject': '不批准困难帮扶',
};

/** What kind of record an entry is about (`subjectType`), in words. */
export const AUDIT_SUBJECT_TYPE_LABELS: Record<string, string> = {
  membership_application: '入会申请',
  membership: '会员',
  org: '工会组织',
  plan: '保障计划',
  enrolment: '医疗互助参保记录',
  claim: '理赔申请',
  hardship_application: '困难帮扶申请',
  hardship: '困难帮扶申请的材料',
  user: '人员',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export function auditSubjectTypeLabel(subjectType: string): string {
  return AUDIT_SUBJECT_TYPE_LABELS[subjectType] ?? subjectType;
}
