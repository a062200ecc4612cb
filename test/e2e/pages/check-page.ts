import type { Locator, Page } from '@playwright/test';
import { InboxPage } from './inbox-page';

/** Checking against the documentation: the list badge, the Check tab, the Check filter and the Drift view. */
export class CheckPage extends InboxPage {
  readonly checkView: Locator;
  readonly findings: Locator;
  readonly shapeNodes: Locator;
  readonly driftView: Locator;
  readonly driftFields: Locator;

  constructor(page: Page) {
    super(page);
    this.checkView = page.getByTestId('check-view');
    this.findings = page.getByTestId('check-finding');
    this.shapeNodes = page.getByTestId('shape-node');
    this.driftView = page.getByTestId('drift-view');
    this.driftFields = page.getByTestId('drift-field');
  }

  /** The check badge of a row. */
  badge(row: Locator): Locator {
    return row.getByTestId('check-badge');
  }

  async openCheckTab(): Promise<void> {
    await this.page
      .getByRole('tablist', { name: 'Capture detail' })
      .getByRole('tab', { name: /^Check/ })
      .click();
  }

  async filterCheck(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Check' }).selectOption({ label });
  }

  /** Goes to Events → Drift. */
  async openDrift(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: /^Events/ })
      .click();
    await this.page
      .getByRole('group', { name: 'Events view' })
      .getByRole('button', { name: 'Drift' })
      .click();
    await this.driftView.waitFor();
  }
}
