import { fenToYuan, formatFen, sumFen, yuanToFen } from './money';

describe('money in fen', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.5', 1250],
    ['12.05', 1205],
    ['0.1', 10],
    ['0.2', 20],
    ['0.29', 29],
    ['1,234.56', 123456],
    [' ¥99.99 ', 9999],
    ['19999.99', 1999999],
  ])('yuanToFen(%s) = %d', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '1.234', '-5', '1e3', '.5', '12.3.4'])('yuanToFen(%s) is not an amount', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });

  it('has no float drift: 0.1 + 0.2 yuan is exactly 30 fen', () => {
    expect(sumFen([yuanToFen('0.1')!, yuanToFen('0.2')!])).toBe(30);
    expect(fenToYuan(sumFen([yuanToFen('0.1')!, yuanToFen('0.2')!]))).toBe('0.30');
    expect(yuanToFen('1.15')).toBe(115); // 1.15 * 100 = 114.99999999999999 in floating point
    expect(yuanToFen('4.35')).toBe(435); // 4.35 * 100 = 434.99999999999994
  });

  it('formats for display', () => {
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-1205)).toBe('-12.05');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(0)).toBe('¥0.00');
    expect(() => fenToYuan(1.5)).toThrow();
    expect(() => sumFen([1, 0.5])).toThrow();
  });
});
