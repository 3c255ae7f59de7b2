import { deliverHandoverReports, escalateUnacknowledged } from '../features/deliveries/jobs.ts';
import { remindSelfInspections } from '../features/quality/inspections.ts';
import type { DailyJob } from './types.ts';

/** Every daily job, with the setting that gives its local time. */
export const dailyJobs: readonly DailyJob[] = [
  { name: 'handover_delivery', timeOf: (s) => s.reportDeliveryTime, run: deliverHandoverReports },
  { name: 'report_escalation', timeOf: (s) => s.reportAcknowledgeBy, run: escalateUnacknowledged },
  // with the morning delivery, so the unit manager's reminders come with the day's first run
  { name: 'self_inspection_reminders', timeOf: (s) => s.reportDeliveryTime, run: remindSelfInspections },
];
