import { isMaskedIdNumber, maskIdNumber, maskName, maskPhone, scrubPersonalData } from './mask';

describe('masking', () => {
  it('masks ID numbers as in DESIGN.md', () => {
    expect(maskIdNumber('33060219900101123X')).toBe('3306**********123X');
  });
  it('recognises a masked ID number, and only that', () => {
    expect(isMaskedIdNumber(maskIdNumber('33060219900101123X'))).toBe(true);
    expect(isMaskedIdNumber('33060219900101123X')).toBe(false);
    expect(isMaskedIdNumber('3306*********123X')).toBe(false);
    expect(isMaskedIdNumber('')).toBe(false);
  });
  it('masks phones and names', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
  it('scrubs ID numbers and phones out of free text', () => {
    const line = 'login 13800000001 id=11010519491231002X ok';
    const out = scrubPersonalData(line);
    expect(out).not.toContain('13800000001');
    expect(out).not.toContain('11010519491231002X');
    expect(out).toContain('138****0001');
    expect(out).toContain('1101**********002X');
  });
});
