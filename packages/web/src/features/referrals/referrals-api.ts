import type { Referral } from '@fascia/domain/referrals/referral.schema';
import type { ReferralStatus } from '@fascia/domain/referrals/referral-status';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { put } from '../patients/patients-api.ts';

export interface ReferralView {
  id: string;
  patientId: string;
  provider: { id: string; displayName: string; npi: string };
  referral: Referral;
  orderedVisits: number;
  visitsUsed: number;
  status: {
    status: ReferralStatus;
    reasons: { code: string }[];
    explanation: string[];
    daysLeft: number;
    visitsLeft?: number;
  };
  attachment: { sha256: string; mediaType: string; fileName: string; sizeBytes: number } | null;
  createdAt: string;
}

export type ReferralBody = Omit<Referral, 'patientId' | 'attachment'>;

export const referralsKey = (patientId: string) => ['patients', patientId, 'referrals'] as const;

const enc = encodeURIComponent;

export function useReferrals(patientId: string) {
  return useQuery({
    queryKey: referralsKey(patientId),
    queryFn: () => api.get<{ items: ReferralView[] }>(`/patients/${enc(patientId)}/referrals`),
  });
}

export const saveReferral = (patientId: string, body: ReferralBody, referralId?: string) =>
  referralId
    ? put<ReferralView>(`/referrals/${enc(referralId)}`, body)
    : api.post<ReferralView>(`/patients/${enc(patientId)}/referrals`, body);

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/tiff'];

/** Base64 of a file's bytes, as the attachment endpoint takes it. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function attachPrescription(referralId: string, file: File) {
  return put<{ sha256: string }>(`/referrals/${enc(referralId)}/attachment`, {
    fileName: file.name,
    mediaType: file.type,
    dataBase64: await fileToBase64(file),
  });
}

export const attachmentUrl = (referralId: string) => `/api/referrals/${enc(referralId)}/attachment`;
