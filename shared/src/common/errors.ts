/**
 * Machine-readable error codes of the HTTP contract (API.md) and the Chinese text a user reads.
 * The BFF puts `code` + `message` in every error body; the mini-app maps the code back to the
 * same text, so a message never depends on which side produced it.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '填写的内容有误，请检查后再提交',
  MALFORMED_REQUEST: '请求格式不正确',
  UNAUTHENTICATED: '请先登录',
  TOKEN_INVALID: '登录已失效，请重新登录',
  REFRESH_TOKEN_INVALID: '登录已过期，请重新登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  USER_NOT_FOUND: '该手机号尚未注册',
  DEV_LOGIN_DISABLED: '演示登录已关闭',
  WECHAT_LOGIN_FAILED: '微信登录失败，请稍后重试',
  WECHAT_CODE_INVALID: '微信登录凭证无效，请重新进入小程序',
  WECHAT_BUSY: '微信服务繁忙，请稍后重试',
  TOO_MANY_REQUESTS: '操作太频繁，请稍后再试',
  // SMS login
  SMS_CODE_INVALID: '验证码不正确，请核对后重新输入',
  SMS_CODE_EXPIRED: '验证码已失效，请重新获取',
  SMS_NOT_CONFIGURED: '短信登录暂未开通，请使用其他方式登录或联系工会',
  SMS_SEND_FAILED: '短信发送失败，请稍后重试',
  SMS_BUSY: '短信服务繁忙，请稍后重试',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容与第一次不一致',
  IDEMPOTENCY_IN_PROGRESS: '上一次提交还在处理中，请稍候',
  CONFLICT: '当前状态不允许此操作',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  INTERNAL_ERROR: '系统开小差了，请稍后再试',
  // organisations, join by QR, card
  ORG_NOT_FOUND: '没有找到该工会组织',
  INVITE_NOT_FOUND: '入会二维码无效，请向工会干部确认',
  INVITE_EXPIRED: '入会二维码已过期，请向工会干部索取新的二维码',
  INVITE_REVOKED: '入会二维码已作废，请向工会干部索取新的二维码',
  INVITE_USED_UP: '入会二维码的使用次数已满，请向工会干部索取新的二维码',
  ID_NUMBER_INVALID: '身份证号码不正确，请核对',
  TOO_YOUNG: '年满16周岁才能加入工会',
  NOTICE_OUTDATED: '会员权利义务告知已更新，请重新阅读后确认',
  CONSENT_REQUIRED: '请先同意处理您的身份证号码',
  ALREADY_MEMBER: '您已经是本工会会员',
  APPLICATION_PENDING: '您已提交过入会申请，正在审核中',
  APPLICATION_NOT_PENDING: '该申请已处理',
  NOT_A_MEMBER: '您还不是工会会员',
  ID_NUMBER_MISMATCH: '您的账号已登记了另一个身份证号码，请核对后重新填写',
  ID_NUMBER_IN_USE: '该身份证号码已绑定其他账号，如有疑问请联系工会',
  OWN_APPLICATION: '不能审批自己的入会申请，请由本工会的其他干部审批',
  APPLICATIONS_TOO_MANY: '这个入会二维码刚刚收到了太多申请，请稍后再试，或向工会干部索取新的二维码',
  ORG_NOT_GRASSROOTS: '只有基层工会可以发展会员',
  ORG_INACTIVE: '该工会组织已停用，暂不接受入会申请',
  ORG_CODE_TAKEN: '该组织编号已被使用',
  ORG_PLACEMENT_NOT_ALLOWED: '该类型的组织不能放在所选的上级组织之下',
  ORG_MOVE_INTO_SUBTREE: '不能把组织移到它自己或它的下级组织之下',
  ORG_HAS_ACTIVE_CHILDREN: '该组织还有在用的下级组织，请先停用或移走下级组织',
  ORG_PARENT_INACTIVE: '上级组织已停用',
  ORG_IMPORT_FAILED: '导入文件中有错误，没有导入任何组织，请按行号修改后重新导入',
  // claims and files
  PLAN_NOT_FOUND: '没有找到该保障计划',
  NOT_ENROLLED: '您未参加该保障计划',
  COVERAGE_BACKDATED: '保障开始日期不能早于今天；补登以前的日期请联系管理员办理',
  OWN_ENROLMENT: '不能为自己补登保障开始日期或免除等待期，请由其他干部办理',
  CLAIM_NOT_EDITABLE: '该申请当前不能修改',
  DOCUMENTS_MISSING: '还缺少必需的材料',
  DUPLICATE_INVOICE: '该发票已用于其他理赔申请',
  OUTSIDE_COVERAGE: '就诊日期不在保障期内',
  IN_WAITING_PERIOD: '就诊日期还在等待期内',
  CLAIM_DEADLINE_PASSED: '已超过理赔申请期限',
  DECLARATION_REQUIRED: '请先确认材料真实有效',
  AMOUNT_EXCEEDS_RULE: '核定金额超过了按规则计算的金额',
  FILE_TOO_LARGE: '照片太大了（不能超过10MB）',
  UNSUPPORTED_FILE_TYPE: '只支持JPG、PNG、WebP或HEIC格式的照片',
  IMAGE_UNREADABLE: '照片无法识别，请重新拍摄',
  IMAGE_TOO_MANY_PIXELS: '照片像素太高，请压缩后再上传',
  CLAIM_NOT_FOUND: '没有找到该理赔申请',
  CLAIM_STATUS_CONFLICT: '该申请当前的状态不能进行此操作',
  REASON_REQUIRED: '请选择原因',
  PLAN_CODE_TAKEN: '该计划编号已被使用',
  INVOICE_REQUIRED: '请至少添加一张发票',
  INVOICE_TOTAL_MISMATCH: '发票金额合计与医疗总费用不一致，请核对',
  TOO_MANY_DOCUMENTS: '照片太多了，请先删除不需要的照片',
  DOCUMENT_NOT_FOUND: '没有找到该照片',
  DOCUMENT_UNREADABLE: '这张照片的文件已损坏，无法显示，请重新上传或联系工会工作人员',
  // venues
  VENUE_NOT_FOUND: '没有找到该场馆',
  SLOT_NOT_FOUND: '没有找到该时段',
  SLOT_FULL: '该时段已约满',
  ALREADY_BOOKED: '您已预约该时段',
  BOOKING_NOT_OPEN: '该时段尚未开放预约',
  BOOKING_CLOSED: '该时段已结束预约',
  BOOKING_LIMIT_REACHED: '已达到预约次数上限',
  BOOKING_SUSPENDED: '因多次预约未到，预约功能暂停使用',
  MEMBERS_ONLY: '该场馆仅对工会会员开放',
  CANCEL_TOO_LATE: '已过取消时间，不能取消',
  BOOKING_NOT_FOUND: '没有找到该预约',
  BOOKING_NOT_ACTIVE: '该预约已取消或已结束',
  SLOT_OVERLAP: '该时间与已有时段重叠',
  CHECK_IN_NOT_OPEN: '还没到签到时间（开始前1小时起可签到）',
  CHECK_IN_CLOSED: '该时段已结束，不能签到',
  CARD_QR_INVALID: '会员卡二维码无效，请会员重新出示',
  CARD_QR_EXPIRED: '会员卡二维码已过期，请会员刷新后重新出示',
  VENUE_CODE_INVALID: '这不是有效的场馆签到码，请扫描场馆门口的签到码',
  VENUE_CODE_EXPIRED: '签到码已过期，请扫描场馆门口屏幕上正在显示的签到码',
  // hardship
  REGION_NOT_FOUND: '没有找到该地区',
  OPEN_APPLICATION_EXISTS: '您已有一份正在办理的困难帮扶申请',
  APPLICATION_NOT_EDITABLE: '该申请当前不能修改',
  ASSET_CHECK_CONSENT_REQUIRED: '请先授权核查家庭财产',
  HARDSHIP_APPLICATION_NOT_FOUND: '没有找到该帮扶申请',
  APPLICATION_INCOMPLETE: '申请还没有填写完整',
  HARDSHIP_WRONG_STATUS: '该申请的办理状态已经变化，请刷新后查看',
  // staff and roles
  GRANT_NOT_FOUND: '没有找到该权限，可能已被收回',
  LAST_ADMIN: '这是最后一位管理员，不能收回；请先授予另一人管理员权限',
  ROLE_HELD_FOR_OTHER_ORG: '此人已在另一个组织担任该角色，请先收回原来的权限',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** The body of every error response. */
export interface ApiErrorBody {
  code: ErrorCode | string;
  message: string;
  fields?: Record<string, string>;
  /** Extra machine-readable detail, e.g. the missing document types. */
  details?: Record<string, unknown>;
}

export function errorMessage(code: string): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? ERROR_MESSAGES.INTERNAL_ERROR;
}
