export const TEST_APP_PASSWORD = 'fascia-test-app-role-password';
export const TEST_PASSWORD = 'a long tablet pass phrase';
