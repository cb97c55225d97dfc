import type { ReferralStatus } from '@fascia/domain/referrals/referral-status';
import { Badge } from '@mantine/core';

const LOOK: Record<ReferralStatus, { color: string; label: string }> = {
  active: { color: 'teal', label: 'Active' },
  expiring_soon: { color: 'orange', label: 'Expiring soon' },
  not_yet_valid: { color: 'blue', label: 'Not yet valid' },
  exhausted: { color: 'red', label: 'Visits used up' },
  expired: { color: 'red', label: 'Expired' },
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const look = LOOK[status];
  return (
    <Badge color={look.color} variant="light" size="lg">
      {look.label}
    </Badge>
  );
}
