import { describe, expect, it } from 'vitest';
import { tabletContext } from './browser.ts';
import { signInThroughApi } from './clinical-setup.ts';
import { visible } from './expect.ts';

describe('the clinic extends its home-care library', () => {
  it('the owner adds an item, which the library lists as the clinic’s own', async () => {
    const context = await tabletContext();
    const api = await signInThroughApi(context.request);
    const page = await context.newPage();
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Home-care library' }).click();
    await visible(page.getByRole('heading', { name: 'Home-care library' }));

    const label = `Side-lying breathing ${Date.now().toString(36)}`;
    await page.getByLabel('Item name').fill(label);
    await page.getByLabel('Kind').selectOption('breathing');
    await page
      .getByLabel('Instructions for the patient')
      .fill('Lie on your left side and breathe slowly into the lower ribs.');
    await page.getByLabel('Times per day').fill('2');
    await page.getByRole('button', { name: 'Add to library' }).click();
    const row = page.getByRole('row', { name: new RegExp(label) });
    await visible(row);
    await visible(row.getByText('Clinic'));

    const library = (await api.ok('GET', '/home-care')) as unknown as {
      items: Array<{ label: string; builtIn: boolean }>;
    };
    expect(library.items.find((i) => i.label === label)).toMatchObject({ builtIn: false });
    await context.close();
  });
});
