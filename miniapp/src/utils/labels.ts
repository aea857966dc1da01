/** Plain-word labels for status codes that several pages show. */

const MEMBERSHIP_STATUS_LABELS: Record<string, string> = {
  active: '正常',
  left: '已退会'
}

export function membershipStatusLabel(status: string): string {
  return MEMBERSHIP_STATUS_LABELS[status] ?? status
}
