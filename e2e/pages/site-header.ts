import type { Locator, Page } from "@playwright/test";

type HeaderNames = { signIn: string; signOut: string; menu: string };
const names: Record<"en" | "de", HeaderNames> = {
  en: { signIn: "Sign in", signOut: "Sign out", menu: "Menu" },
  de: { signIn: "Anmelden", signOut: "Abmelden", menu: "Menü" },
};

/** The header on every page: navigation, language switch, sign in / sign out. */
export class SiteHeader {
  readonly root: Locator;
  readonly signInLink: Locator;
  readonly signOutButton: Locator;
  private readonly menuButton: Locator;

  constructor(
    readonly page: Page,
    readonly language: "en" | "de" = "en",
  ) {
    this.root = page.getByRole("banner");
    this.signInLink = this.root.getByRole("link", { name: names[language].signIn, exact: true });
    this.signOutButton = this.root.getByRole("button", { name: names[language].signOut, exact: true });
    this.menuButton = this.root.getByRole("button", { name: names[language].menu, exact: true });
  }

  /** On narrow screens the links may sit behind a "Menu" button (CONTRACT.md): open it when there is one. */
  async openMenuIfCollapsed() {
    if (await this.menuButton.isVisible()) {
      if ((await this.menuButton.getAttribute("aria-expanded")) !== "true") await this.menuButton.click();
    }
  }

  async navLink(name: string): Promise<Locator> {
    await this.openMenuIfCollapsed();
    return this.root.getByRole("link", { name, exact: true });
  }

  languageButton(name: "Deutsch" | "English"): Locator {
    return this.root.getByRole("button", { name, exact: true }).or(this.root.getByRole("link", { name, exact: true }));
  }

  async signOut() {
    await this.openMenuIfCollapsed();
    await this.signOutButton.click();
  }
}
