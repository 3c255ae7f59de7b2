import { isProtectionAssessmentOverdue, protectionAssessmentDue } from '@jourbok/domain';
import type { CaseRow } from './repository.ts';

const TIME_ZONE = 'Europe/Stockholm';

/**
 * The protection assessment of a case concerning a child is due at once: by
 * the end of the day it came in, or of the next day when it came in late.
 */
export function protectionAssessmentState(row: Pick<CaseRow, 'concerns_child' | 'received_at'>, done: boolean, now: Date) {
  if (!row.concerns_child) return { due: null, overdue: false };
  const receivedAt = row.received_at.toISOString();
  return {
    due: protectionAssessmentDue(receivedAt, TIME_ZONE),
    overdue: isProtectionAssessmentOverdue({ receivedAt, now: now.toISOString(), timeZone: TIME_ZONE, hasProtectionAssessment: done }),
  };
}
