// Rules: the approval state machine of reported values (approval.ts) — every transition and
// every refusal, with the code and reason the caller sees.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { transition, type ApprovalAction, type ApprovalActor, type ApprovalFacts } from './approval';
import type { RevisionStatus } from './schema';

const perms = (...p: string[]) => new Set(p);
const county: ApprovalActor = { permissions: perms('plan:read', 'plan:report'), inScope: true, above: false, province: false };
const city: ApprovalActor = { permissions: perms('plan:read', 'plan:report', 'plan:review', 'plan:approve'), inScope: true, above: true, province: false };
const province: ApprovalActor = { permissions: perms('plan:read', 'plan:report', 'plan:review', 'plan:approve'), inScope: true, above: true, province: true };
const below = { topLevel: false };

function refusal(from: RevisionStatus, action: ApprovalAction, actor: ApprovalActor, facts: ApprovalFacts = below, reason: string | null = 'r'): { code: string; zh: string; en: string } {
  try {
    transition(from, action, actor, facts, reason);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, zh: e.zh, en: e.en };
    throw e;
  }
  throw new Error(`${action} from ${from} was allowed`);
}

describe('transitions allowed', () => {
  it.each<[string, RevisionStatus, ApprovalAction, ApprovalActor, { topLevel: boolean; hasOpenRevision?: boolean }, RevisionStatus]>([
    ['county edits its draft', 'draft', 'edit', county, below, 'draft'],
    ['county edits a value sent back', 'returned', 'edit', county, below, 'returned'],
    ['county submits a draft', 'draft', 'submit', county, below, 'submitted'],
    ['county submits again after a send-back', 'returned', 'submit', county, below, 'submitted'],
    ['a province figure skips the city step', 'draft', 'submit', province, { topLevel: true }, 'reviewed'],
    ['city reviews a submitted value of a region below', 'submitted', 'review', city, below, 'reviewed'],
    ['city sends a submitted value back', 'submitted', 'return', city, below, 'returned'],
    ['province approves a reviewed value', 'reviewed', 'approve', province, below, 'approved'],
    ['province sends a reviewed value back', 'reviewed', 'return', province, below, 'returned'],
    ['county corrects an approved value (new revision)', 'approved', 'correct', county, { topLevel: false, hasOpenRevision: false }, 'draft'],
  ])('%s', (_n, from, action, actor, facts, to) => {
    expect(transition(from, action, actor, facts, 'reason')).toEqual({ to });
  });
});

describe('refusals, each with its code and reason', () => {
  it('a region outside the scope is refused before anything else', () => {
    expect(refusal('draft', 'submit', { ...county, inScope: false })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(refusal('submitted', 'review', { ...province, inScope: false })).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('each step needs its own permission', () => {
    expect(refusal('draft', 'submit', { ...county, permissions: perms('plan:read') })).toMatchObject({ code: 'FORBIDDEN', en: expect.stringContaining('plan:report') });
    expect(refusal('draft', 'edit', { ...county, permissions: perms('plan:read') })).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal('submitted', 'review', { ...city, permissions: perms('plan:read') })).toMatchObject({ code: 'FORBIDDEN', en: expect.stringContaining('plan:review') });
    expect(refusal('reviewed', 'approve', { ...province, permissions: perms('plan:review') })).toMatchObject({ code: 'FORBIDDEN', en: expect.stringContaining('plan:approve') });
    expect(refusal('submitted', 'return', { ...city, permissions: perms('plan:read') })).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal('reviewed', 'return', { ...province, permissions: perms('plan:review') })).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal('approved', 'correct', { ...county, permissions: perms('plan:read') })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('review and send-back of a submitted value need a region above it', () => {
    expect(refusal('submitted', 'review', { ...city, above: false })).toMatchObject({ code: 'FORBIDDEN', zh: '只能审核下级地区报送的数据' });
    expect(refusal('submitted', 'return', { ...city, above: false })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('approval and send-back of a reviewed value need the province', () => {
    expect(refusal('reviewed', 'approve', city)).toMatchObject({ code: 'FORBIDDEN', zh: '只有省级可以审定数据' });
    expect(refusal('reviewed', 'return', city)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('submitted and reviewed values cannot be edited or submitted again', () => {
    for (const from of ['submitted', 'reviewed'] as const) {
      expect(refusal(from, 'edit', county)).toMatchObject({ code: 'INVALID_STATE', zh: expect.stringContaining('须先被退回') });
      expect(refusal(from, 'submit', county)).toMatchObject({ code: 'INVALID_STATE', zh: expect.stringContaining('不能重复报送') });
    }
  });

  it('approved and superseded revisions are locked for edit, submit and send-back', () => {
    for (const from of ['approved', 'superseded'] as const) {
      for (const action of ['edit', 'submit'] as const) {
        expect(refusal(from, action, county)).toMatchObject({ code: 'INVALID_STATE', zh: expect.stringContaining('已锁定'), en: expect.stringContaining('locked') });
      }
      expect(refusal(from, 'return', province)).toMatchObject({ code: 'INVALID_STATE', zh: expect.stringContaining('已锁定') });
    }
  });

  it('only a submitted value can be reviewed, only a reviewed one approved', () => {
    for (const from of ['draft', 'returned', 'reviewed', 'approved'] as const) expect(refusal(from, 'review', city)).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal('submitted', 'approve', province)).toMatchObject({ code: 'INVALID_STATE', zh: expect.stringContaining('须先经市级审核') });
    for (const from of ['draft', 'returned', 'approved'] as const) expect(refusal(from, 'approve', province)).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a draft or returned value cannot be sent back', () => {
    expect(refusal('draft', 'return', province)).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal('returned', 'return', province)).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('sending back and correcting need a reason', () => {
    expect(refusal('submitted', 'return', city, below, '  ')).toMatchObject({ code: 'VALIDATION', zh: '退回须填写原因' });
    expect(refusal('reviewed', 'return', province, below, null)).toMatchObject({ code: 'VALIDATION' });
    expect(refusal('approved', 'correct', county, below, '')).toMatchObject({ code: 'VALIDATION', zh: '更正须填写原因' });
  });

  it('only an approved value is corrected, and one correction at a time', () => {
    expect(refusal('draft', 'correct', county)).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal('approved', 'correct', county, { topLevel: false, hasOpenRevision: true })).toMatchObject({ code: 'CONFLICT' });
  });
});
