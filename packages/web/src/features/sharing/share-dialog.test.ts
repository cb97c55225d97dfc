import { describe, expect, it } from 'vitest';
import { emailOutcome } from './share-dialog.tsx';

// Issue 13, item 18: the dialog said "The link was emailed" when no mail server was configured.
describe('what the share dialog says about the email', () => {
  it('says emailed only when the mail server took it', () => {
    expect(emailOutcome({ email: 'sent', emailedTo: 'dr@clinic.example' })).toContain(
      'emailed to dr@clinic.example',
    );
    expect(emailOutcome({ email: 'not_configured', emailedTo: 'dr@clinic.example' })).toMatch(
      /^Nothing was emailed/,
    );
    expect(emailOutcome({ email: 'failed', emailedTo: 'dr@clinic.example' })).toContain('could not be sent');
    expect(emailOutcome({ email: null })).toBe('Give the physician this link. ');
  });
});
