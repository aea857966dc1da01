import type { MemberListItem } from '@unionhome/shared';
import { csvCell, membersCsv } from './members-csv';

const member: MemberListItem = {
  id: 'm1',
  memberNo: 'M330602000002',
  name: '李娜',
  idNumberMasked: '3306**********1234',
  phoneMasked: '138****0007',
  employer: '美团, 越城站',
  jobType: '外卖员',
  joinedAt: '2026-11-22',
  status: 'active',
  orgName: '示范基层工会',
};

describe('member register CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+86', "'+86"],
    ['-1', "'-1"],
    ['@SUM', "'@SUM"],
  ])('cell %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('starts with a BOM and a header, one CRLF line per member, masked identity only', () => {
    const csv = membersCsv([member]);
    expect(csv.startsWith('\ufeff会员编号,姓名,身份证号码,手机号码,工作单位,职业,入会日期,状态,所属工会\r\n')).toBe(true);
    expect(csv).toContain('M330602000002,李娜,3306**********1234,138****0007,"美团, 越城站",外卖员,2026-11-22,正常,示范基层工会\r\n');
    expect(csv.split('\r\n')).toHaveLength(3);
  });
});
