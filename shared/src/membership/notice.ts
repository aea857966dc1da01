/**
 * The texts a worker accepts when joining. Both are versioned: the join page shows the text of
 * the version it got from the BFF, the application carries that version back, and the BFF
 * refuses an application made under an older text (NOTICE_OUTDATED). Change the text ⇒ change
 * the version.
 */

export interface VersionedText {
  version: string;
  title: string;
  text: string;
}

/** 会员权利义务告知 (after the rights and duties of the Constitution of the Chinese trade unions). */
export const MEMBERSHIP_NOTICE: VersionedText = {
  version: '2026-01',
  title: '会员权利义务告知',
  text: [
    '欢迎您申请加入工会。提交申请前，请完整阅读以下内容。',
    '',
    '一、入会条件',
    '以工资收入为主要生活来源或者与用人单位建立劳动关系的体力劳动者和脑力劳动者，不分民族、种族、性别、职业、宗教信仰、教育程度，承认《中国工会章程》，都可以加入工会为会员。外卖员、快递员、网约车司机、货车司机等新就业形态劳动者同样可以加入工会。',
    '',
    '二、会员的权利',
    '1. 选举权、被选举权和表决权。',
    '2. 对工会工作进行监督，提出意见和建议，要求撤换或者罢免不称职的工会工作人员。',
    '3. 对国家和社会生活问题及本单位工作提出批评与建议，要求工会组织向有关方面如实反映。',
    '4. 在合法权益受到侵犯时，要求工会给予保护。',
    '5. 享受工会提供的文化、教育、体育、旅游、疗休养、互助保障、法律服务、就业服务等优惠待遇，以及工会给予的各种奖励。',
    '6. 在工会会议和工会媒体上，参加关于工会工作和职工关心问题的讨论。',
    '',
    '三、会员的义务',
    '1. 学习政治、经济、文化、法律、技术和工会基本知识。',
    '2. 积极参加民主选举、民主协商、民主决策、民主管理和民主监督。',
    '3. 努力完成生产和工作任务，立足本职岗位建功立业。',
    '4. 遵守宪法和法律，恪守社会公德、职业道德、家庭美德、个人品德，遵守劳动纪律。',
    '5. 正确处理国家、集体、个人三者利益关系，向危害国家、社会利益的行为作斗争。',
    '6. 维护工人阶级和工会组织的团结统一，发扬阶级友爱，搞好互助互济。',
    '7. 遵守工会章程，执行工会决议，参加工会活动，按月交纳会费（一般为本人工资收入的千分之五）。',
    '',
    '四、会籍',
    '每位会员同一时间只属于一个基层工会。您已是其他工会会员的，本次申请将作为转会申请办理：审核通过后，原会籍自动结束，新会籍同时生效，会龄连续计算。',
    '会员退休的，可以保留会籍；会员没有正当理由连续六个月不交纳会费、不参加工会组织生活，经教育拒不改正的，视为自动退会。',
    '',
    '五、审核',
    '您提交的申请由所加入的基层工会审核。审核通过后，您将获得会员编号和电子会员卡，结果会发送到“消息中心”。',
  ].join('\n'),
};

/**
 * The separate consent for processing the ID number (PIPL art. 29: sensitive personal
 * information needs its own consent, with purpose and retention stated).
 */
export const ID_NUMBER_CONSENT: VersionedText = {
  version: '2026-01',
  title: '身份证号码处理同意',
  text: [
    '处理目的：仅用于核验您的入会资格（身份真实、年满16周岁、是否已是工会会员）、建立会员档案和电子会员卡，以及办理转会。不用于其他目的，不向工会以外的任何人提供。',
    '保护措施：身份证号码加密保存；工会干部只能看到部分隐藏的号码（如 3306**********123X），每次查看会员档案都有记录。',
    '保存期限：在您的会籍存续期间保存；退出工会后保存不超过3年，用于会籍查询和转会接续，期满删除。入会申请未获通过的，驳回时即删除申请中的身份证号码。',
    '您可以不同意，但工会无法在线为您办理入会，可携带身份证到所在工会线下办理。',
  ].join('\n'),
};
