import { expect, type Locator, type Page } from "@playwright/test";
import { signInTexts, type SignInTexts } from "./messages";

/** `/signin` and the form it shares with the "link used or expired" page. */
export class SignInPage {
  readonly email: Locator;
  readonly emailMeLink: Locator;
  readonly passkey: Locator;
  readonly usedOrExpired: Locator;

  constructor(
    readonly page: Page,
    readonly texts: SignInTexts = signInTexts.en,
  ) {
    this.email = page.getByRole("textbox", { name: texts.email, exact: true });
    this.emailMeLink = page.getByRole("button", { name: texts.emailMeLink, exact: true });
    this.passkey = page.getByRole("button", { name: texts.passkey, exact: true });
    this.usedOrExpired = page.getByRole("alert").filter({ hasText: texts.linkUsedOrExpired });
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/signin?${new URLSearchParams({ callbackUrl })}` : "/signin");
  }

  /** Asks for a link and waits for the page that says it was sent. */
  async requestLink(address: string) {
    await this.email.fill(address);
    await this.emailMeLink.click();
    await expect(this.page).toHaveURL(/\/signin\/check-email/);
    await expect(this.page.getByRole("status")).toContainText(address);
  }

  /** The message beside the e-mail field, found the way assistive technology finds it. */
  async emailError(): Promise<Locator> {
    await expect(this.email).toHaveAttribute("aria-invalid", "true");
    const describedBy = await this.email.getAttribute("aria-describedby");
    expect(describedBy, "the Email field names its error with aria-describedby").toBeTruthy();
    const ids = describedBy!.split(/\s+/).map((id) => `[id="${id}"]`);
    return this.page.locator(ids.join(", "));
  }
}

/** The page the e-mailed link opens: only its button signs in. */
export class ConfirmSignInPage {
  readonly signIn: Locator;

  constructor(
    readonly page: Page,
    readonly texts: SignInTexts = signInTexts.en,
  ) {
    this.signIn = page.getByRole("button", { name: texts.signInButton, exact: true });
  }

  async open(link: string) {
    await this.page.goto(link);
  }
}
