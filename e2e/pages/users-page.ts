import type { Locator, Page } from "@playwright/test";

/** The DPO's users page (/users): the "Create a user" form and the accounts, each with its role and controls. */
export class UsersPage {
  readonly createForm: Locator;
  readonly passwordError: Locator;
  readonly created: Locator;

  constructor(private readonly page: Page) {
    this.createForm = page.getByRole("form", { name: "Create a user" });
    this.passwordError = this.createForm.getByTestId("create-user-password-error");
    this.created = this.createForm.getByTestId("create-user-success");
  }

  /** The users page, searched for `q` when given (e.g. an email). */
  async goto(q?: string) {
    await this.page.goto(q ? `/users?q=${encodeURIComponent(q)}` : "/users");
  }

  /** Fills the create form and submits it; the outcome shows in the form (`created`, or a field's error). */
  async createUser({ email, name, role, password }: { email: string; name: string; role: "dpo" | "engineer" | "auditor"; password: string }) {
    await this.createForm.getByLabel("Email").fill(email);
    await this.createForm.getByLabel("Name").fill(name);
    await this.createForm.getByLabel("Role").selectOption(role);
    await this.createForm.getByLabel("Initial password").fill(password);
    await this.createForm.getByRole("button", { name: "Create user" }).click();
  }

  row(email: string): Locator {
    return this.page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  }

  /** Changes the role of the account `email` from its row; waits for the row to show the new role's label. */
  async changeRole(email: string, role: "dpo" | "engineer" | "auditor") {
    const row = this.row(email);
    await row.getByLabel(`Role of ${email}`).selectOption(role);
    await row.getByRole("button", { name: /^Save role/ }).click();
  }
}
