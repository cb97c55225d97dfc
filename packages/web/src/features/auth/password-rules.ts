/**
 * How the password rule reads to the person choosing one (NIST SP 800-63B rev. 4). The server
 * decides; this only tells them before they try.
 */
const REFUSED =
  'Common passwords, repeats and sequences (“aaaa…”, “1234…”, “qwerty…”) and your name, email or clinic’s name are refused.';

export function passwordHint(twoFactorOn: boolean): string {
  return twoFactorOn
    ? `At least 8 characters, up to 128. A few unrelated words make a strong, memorable password. ${REFUSED}`
    : `At least 15 characters (8 once two-factor is on), up to 128. A few unrelated words make a strong, memorable password. ${REFUSED}`;
}

export function confirmMatches(field: string) {
  return (value: string, values: Record<string, unknown>) =>
    value === values[field] ? null : 'The two passwords do not match';
}
