/*
 * 填报数据审核流程 / How a reported value is approved (pure rules)
 * ------------------------------------------------------------------------------------------
 * A reported value lives in revisions. The open revision moves through:
 *
 *   draft ──submit──▶ submitted ──review──▶ reviewed ──approve──▶ approved
 *     ▲  (plan:report)          (plan:review,           (plan:approve,
 *     │                          a region above)          province level)
 *     │                 │ return (reason)       │ return (reason)
 *     └──── edit ◀── returned ◀─────────────────┘
 *
 * - Who: the reporter's region must be in its data scope. The reviewer (the city, 市级审核)
 *   sits strictly above the value's region. The approver sits at province level (省级审定).
 *   A value of the province itself has no level above it to review: submitting it moves it
 *   straight to `reviewed`, waiting for approval.
 * - Edits: only a draft or a returned revision can be edited; a submitted or reviewed one must
 *   be sent back first. An approved revision is locked for good: a correction (更正) opens a
 *   new revision, with a reason, which goes through the same steps; the approved figure stays
 *   in force until the correction is approved, and is then `superseded`.
 * - Sending back always needs a reason.
 */
import { AppError } from '../../platform/errors';
import type { RevisionStatus } from './schema';

export type ApprovalAction = 'edit' | 'submit' | 'review' | 'approve' | 'return' | 'correct';

export type ApprovalActor = {
  permissions: ReadonlySet<string>;
  /** The value's region is inside the actor's data scope. */
  inScope: boolean;
  /** The actor's region lies strictly above the value's region. */
  above: boolean;
  /** The actor works at province level. */
  province: boolean;
};

export type ApprovalFacts = {
  /** The value is for the plan's own region (the province): there is no level above to review it. */
  topLevel: boolean;
  /** An open (not yet approved) revision already exists; for `correct`. */
  hasOpenRevision?: boolean;
};

export type ApprovalOutcome = { to: RevisionStatus };

const statusZh: Record<RevisionStatus, string> = {
  draft: '草稿',
  submitted: '已报送',
  reviewed: '已审核',
  returned: '已退回',
  approved: '已审定',
  superseded: '已被更正',
};

export function statusName(s: RevisionStatus): { zh: string; en: string } {
  return { zh: statusZh[s], en: s };
}

function invalid(from: RevisionStatus, zh: string, en: string): AppError {
  return new AppError('INVALID_STATE', { zh: `当前状态为“${statusZh[from]}”：${zh}`, en: `The value is ${from}: ${en}`, state: from });
}

function forbidden(zh: string, en: string): AppError {
  return new AppError('FORBIDDEN', { zh, en });
}

function need(actor: ApprovalActor, permission: string, zh: string, en: string): void {
  if (!actor.permissions.has(permission)) throw forbidden(`${zh}（需要 ${permission} 权限）`, `${en} (needs ${permission})`);
}

function needScope(actor: ApprovalActor): void {
  if (!actor.inScope) throw new AppError('OUT_OF_SCOPE', { zh: '该地区超出您的数据权限范围', en: 'This region is outside your data scope' });
}

const LOCKED = {
  zh: '已审定的数据已锁定，不能修改；如需更正，请提交更正（将生成新的修订版本并重新审核）',
  en: 'approved values are locked; submit a correction instead (it opens a new revision that is approved again)',
};

/** The next status for an action, or the reason it is refused (pure; the rules above). */
export function transition(from: RevisionStatus, action: ApprovalAction, actor: ApprovalActor, facts: ApprovalFacts, reason?: string | null): ApprovalOutcome {
  needScope(actor);
  switch (action) {
    case 'edit':
      need(actor, 'plan:report', '只有填报人员可以修改数据', 'Only reporters can edit values');
      if (from === 'draft' || from === 'returned') return { to: from };
      if (from === 'approved' || from === 'superseded') throw invalid(from, LOCKED.zh, LOCKED.en);
      throw invalid(from, '已报送的数据须先被退回才能修改', 'a submitted value must be sent back before it can be edited');
    case 'submit':
      need(actor, 'plan:report', '只有填报人员可以报送数据', 'Only reporters can submit values');
      if (from === 'draft' || from === 'returned') return { to: facts.topLevel ? 'reviewed' : 'submitted' };
      if (from === 'approved' || from === 'superseded') throw invalid(from, LOCKED.zh, LOCKED.en);
      throw invalid(from, '数据已报送，不能重复报送', 'the value has already been submitted');
    case 'review':
      need(actor, 'plan:review', '没有审核权限', 'No permission to review');
      if (!actor.above) throw forbidden('只能审核下级地区报送的数据', 'You can only review values of regions below yours');
      if (from !== 'submitted') throw invalid(from, '只有已报送的数据可以审核', 'only a submitted value can be reviewed');
      return { to: 'reviewed' };
    case 'approve':
      need(actor, 'plan:approve', '没有审定权限', 'No permission to approve');
      if (!actor.province) throw forbidden('只有省级可以审定数据', 'Only the province can approve values');
      if (from !== 'reviewed') {
        if (from === 'submitted') throw invalid(from, '须先经市级审核', 'the value must be reviewed by the city first');
        throw invalid(from, '只有已审核的数据可以审定', 'only a reviewed value can be approved');
      }
      return { to: 'approved' };
    case 'return': {
      if (!reason || !reason.trim()) throw new AppError('VALIDATION', { zh: '退回须填写原因', en: 'Sending a value back needs a reason', fields: [{ field: 'reason', zh: '请填写退回原因', en: 'give the reason' }] });
      if (from === 'submitted') {
        need(actor, 'plan:review', '没有审核权限', 'No permission to review');
        if (!actor.above) throw forbidden('只能退回下级地区报送的数据', 'You can only send back values of regions below yours');
        return { to: 'returned' };
      }
      if (from === 'reviewed') {
        need(actor, 'plan:approve', '没有审定权限', 'No permission to approve');
        if (!actor.province) throw forbidden('只有省级可以退回已审核的数据', 'Only the province can send back a reviewed value');
        return { to: 'returned' };
      }
      if (from === 'approved' || from === 'superseded') throw invalid(from, LOCKED.zh, LOCKED.en);
      throw invalid(from, '只有已报送或已审核的数据可以退回', 'only a submitted or reviewed value can be sent back');
    }
    case 'correct':
      need(actor, 'plan:report', '只有填报人员可以提交更正', 'Only reporters can correct values');
      if (!reason || !reason.trim()) throw new AppError('VALIDATION', { zh: '更正须填写原因', en: 'A correction needs a reason', fields: [{ field: 'reason', zh: '请填写更正原因', en: 'give the reason' }] });
      if (from !== 'approved') throw invalid(from, '只有已审定的数据需要更正，其余可直接修改', 'only an approved value is corrected; others are edited');
      if (facts.hasOpenRevision) throw new AppError('CONFLICT', { zh: '该数据已有一个正在审核的更正', en: 'A correction of this value is already under way' });
      return { to: 'draft' };
  }
}
