import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { AdminOrgResponse, errorMessage, ORG_TYPE_SHORT_LABELS, OrgImportError, OrgImportResult, orderAsTree } from '@unionhome/shared';
import { EntityManager, In } from 'typeorm';
import { AppException, invalid, notFound } from '../../common/app-exception';
import { AuthUser } from '../../common/auth-user';
import { isUniqueViolation, TransactionRunner } from '../../common/transaction-runner';
import { OrgEntity } from '../../orgs/entities/org.entity';
import { CreateOrgDto, UpdateOrgDto } from './dto/admin-org.dto';
import { OrgCsvRow, parseOrgCsv, topologicalOrder } from './org-csv';
import { depthOf } from './org-rules';
import { OrgTreeWriter } from './org-tree.writer';
import { withTxRetry } from '../../common/tx-retry';

/** More than this many errors are not worth listing: the file needs fixing as a whole. */
const MAX_LISTED_ERRORS = 100;

export function toAdminOrgResponse(o: OrgEntity): AdminOrgResponse {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    type: o.type,
    parentId: o.parentId,
    regionCode: o.regionCode,
    creditCode: o.creditCode,
    active: o.active,
    depth: depthOf(o.path),
    createdAt: o.createdAt.toISOString(),
  };
}

/** Thrown inside the import transaction to roll every row back. */
class ImportRejected extends Error {
  constructor(readonly errors: OrgImportError[]) {
    super('org import rejected');
  }
}

/**
 * The failed import's answer: 422 (the file was read; its content breaks the rules) with the same
 * fields as a success, nothing created or updated, and every error by line. `details.errors`
 * repeats the list where every error body carries its machine-readable extras (the mini-app's
 * error type reads only code, message, fields and details).
 */
function importFailed(errors: OrgImportError[]): HttpException {
  const listed = [...errors].sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_ERRORS);
  return new HttpException(
    { code: 'ORG_IMPORT_FAILED', message: errorMessage('ORG_IMPORT_FAILED'), created: 0, updated: 0, errors: listed, details: { errors: listed } },
    HttpStatus.UNPROCESSABLE_ENTITY,
  );
}

/** Union tree administration (admin): the list, create, change, and the all-or-nothing CSV import. */
@Injectable()
export class AdminOrgsService {
  constructor(private readonly tx: TransactionRunner, private readonly writer: OrgTreeWriter) {}

  /** Every org, inactive ones too, parents before children. */
  async list(): Promise<AdminOrgResponse[]> {
    const all = await this.tx.manager().find(OrgEntity, { order: { path: 'ASC' } });
    return orderAsTree(all.map(toAdminOrgResponse));
  }

  async create(admin: AuthUser, dto: CreateOrgDto): Promise<AdminOrgResponse> {
    try {
      const org = await withTxRetry(() =>
        this.tx.run((em) =>
          this.writer.create(
            em,
            admin.id,
            { code: dto.code, name: dto.name, type: dto.type, parentId: dto.parentId ?? null, regionCode: dto.regionCode ?? null, creditCode: dto.creditCode ?? null },
            'org.create',
          ),
        ),
      );
      return toAdminOrgResponse(org);
    } catch (err) {
      // Two admins creating the same code at once: the unique index decides.
      if (isUniqueViolation(err)) throw new AppException('ORG_CODE_TAKEN', HttpStatus.CONFLICT);
      throw err;
    }
  }

  async update(admin: AuthUser, id: string, dto: UpdateOrgDto): Promise<AdminOrgResponse> {
    const org = await withTxRetry(() =>
      this.tx.run(async (em) => {
        const current = await this.writer.lock(em, id);
        if (!current) throw notFound('ORG_NOT_FOUND');
        return this.writer.update(em, admin.id, current, dto, 'org.update');
      }),
    );
    return toAdminOrgResponse(org);
  }

  /**
   * Creates the rows whose code is new and updates those whose code exists (name, parent, region
   * and credit code as in the file; an empty cell clears it; type cannot change; active stays).
   * One transaction: any bad row and nothing is written.
   */
  async import(admin: AuthUser, file: Buffer): Promise<OrgImportResult> {
    const parsed = parseOrgCsv(file);
    if (parsed.kind === 'unreadable') throw invalid({ file: parsed.message });
    const { ordered, errors: cycles } = topologicalOrder(parsed.rows);
    const early = [...parsed.errors, ...cycles];
    if (early.length) throw importFailed(early);
    try {
      return await withTxRetry(() => this.tx.run((em) => this.applyRows(em, admin, ordered)));
    } catch (err) {
      if (err instanceof ImportRejected) throw importFailed(err.errors);
      throw err;
    }
  }

  private async applyRows(em: EntityManager, admin: AuthUser, rows: OrgCsvRow[]): Promise<OrgImportResult> {
    const codes = [...new Set(rows.flatMap((r) => (r.parentCode ? [r.code, r.parentCode] : [r.code])))];
    const known = new Map<string, OrgEntity>();
    for (let i = 0; i < codes.length; i += 500) {
      for (const o of await em.findBy(OrgEntity, { code: In(codes.slice(i, i + 500)) })) known.set(o.code, o);
    }
    const lineOf = new Map(rows.map((r) => [r.code, r.line]));
    const failed = new Set<string>();
    const errors: OrgImportError[] = [];
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      if (errors.length >= MAX_LISTED_ERRORS) break;
      const fail = (message: string) => {
        errors.push({ line: row.line, message });
        failed.add(row.code);
      };
      if (row.parentCode && failed.has(row.parentCode)) {
        fail(`上级组织${row.parentCode}（第${lineOf.get(row.parentCode)}行）有错误，这一行也无法导入`);
        continue;
      }
      // Only the parent's id is taken from here: the writer reads the parent row afresh.
      const parent = row.parentCode ? known.get(row.parentCode) : null;
      if (row.parentCode && !parent) {
        fail(`上级组织编号${row.parentCode}不存在（文件中和系统中都没有）`);
        continue;
      }
      const existing = known.get(row.code);
      try {
        if (!existing) {
          const org = await this.writer.create(
            em,
            admin.id,
            { code: row.code, name: row.name, type: row.type, parentId: parent?.id ?? null, regionCode: row.regionCode, creditCode: row.creditCode },
            'org.import',
          );
          known.set(org.code, org);
          created++;
        } else {
          // Read again: an earlier row may have moved one of its ancestors (and so its path).
          const current = (await this.writer.lock(em, existing.id))!;
          if (current.type !== row.type) {
            fail(`组织类型不能通过导入修改（${row.code}现在是${ORG_TYPE_SHORT_LABELS[current.type]}）`);
            continue;
          }
          const next = await this.writer.update(
            em,
            admin.id,
            current,
            { name: row.name, parentId: parent?.id ?? null, regionCode: row.regionCode, creditCode: row.creditCode },
            'org.import',
          );
          known.set(next.code, next);
          updated++;
        }
      } catch (err) {
        if (!(err instanceof AppException)) throw err;
        fail(err.detail.fields ? Object.values(err.detail.fields).join('；') : err.userMessage);
      }
    }
    if (errors.length) throw new ImportRejected(errors);
    return { created, updated, errors: [] };
  }
}
