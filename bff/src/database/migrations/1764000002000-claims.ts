import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { boolCol, dateCol, fenCol, idCol, instantCol, intCol, jsonCol, refCol, strCol, textCol } from '../migration-helpers';

/**
 * Photos (the generic documents table of bff/src/files), mutual-aid plans, enrolments, claims with
 * their timeline and invoice keys, and WeChat subscribe-message allowances.
 */
export class Claims1764000002000 implements MigrationInterface {
  name = 'Claims1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'documents',
        columns: [
          idCol(),
          strCol('ownerType', 20),
          refCol('ownerId'),
          strCol('docType', 30),
          refCol('uploadedBy'),
          strCol('sha256', 64),
          strCol('dedupKey', 64, true),
          strCol('originalFormat', 10),
          intCol('originalBytes'),
          intCol('width'),
          intCol('height'),
          intCol('bytes'),
          strCol('storageKey', 100),
          strCol('thumbKey', 100),
          instantCol('createdAt'),
          instantCol('removedAt', true),
        ],
        indices: [
          new TableIndex({ name: 'idx_documents_owner', columnNames: ['ownerType', 'ownerId'] }),
          new TableIndex({ name: 'uq_documents_owner_dedup', columnNames: ['ownerType', 'ownerId', 'dedupKey'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mutual_aid_plans',
        columns: [
          idCol(),
          strCol('code', 40),
          strCol('name', 100),
          textCol('description'),
          fenCol('premium'),
          dateCol('periodStart'),
          dateCol('periodEnd'),
          intCol('waitingPeriodDays'),
          intCol('claimDeadlineDays'),
          fenCol('deductible'),
          jsonCol('tiers'),
          intCol('bonusBp'),
          jsonCol('bonusTags'),
          fenCol('perClaimCap', true),
          fenCol('annualCap', true),
          boolCol('active', true),
          instantCol('createdAt'),
          instantCol('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'uq_mutual_aid_plans_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan_enrolments',
        columns: [
          idCol(),
          refCol('planId'),
          refCol('userId'),
          refCol('orgId'),
          dateCol('coverageStart'),
          dateCol('coverageEnd'),
          dateCol('waitingEndsOn'),
          fenCol('usedAmount', false, 0),
          refCol('enrolledBy'),
          instantCol('createdAt'),
        ],
        indices: [
          new TableIndex({ name: 'uq_plan_enrolments_plan_user', columnNames: ['planId', 'userId'], isUnique: true }),
          new TableIndex({ name: 'idx_plan_enrolments_user', columnNames: ['userId'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'claims',
        columns: [
          idCol(),
          refCol('userId'),
          refCol('planId'),
          refCol('enrolmentId'),
          strCol('status', 20),
          strCol('hospital', 100),
          dateCol('admissionDate'),
          dateCol('dischargeDate'),
          fenCol('totalAmount'),
          fenCol('insurancePaid'),
          fenCol('otherReimbursed'),
          jsonCol('invoices'),
          fenCol('submittedEstimate', true),
          fenCol('approvedAmount', true),
          jsonCol('requestedDocuments', true),
          instantCol('requestedAt', true),
          jsonCol('documentsAtRequest', true),
          instantCol('submittedAt', true),
          instantCol('decidedAt', true),
          refCol('reviewerId', true),
          instantCol('paidAt', true),
          strCol('paidReference', 64, true),
          instantCol('createdAt'),
          instantCol('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'idx_claims_user_created', columnNames: ['userId', 'createdAt'] }),
          new TableIndex({ name: 'idx_claims_status_submitted', columnNames: ['status', 'submittedAt'] }),
          new TableIndex({ name: 'idx_claims_enrolment', columnNames: ['enrolmentId'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'claim_events',
        columns: [
          idCol(),
          refCol('claimId'),
          intCol('seq'),
          strCol('status', 20),
          refCol('actorId'),
          strCol('actorRole', 10),
          strCol('reasonCode', 30, true),
          strCol('note', 500, true),
          fenCol('amount', true),
          jsonCol('documentTypes', true),
          strCol('reference', 64, true),
          instantCol('createdAt'),
        ],
        indices: [new TableIndex({ name: 'uq_claim_events_claim_seq', columnNames: ['claimId', 'seq'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'claim_invoice_keys',
        columns: [idCol(), strCol('invoiceKey', 64), refCol('claimId'), instantCol('usedAt')],
        indices: [
          new TableIndex({ name: 'uq_claim_invoice_keys_key', columnNames: ['invoiceKey'], isUnique: true }),
          new TableIndex({ name: 'idx_claim_invoice_keys_claim', columnNames: ['claimId'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_subscriptions',
        columns: [idCol(), refCol('userId'), strCol('topic', 30), intCol('remaining', false, 0), instantCol('updatedAt')],
        indices: [new TableIndex({ name: 'uq_notification_subscriptions_user_topic', columnNames: ['userId', 'topic'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['notification_subscriptions', 'claim_invoice_keys', 'claim_events', 'claims', 'plan_enrolments', 'mutual_aid_plans', 'documents']) {
      await q.dropTable(t);
    }
  }
}
