/**
 * The seeded demo users (API.md), offered on the login page when the BFF says it runs the demo.
 * Shown masked like every phone number in the app; a tap logs in without filling the input.
 */
export const DEMO_ACCOUNTS = [
  { phone: '13800000001', name: '张伟', role: '职工会员' },
  { phone: '13800000002', name: '', role: '基层工会干部' },
  { phone: '13800000003', name: '', role: '互助理赔审核员' },
  { phone: '13800000004', name: '', role: '场馆工作人员' },
  { phone: '13800000005', name: '', role: '帮扶审批员' },
  { phone: '13800000006', name: '', role: '管理员' },
  { phone: '13800000007', name: '李娜', role: '非会员职工' },
  { phone: '13800000008', name: '', role: '互助会财务' }
] as const
