export const TEST_APP_PASSWORD = 'fascia-test-app-role-password';
export const TEST_PASSWORD = 'a long tablet pass phrase';
export const TEST_AUDIT_KEY = 'fascia-test-audit-key-0123456789abcdef';
