import { describe, expect, it } from 'vitest';
import { tabletContext } from './browser.ts';
import { signInThroughApi } from './clinical-setup.ts';
import { absent, visible } from './expect.ts';

describe('API keys for another system to read the FHIR API', () => {
  it('the owner creates a key shown once, the key reads FHIR, and once revoked it reads nothing', async () => {
    const context = await tabletContext();
    await signInThroughApi(context.request);
    const page = await context.newPage();
    await page.goto('/admin');
    await page.getByRole('link', { name: 'API keys' }).click();
    await visible(page.getByRole('heading', { name: 'API keys' }));

    const name = `Referring clinic EHR ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Create key' }).click();
    await visible(page.getByText('Name the system that will use the key'));
    await page.getByLabel('Key name').fill(name);
    await page.getByRole('button', { name: 'Create key' }).click();
    await visible(page.getByText(`Copy the key for ${name} now`));
    await visible(page.getByText(/only time the key is shown/));
    await visible(page.getByRole('button', { name: 'Copy key' }));
    const key = await page.getByLabel('New API key').inputValue();
    expect(key).toMatch(/^fsk_/);

    // A system without a session reads with the key alone.
    const system = await tabletContext();
    const bearer = { Authorization: `Bearer ${key}` };
    expect((await system.request.get('/fhir/R4/Patient', { headers: bearer })).status()).toBe(200);

    await page.getByRole('button', { name: 'I have stored the key' }).click();
    await absent(page.getByLabel('New API key'));
    const row = page.getByRole('row', { name: new RegExp(name) });
    await visible(row.getByText('Active, read-only'));
    await visible(row.getByText(key.slice(0, 10)));

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke API key' });
    await visible(confirm.getByText(/lose access at once/));
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await visible(row.getByText(/^Revoked/));
    await absent(row.getByRole('button', { name: `Revoke ${name}` }));
    expect((await system.request.get('/fhir/R4/Patient', { headers: bearer })).status()).toBe(401);
    await system.close();
    await context.close();
  });
});
