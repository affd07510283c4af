/*
 * The structure tree of a tagged PDF (ISO 32000-1 §14.7, 14.8), written as the document streams.
 *
 * pdfkit has a structure API (doc.struct, markStructureContent), but it keeps every structure element, and in
 * its parent tree a reference for every marked sequence, until the document ends: for a register of 100,000
 * rows of 14 cells, over a million objects held in memory by a writer that otherwise holds one page. So the
 * tree is written here, on pdfkit's own objects (doc.ref) and its StructTreeRoot and page keys: an element is
 * written as soon as it closes and then forgotten (a row when its last cell is drawn, the rows of a table by
 * groups of TBODY_ROWS), and each page's part of the parent tree (which element each of its marked
 * sequences belongs to) is written when the page ends. What stays is one small reference per open element and
 * per page.
 *
 * Everything drawn is either content of an element (BDC with an MCID) or an artifact (BMC): page footers and
 * the header row repeated on a table's next pages are pagination artifacts, rules and fills layout ones.
 */

export type StructType =
  | "Document"
  | "H1"
  | "H2"
  | "H3"
  | "P"
  | "Table"
  | "THead"
  | "TBody"
  | "TR"
  | "TH"
  | "TD"
  | "TOC"
  | "TOCI"
  | "Link"
  | "Reference";

/** What pdfkit's doc.ref returns, as far as the tree needs it. */
interface PdfRef {
  data: Record<string, unknown>;
  end(): void;
}

interface PdfPage {
  dictionary: PdfRef;
  structParentTreeKey: number;
}

interface TaggedDoc {
  page: PdfPage;
  ref(data: unknown): PdfRef;
  addContent(content: string): unknown;
  getStructTreeRoot(): PdfRef;
  getStructParentTree(): { add(key: number, value: unknown): void };
  createStructParentTreeNextKey(): number;
}

/** A marked sequence on a page, an annotation, or a child element. */
type Kid = { page: PdfRef; mcid: number } | { annotation: PdfRef; page: PdfRef } | PdfRef;

/** Rows of a table written together in one TBody element. */
const TBODY_ROWS = 500;

export interface StructAttributes {
  /** TH: which cells the header describes. */
  scope?: "Column" | "Row";
  /** Alternate description (a link's destination). */
  alt?: string;
}

export class StructElement {
  kids: Kid[] = [];
  closed = false;
  constructor(
    readonly type: StructType,
    readonly ref: PdfRef,
    readonly parent: StructElement | null,
    readonly attributes: StructAttributes,
  ) {}
}

export class StructureTree {
  private readonly document: StructElement;
  /** The marked sequences of the current page, by MCID: the element each belongs to. */
  private pageParents: PdfRef[] = [];
  private pageKey: number | null = null;
  private readonly tbodies = new Map<StructElement, { body: StructElement; rows: number }>();

  constructor(private readonly doc: TaggedDoc) {
    const root = doc.getStructTreeRoot();
    const ref = doc.ref({});
    this.document = new StructElement("Document", ref, null, {});
    ref.data.P = root;
    root.data.K = [ref];
  }

  /** Opens an element under `parent` (the document when none). */
  open(type: StructType, parent: StructElement | null = null, attributes: StructAttributes = {}): StructElement {
    const owner = parent ?? this.document;
    const element = new StructElement(type, this.doc.ref({}), owner, attributes);
    owner.kids.push(element.ref);
    return element;
  }

  /** A table row, grouped with its neighbours in a TBody (rows a header row of the table go straight in THead). */
  row(table: StructElement): StructElement {
    let group = this.tbodies.get(table);
    if (!group || group.rows >= TBODY_ROWS) {
      if (group) this.close(group.body);
      group = { body: this.open("TBody", table), rows: 0 };
      this.tbodies.set(table, group);
    }
    group.rows += 1;
    return this.open("TR", group.body);
  }

  /** Draws `draw` as content of `element` (a marked-content sequence with its MCID on the current page). */
  mark(element: StructElement, draw: () => void): void {
    const page = this.doc.page;
    if (this.pageKey === null) this.pageKey = page.structParentTreeKey;
    const mcid = this.pageParents.length;
    this.pageParents.push(element.ref);
    this.doc.addContent(`/${element.type} <</MCID ${mcid}>> BDC`);
    draw();
    this.doc.addContent("EMC");
    element.kids.push({ page: page.dictionary, mcid });
  }

  /** Draws `draw` as an artifact: not part of the text (page furniture, rules, a repeated header). */
  artifact(draw: () => void, type: "Pagination" | "Layout" = "Layout"): void {
    this.doc.addContent(`/Artifact <</Type /${type}>> BDC`);
    draw();
    this.doc.addContent("EMC");
  }

  /** Attaches a link annotation of the current page to `element` (a Link). */
  annotation(element: StructElement, annotation: PdfRef): void {
    const key = this.doc.createStructParentTreeNextKey();
    annotation.data.StructParent = key;
    this.doc.getStructParentTree().add(key, element.ref);
    element.kids.push({ annotation, page: this.doc.page.dictionary });
  }

  /** Writes the element (and closes its open TBody); its kids are forgotten. */
  close(element: StructElement): void {
    if (element.closed) return;
    const group = this.tbodies.get(element);
    if (group) {
      this.close(group.body);
      this.tbodies.delete(element);
    }
    element.closed = true;
    const ref = element.ref;
    // No /Type /StructElem (optional): a register has an element per cell, and every byte of one counts.
    const data: Record<string, unknown> = { S: element.type, P: element.parent?.ref ?? ref.data.P };
    const kids: unknown[] = [];
    let firstPage: PdfRef | null = null;
    for (const kid of element.kids) {
      if ("mcid" in kid) {
        firstPage ??= kid.page;
        kids.push(kid.page === firstPage ? kid.mcid : { Type: "MCR", Pg: kid.page, MCID: kid.mcid });
      } else if ("annotation" in kid) {
        kids.push({ Type: "OBJR", Obj: kid.annotation, Pg: kid.page });
      } else {
        kids.push(kid);
      }
    }
    if (firstPage) data.Pg = firstPage;
    if (kids.length) data.K = kids.length === 1 ? kids[0] : kids;
    if (element.attributes.scope) data.A = { O: "Table", Scope: element.attributes.scope };
    if (element.attributes.alt) data.Alt = new String(element.attributes.alt);
    ref.data = data;
    ref.end();
    // Written: only its number is needed from now on (as a kid of its parent).
    ref.data = {};
    element.kids = [];
  }

  /** Writes the current page's part of the parent tree: call before the page ends. */
  endPage(): void {
    if (this.pageKey === null) return;
    const parents = this.doc.ref(this.pageParents);
    parents.end();
    // Written: the parent tree needs only its number, and the elements need not stay in memory through it.
    parents.data = {};
    this.doc.getStructParentTree().add(this.pageKey, parents);
    this.pageKey = null;
    this.pageParents = [];
  }

  /** Closes the document element: the last call, before the PDF ends. */
  finish(): void {
    this.endPage();
    this.close(this.document);
  }
}
