import { DynamoDBDocumentClient } from './aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeTable, goodAnswers, lan, lltp } from '../../test/support/online-unit';
import { citizenRef } from './citizen-session';
import { applyOnline, onlineDossierItem } from './online-intake';
import { applicantIdPk, applicantLookupKeys } from './personal-data';
import type { Procedure } from '../core/model';

const db = mockClient(DynamoDBDocumentClient);
const facts = {
  code: 'BDH-261207-0001',
  procedure: lltp as unknown as Procedure,
  desk: 'BDH',
  citizen: lan,
  applicationId: 'a'.repeat(24),
  answers: { hoTen: 'Nguyễn Thị Lan' },
  documents: [],
  submittedAt: new Date('2026-12-07T02:00:00.000Z'),
  checkDueAt: new Date('2026-12-08T02:00:00.000Z'),
  appointmentAt: new Date('2026-12-21T02:00:00.000Z'),
  pinHash: 'hash',
  intakeKey: 'k'.repeat(24),
};

describe('the status-1 dossier of an online application (onlineDossierItem, pure)', () => {
  it("is in its desk's check queue, in no OPEN set, no logbook; the branch named; the applicant from the identity", () => {
    const item = onlineDossierItem(facts);
    expect(item).toMatchObject({
      PK: 'DOSSIER#BDH-261207-0001',
      SK: 'META',
      GSI1PK: 'CHECK#BDH',
      GSI1SK: '2026-12-08T02:00:00.000Z#BDH-261207-0001',
      status: 1,
      channel: 'online',
      branch: 'BDH',
      applicant: { name: lan.name, email: lan.email, phone: '+84912345678', idNumber: lan.identityNumber },
      online: { level: 'fully', citizenRef: citizenRef(lan), submittedAt: '2026-12-07T02:00:00.000Z', checkDueAt: '2026-12-08T02:00:00.000Z' },
    });
    expect(item).not.toHaveProperty('GSI2PK');
    expect(item).not.toHaveProperty('executionName');
    expect(onlineDossierItem({ ...facts, desk: 'TTHCC' })).not.toHaveProperty('branch');
  });

  it('takes the email from the form when the identity has none', () => {
    const { email: _e, ...noEmail } = lan;
    expect(onlineDossierItem({ ...facts, citizen: noEmail, answers: { email: 'lan@example.org' } }).applicant.email).toBe('lan@example.org');
    expect(onlineDossierItem({ ...facts, citizen: noEmail }).applicant.email).toBe('');
    // no email: the applicant is looked up by ID number only (no item keyed by the hash of '')
    expect(applicantLookupKeys('BDH-261207-0001', { email: '', idNumber: lan.identityNumber })).toEqual([{ PK: applicantIdPk(lan.identityNumber), SK: 'BDH-261207-0001' }]);
  });

  it('refuses a procedure at the desk only', () => {
    expect(() => onlineDossierItem({ ...facts, procedure: { ...facts.procedure, online: undefined } })).toThrow(/cannot be applied for online/);
  });
});

describe('applyOnline (create and submit in one call)', () => {
  beforeEach(() => {
    db.reset();
    fakeTable(db);
  });
  it('checks as the citizen’s submission does: the judicial record needs its identity card copy', async () => {
    await expect(applyOnline(lan, { procedureCode: 'TP-LLTP', answers: goodAnswers })).rejects.toMatchObject({ status: 422, errors: [expect.objectContaining({ field: 'documents' })] });
  });
});
