import { describe, expect, it } from "vitest";
import { importProblemFr, importProblemMessage } from "./problem-fr";

describe("import problems in French", () => {
  it("words the checks' own sentences in French, keeping the file's names and rows", () => {
    expect(importProblemFr("is required")).toBe("est obligatoire");
    expect(importProblemFr("duplicates the processor of row 7 (same normalised name)")).toBe("fait double emploi avec le sous-traitant de la ligne 7 (même nom normalisé)");
    expect(importProblemFr('no processor is named "Acme Cloud" (in this file or the register)')).toBe(
      "aucun sous-traitant ne s'appelle «\u00a0Acme Cloud\u00a0» (dans ce fichier ou dans le registre)",
    );
    expect(importProblemFr('unknown data categories "user.x", "user.y"')).toBe("catégories de données inconnues\u00a0: «\u00a0user.x\u00a0», «\u00a0user.y\u00a0»");
  });

  it("leaves a sentence it does not know in English, for the page to mark", () => {
    expect(importProblemFr("must be one of: Storage; Remote access")).toBeNull();
    expect(importProblemMessage({ message: "must be one of: Storage; Remote access" }, "fr")).toEqual({ text: "must be one of: Storage; Remote access", lang: "en" });
    expect(importProblemMessage({ message: "is required" }, "fr")).toEqual({ text: "est obligatoire", lang: undefined });
    expect(importProblemMessage({ message: "is required" }, "en")).toEqual({ text: "is required", lang: undefined });
  });
});
