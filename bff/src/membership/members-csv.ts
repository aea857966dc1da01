import { MEMBERSHIP_STATUS_LABELS, type MemberListItem } from '@unionhome/shared';

const COLUMNS: Array<[string, (m: MemberListItem) => string]> = [
  ['会员编号', (m) => m.memberNo],
  ['姓名', (m) => m.name],
  ['身份证号码', (m) => m.idNumberMasked],
  ['手机号码', (m) => m.phoneMasked],
  ['工作单位', (m) => m.employer],
  ['职业', (m) => m.jobType],
  ['入会日期', (m) => m.joinedAt],
  ['状态', (m) => MEMBERSHIP_STATUS_LABELS[m.status] ?? m.status],
  ['所属工会', (m) => m.orgName],
];

/**
 * One CSV cell: quoted when it holds a separator, a quote or a line break; and a cell that a
 * spreadsheet would run as a formula (= + - @ at the start) is prefixed with an apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The member register as CSV for Excel/WPS: UTF-8 with a BOM (or Excel shows mojibake), CRLF lines. */
export function membersCsv(members: MemberListItem[]): string {
  const lines = [COLUMNS.map(([title]) => title), ...members.map((m) => COLUMNS.map(([, get]) => get(m)))];
  return '\ufeff' + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
