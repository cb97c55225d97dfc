export const TEST_APP_PASSWORD = 'fascia-test-app-role-password';
export const TEST_PASSWORD = 'a long tablet pass phrase';
export const TEST_AUDIT_KEY = 'fascia-test-audit-key-0123456789abcdef';
/** 32 bytes in base64: seals TOTP secrets in tests (FASCIA_SECRETS_KEY). */
export const TEST_SECRETS_KEY = 'ZmFzY2lhLXRlc3Qtc2VjcmV0cy1rZXktMzItYnl0ZXM=';
