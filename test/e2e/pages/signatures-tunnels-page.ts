import type { Locator, Page } from '@playwright/test';

/** Signatures (badges, the Signature tab, the Verification settings) and the Public URL panel. */
export class SignaturesTunnelsPage {
  readonly rows: Locator;
  readonly detail: Locator;
  readonly signatureView: Locator;
  readonly settingsDialog: Locator;
  readonly verification: Locator;
  readonly publicUrlDialog: Locator;
  readonly statusPublicUrl: Locator;
  readonly inboxPublicUrl: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('capture-row');
    this.detail = page.getByTestId('capture-detail');
    this.signatureView = page.getByTestId('signature-view');
    this.settingsDialog = page.getByTestId('inbox-settings-dialog');
    this.verification = page.getByTestId('verification-section');
    this.publicUrlDialog = page.getByTestId('public-url-dialog');
    this.statusPublicUrl = page.getByTestId('public-url');
    this.inboxPublicUrl = page.getByTestId('inbox-public-url');
  }

  /** The list row whose text contains `text`. */
  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async showSignatureTab(): Promise<void> {
    await this.detail.getByRole('tab', { name: /^Signature/ }).click();
  }

  /** Sets the inbox's verification in the open settings dialog. */
  async setVerification(scheme: string, secret: string): Promise<void> {
    await this.verification.getByLabel('Scheme').selectOption(scheme);
    await this.verification.getByLabel('Signing secret').fill(secret);
    await this.verification.getByRole('button', { name: 'Set verification' }).click();
  }

  async openPublicUrlPanel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Public URL…' }).click();
  }

  card(kind: 'cloudflared' | 'ngrok' | 'relay' | 'custom'): Locator {
    return this.publicUrlDialog.getByTestId(`tunnel-card-${kind}`);
  }
}
