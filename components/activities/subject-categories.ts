/*
 * The kinds of people the register usually names (DOMAIN.md §2). An activity stores its categories as the
 * organisation words them, so a stored value stays as it is; these common ones, stored in English, are shown
 * in the reader's language (activities.subjects.<id>), and any other is shown as recorded.
 */
export const COMMON_SUBJECT_CATEGORIES = [
  { id: "appUsers", value: "App users (account holders)" },
  { id: "children", value: "Children" },
  { id: "bystanders", value: "Bystanders caught on camera" },
  { id: "customers", value: "Customers" },
  { id: "employees", value: "Employees" },
  { id: "euResidents", value: "EU residents" },
  { id: "ukResidents", value: "UK residents" },
  { id: "californiaResidents", value: "California residents" },
  { id: "mainlandChinaResidents", value: "Mainland China residents" },
] as const;

type SubjectId = (typeof COMMON_SUBJECT_CATEGORIES)[number]["id"];

const ID_OF: ReadonlyMap<string, SubjectId> = new Map(COMMON_SUBJECT_CATEGORIES.map((subject) => [subject.value, subject.id]));

/** A stored category of data subjects in the reader's language: `translate(id)` names the common ones (activities.subjects). */
export function subjectCategoryLabel(value: string, translate: (id: SubjectId) => string): string {
  const id = ID_OF.get(value);
  return id ? translate(id) : value;
}
