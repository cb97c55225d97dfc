import { describe, expect, it } from 'vitest';
import { splitLinks } from './outbox-links.ts';

describe('splitLinks', () => {
  it('separates invitation links from the text around them', () => {
    expect(splitLinks('Join here: https://clinic.example/invite/abc123\nThanks')).toEqual([
      { offset: 0, text: 'Join here: ', link: false },
      { offset: 11, text: 'https://clinic.example/invite/abc123', link: true },
      { offset: 47, text: '\nThanks', link: false },
    ]);
  });

  it('returns plain text whole', () => {
    expect(splitLinks('No links')).toEqual([{ offset: 0, text: 'No links', link: false }]);
  });
});
