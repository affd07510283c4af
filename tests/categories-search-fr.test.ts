import { describe, expect, it } from "vitest";
import { listCategoryRegister, listDataCategories } from "@/db/queries/categories-register";
import { categoryKeysNamedInFrench, listDataCategoryRegister } from "@/lib/categories/register";
import { describeOnDatabases } from "./databases";

/*
 * Issue 16: a French reader searches the data-category register in French. The database holds the taxonomy's
 * English names; the French ones (lib/taxonomy/names-fr.ts) are matched in the code and their keys handed to
 * the query. The English search is unchanged.
 */

describe("the keys whose French name matches", () => {
  it("finds a name by any part of it, whatever the case and the accents", () => {
    expect(categoryKeysNamedInFrench("Adresse électronique")).toEqual(["user.contact.email"]);
    expect(categoryKeysNamedInFrench("ADRESSE ELECTRONIQUE")).toEqual(["user.contact.email"]);
    expect(categoryKeysNamedInFrench("coordonnees")).toContain("user.contact");
    expect(categoryKeysNamedInFrench("données de l’utilisateur")).toContain("user");
  });

  it("finds nothing for text no French name holds, or no text", () => {
    expect(categoryKeysNamedInFrench("Email address")).toEqual([]);
    expect(categoryKeysNamedInFrench("   ")).toEqual([]);
  });
});

describeOnDatabases("the data-category register's search in French", (use) => {
  it("finds a category by its French name, with the English name as stored", async () => {
    const { rows, total } = await listDataCategoryRegister({ db: use().db, q: "électronique" });
    expect(rows.map((row) => row.key)).toEqual(["user.contact.email"]);
    expect(rows[0]!.name).toBe("Email address");
    expect(total).toBe(1);
  });

  it("still finds it by its English name, its key or its description", async () => {
    const { db } = use();
    expect((await listDataCategoryRegister({ db, q: "email address" })).rows.map((row) => row.key)).toContain("user.contact.email");
    expect((await listDataCategoryRegister({ db, q: "user.contact.email" })).rows.map((row) => row.key)).toEqual(["user.contact.email"]);
  });

  it("combines the French match with the other filters and the pager", async () => {
    const { db } = use();
    // « Coordonnées » names user.contact, which no regime counts as sensitive.
    const plain = await listDataCategoryRegister({ db, q: "coordonnées", sensitive: false, page: 1, pageSize: 5 });
    expect(plain.rows.map((row) => row.key)).toContain("user.contact");
    expect(plain.pageSize).toBe(5);
    const sensitiveOnly = await listDataCategoryRegister({ db, q: "coordonnées", sensitive: true });
    expect(sensitiveOnly.rows.map((row) => row.key)).not.toContain("user.contact");
  });

  it("finds nothing when neither language matches", async () => {
    expect(await listDataCategoryRegister({ db: use().db, q: "zzz-introuvable" })).toMatchObject({ rows: [], total: 0 });
  });

  it("the query matches the keys it is given only with a search, and only those", async () => {
    const { db } = use();
    const withKeys = await listCategoryRegister({ db, q: "not-a-word", searchKeys: ["user.name"] });
    expect(withKeys.rows.map((row) => row.key)).toEqual(["user.name"]);
    expect((await listCategoryRegister({ db, q: "not-a-word" })).total).toBe(0);
    expect((await listDataCategories({ db, q: "not-a-word", searchKeys: ["user.name", "user.contact.email"] })).map((row) => row.key)).toEqual(["user.contact.email", "user.name"]);
  });
});
