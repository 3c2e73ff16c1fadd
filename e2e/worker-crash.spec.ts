// A worker that throws is reported, and Reset recovers with a new worker.
import { test, expect, cpuHash } from './fixtures';

test.use({ failOnPageErrors: false });

test('a crashed worker shows the error and Reset starts a new one', async ({ page }) => {
  // The first worker script throws as it loads, as a broken or killed worker would.
  await page.route('**/trainingWorker-*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("worker exploded");' }),
  );
  await page.goto('./' + cpuHash());
  const alert = page.getByTestId('alert');
  await expect(alert).toContainText('Training stopped with an error');
  await expect(alert).toContainText('Press Reset');
  await expect(page.getByTestId('status')).toHaveText('error');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();

  await page.unroute('**/trainingWorker-*.js');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(alert).not.toContainText('Training stopped with an error');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
});
