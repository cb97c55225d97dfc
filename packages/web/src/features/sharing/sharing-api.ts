import { ApiProblem, api } from '../../api/client.ts';
import { networkProblem, parseProblem } from '../../api/problem.ts';

export interface ShareCreated {
  id: string;
  url: string;
  code: string;
  expiresAt: string;
  /** null when no address was given; otherwise what became of the email. */
  email: 'sent' | 'not_configured' | 'failed' | null;
}

export interface SharePreview {
  clinicName: string;
  expiresAt: string;
}

const enc = encodeURIComponent;

export const createShare = (documentId: string, body: { expiresInDays: number; recipientEmail?: string }) =>
  api.post<ShareCreated>(`/documents/${enc(documentId)}/shares`, body);

export const revokeShare = (shareId: string) => api.delete<void>(`/shares/${enc(shareId)}`);

export const describeShare = (token: string) => api.get<SharePreview>(`/shared/${enc(token)}`);

/**
 * The shared PDF for a physician without an account. The shared client only speaks JSON, so the
 * bytes are fetched here; there is no session, hence no CSRF token to send.
 */
export async function openSharedDocument(token: string, code: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/api/shared/${enc(token)}/open`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/pdf, application/problem+json' },
      credentials: 'omit',
      body: JSON.stringify({ code }),
    });
  } catch {
    throw new ApiProblem(networkProblem());
  }
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new ApiProblem(parseProblem(response.status, body, response.statusText));
  }
  return response.blob();
}

/** A link that can no longer be used, as opposed to a code typed wrong. */
export function isClosedLink(err: unknown): boolean {
  return err instanceof ApiProblem && (err.status === 404 || err.status === 410);
}
