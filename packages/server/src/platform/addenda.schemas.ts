import { z } from 'zod';

/** How an addendum is written and shown, the same for every signed record. */
export const addendumBody = z.object({
  reason: z.string().trim().min(3).max(500),
  body: z.string().trim().min(1).max(10_000),
});

export const addendumView = z.object({
  id: z.uuid(),
  reason: z.string(),
  body: z.string(),
  author: z.string(),
  createdAt: z.string(),
});
