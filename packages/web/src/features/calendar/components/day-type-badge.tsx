import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { sv } from '../../../lib/sv.ts';
import type { DayType } from '../api.ts';

const tones: Record<DayType, BadgeTone> = {
  holiday: 'danger',
  weekend: 'warning',
  bridge_day: 'standby',
  day_before_holiday: 'standby',
  workday: 'neutral',
};

export function DayTypeBadge({ dayType }: { dayType: DayType }) {
  return <Badge tone={tones[dayType]}>{sv.calendar.dayTypes[dayType]}</Badge>;
}
