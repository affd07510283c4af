import { useLocale, useTranslations } from "next-intl";
import { categoryName } from "@/components/registers/category-name";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import type { TransferPageQuery } from "@/lib/api/contracts/transfers";
import { countryName, enumOptions } from "@/lib/labels";

/** The register's URL values (lib/api/contracts/transfers.ts): the filters and the column choice, which applying the filters keeps. */
export type TransferFilterValues = TransferPageQuery;

/** The classifications that make a category sensitive (DOMAIN.md §4). */
interface CategoryOption {
  key: string;
  name: string;
  gdprSpecial: boolean;
  ccpaSensitive: boolean;
  piplSensitive: boolean;
  dojCategory: string;
}

function isSensitive(category: CategoryOption): boolean {
  return category.gdprSpecial || category.ccpaSensitive || category.piplSensitive || category.dojCategory !== "none";
}

/**
 * A category's place in the taxonomy, as indentation: the select lists the keys in order, so a child sits under
 * its parent. The key itself is not printed (an option cannot hold code, and keys are snake_case).
 */
function indent(key: string): string {
  return "\u00a0\u00a0".repeat(Math.max(0, key.split(".").length - 2));
}

/** The transfer register's filters: a plain GET form, so that a URL reproduces the view. */
export function TransferFilters({
  values,
  destinations,
  processors,
  categories,
}: {
  values: TransferFilterValues;
  /** Destination countries present in the register. */
  destinations: readonly { country: string; count: number }[];
  processors: readonly { id: string; name: string }[];
  /** Every data category; a parent key also matches its descendants. */
  categories: readonly CategoryOption[];
}) {
  const t = useTranslations("transfers.filters");
  const locale = appLocale(useLocale());
  const { number } = localeFormatters(locale);
  const destinationOptions = [...destinations]
    .map((row) => ({ code: row.country, name: countryName(row.country, locale), count: row.count }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  if (values.destination && !destinationOptions.some((option) => option.code === values.destination)) {
    destinationOptions.unshift({ code: values.destination, name: countryName(values.destination, locale), count: 0 });
  }
  const processorOptions = [...processors];
  if (values.processorId && !processorOptions.some((option) => option.id === values.processorId)) {
    processorOptions.unshift({ id: values.processorId, name: t("selectedProcessor") });
  }

  return (
    <FilterForm action="/transfers" label={t("label")} values={values}>
      {values.cols && <input type="hidden" name="cols" value={values.cols} />}
      <SearchFilter id="transfer-q" label={t("q")} value={values.q} placeholder={t("qPlaceholder")} className="w-52" />
      <SelectFilter
        id="transfer-processor"
        name="processorId"
        label={t("processor")}
        value={values.processorId}
        options={processorOptions.map((option) => ({ value: option.id, label: option.name }))}
        className="max-w-56"
      />
      <SelectFilter
        id="transfer-destination"
        name="destination"
        label={t("destination")}
        value={values.destination}
        options={destinationOptions.map((option) => ({ value: option.code, label: t("destinationOption", { country: option.name, count: number(option.count) }) }))}
        className="max-w-56"
      />
      <SelectFilter
        id="transfer-category"
        name="category"
        label={t("category")}
        value={values.category}
        options={categories.map((category) => {
          const name = `${indent(category.key)}${categoryName(category, locale)}`;
          return { value: category.key, label: isSensitive(category) ? t("categorySensitive", { name }) : name };
        })}
        className="max-w-64"
      />
      <SelectFilter
        id="transfer-sensitive"
        name="sensitive"
        label={t("sensitive")}
        value={values.sensitive}
        options={[{ value: "1", label: t("sensitiveOption") }]}
      />
      <SelectFilter id="transfer-severity" name="severity" label={t("severity")} value={values.severity} options={enumOptions("severity", locale)} />
      <SelectFilter id="transfer-mechanism" name="mechanism" label={t("mechanism")} value={values.mechanism} options={enumOptions("transferMechanism", locale)} />
      <SelectFilter
        id="transfer-encryption"
        name="encryption"
        label={t("encryption")}
        value={values.encryption}
        options={[
          { value: "none", label: t("encryptionNone") },
          { value: "any", label: t("encryptionAny") },
        ]}
      />
      <SelectFilter id="transfer-status" name="status" label={t("status")} value={values.status} options={enumOptions("transferStatus", locale)} />
    </FilterForm>
  );
}
