import { parse } from 'csv-parse/sync';
import {
  checkCreditCode,
  CREDIT_CODE_PROBLEM_MESSAGES,
  normalizeCreditCode,
  ORG_CODE_HINT,
  ORG_CODE_PATTERN,
  ORG_IMPORT_COLUMNS,
  ORG_IMPORT_HEADER,
  ORG_NAME_MAX,
  ORG_TYPE_LABELS,
  ORG_TYPE_SHORT_LABELS,
  ORG_TYPES,
  OrgImportError,
  OrgType,
  ORG_REGION_CODE_HINT,
  ORG_REGION_CODE_PATTERN,
} from '@unionhome/shared';

/** One data row of the import file, checked on its own (not yet against the tree). */
export interface OrgCsvRow {
  /** Line of the file where the row starts; the header is line 1. */
  line: number;
  code: string;
  name: string;
  type: OrgType;
  parentCode: string | null;
  regionCode: string | null;
  creditCode: string | null;
}

export type ParsedOrgCsv = { kind: 'rows'; rows: OrgCsvRow[]; errors: OrgImportError[] } | { kind: 'unreadable'; message: string };

/** The type column takes the API word or the Chinese name people see in the app. */
const TYPE_BY_WORD = new Map<string, OrgType>(
  ORG_TYPES.flatMap((t) => [
    [t, t],
    [ORG_TYPE_LABELS[t], t],
    [ORG_TYPE_SHORT_LABELS[t], t],
  ]),
);

/**
 * Text of the upload: UTF-8 (with or without BOM), or GB 18030 — what Excel and WPS on a Chinese
 * Windows save as "CSV" by default. Null when it is neither (a spreadsheet file, a photo).
 */
export function decodeCsv(buf: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      return null;
    }
  }
}

/** Spreadsheets often save empty cells past the last column ("a,b,c,,"): those are not columns. */
function withoutTrailingEmpty(cells: string[], keep = 0): string[] {
  let end = cells.length;
  while (end > keep && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

/**
 * Parses and checks the file, row by row. `unreadable` (400) when it is not a CSV with the
 * expected header at all; otherwise the rows that are fine and a line-numbered error per bad row.
 */
export function parseOrgCsv(buf: Buffer): ParsedOrgCsv {
  const text = decodeCsv(buf);
  if (text === null || text.includes('\u0000')) return { kind: 'unreadable', message: '文件不是CSV文本，请在Excel或WPS中"另存为CSV"后再导入' };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (err) {
    const line = Number((err as { lines?: number }).lines) || 1;
    return { kind: 'rows', rows: [], errors: [{ line, message: 'CSV格式有误：引号没有成对出现，或引号后面紧跟了其他文字' }] };
  }
  const header = records[0] && withoutTrailingEmpty(records[0].record).map((h) => h.replace(/^\ufeff/, ''));
  if (!header || header.join(',').toLowerCase() !== ORG_IMPORT_HEADER.toLowerCase()) {
    return { kind: 'unreadable', message: `第一行应为 ${ORG_IMPORT_HEADER}` };
  }
  const rows: OrgCsvRow[] = [];
  const errors: OrgImportError[] = [];
  const seen = new Map<string, number>();
  for (const { record: cells, info } of records.slice(1)) {
    const record = withoutTrailingEmpty(cells, ORG_IMPORT_COLUMNS.length);
    // info.lines is the line the record ends on; a quoted cell may span lines.
    const line = info.lines - cells.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const problem = (message: string) => errors.push({ line, message });
    if (record.every((cell) => cell === '')) continue;
    if (record.length !== ORG_IMPORT_COLUMNS.length) {
      problem(`应有${ORG_IMPORT_COLUMNS.length}列（${ORG_IMPORT_HEADER}），这一行有${record.length}列`);
      continue;
    }
    const [code, name, typeWord, parentCode, regionCode, rawCredit] = record;
    if (!code) {
      problem('请填写组织编号（code）');
      continue;
    }
    if (!ORG_CODE_PATTERN.test(code)) {
      problem(`组织编号“${code}”不正确：${ORG_CODE_HINT}`);
      continue;
    }
    const earlier = seen.get(code);
    if (earlier) {
      problem(`组织编号${code}与第${earlier}行重复`);
      continue;
    }
    seen.set(code, line);
    const type = TYPE_BY_WORD.get(typeWord) ?? TYPE_BY_WORD.get(typeWord.toLowerCase());
    const messages: string[] = [];
    if (!name) messages.push('请填写组织名称（name）');
    else if (name.length > ORG_NAME_MAX) messages.push(`组织名称不能超过${ORG_NAME_MAX}个字`);
    if (!type) messages.push(`组织类型“${typeWord}”不正确，应为 ${ORG_TYPES.join('、')} 之一`);
    if (parentCode && !ORG_CODE_PATTERN.test(parentCode)) messages.push(`上级组织编号“${parentCode}”不正确`);
    if (parentCode === code) messages.push('上级组织不能是它自己');
    if (regionCode && !ORG_REGION_CODE_PATTERN.test(regionCode)) messages.push(ORG_REGION_CODE_HINT);
    const creditCode = normalizeCreditCode(rawCredit) || null;
    if (creditCode && type) {
      const bad = checkCreditCode(creditCode, { grassroots: type === 'grassroots' });
      if (bad) messages.push(CREDIT_CODE_PROBLEM_MESSAGES[bad]);
    }
    if (messages.length || !type) {
      problem(messages.join('；'));
      continue;
    }
    rows.push({ line, code, name, type, parentCode: parentCode || null, regionCode: regionCode || null, creditCode });
  }
  if (!rows.length && !errors.length) return { kind: 'unreadable', message: '文件中除了第一行没有其他内容' };
  return { kind: 'rows', rows, errors };
}

/**
 * Rows in an order where each row comes after the row of its parent (when the parent is in the
 * file too), so a file may list children before parents. Rows in a cycle of parents are errors.
 */
export function topologicalOrder(rows: OrgCsvRow[]): { ordered: OrgCsvRow[]; errors: OrgImportError[] } {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const children = new Map<string, OrgCsvRow[]>();
  const ready: OrgCsvRow[] = [];
  for (const r of rows) {
    if (r.parentCode && byCode.has(r.parentCode)) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r]);
    else ready.push(r);
  }
  const ordered: OrgCsvRow[] = [];
  while (ready.length) {
    const r = ready.shift()!;
    ordered.push(r);
    ready.push(...(children.get(r.code) ?? []));
  }
  const placed = new Set(ordered.map((r) => r.code));
  const errors = rows
    .filter((r) => !placed.has(r.code))
    .map((r) => ({ line: r.line, message: `上级关系形成了循环（${r.code}的上级是${r.parentCode}），请检查parentCode` }));
  return { ordered, errors };
}
