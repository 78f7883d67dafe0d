/**
 * The tabs "Try with sample data" creates (issue 14): one per bundled sample export, named so that nobody mistakes
 * them for their own data and so that "Remove sample data" deletes exactly these names and nothing a user made.
 */
export const SAMPLE_TAB_PREFIX = 'Sample – ';

/** `amazon-all-orders-2026-03-03.txt` → `Sample – amazon-all-orders-2026-03-03`. */
export function sampleTabName(file: string): string {
  return `${SAMPLE_TAB_PREFIX}${file.replace(/\.[^.]+$/, '')}`;
}

/**
 * What the sample data added to the user's editable Products sheet, kept in the document properties so that removal
 * gives back the sheet as it was: the SKU rows the sample build appended, and the owned sheets it created.
 */
export interface SampleRecord {
  productSkusAdded: string[];
  /**
   * Owned sheets that did not exist before the samples: outputs are removed again when no export of the user's
   * remains, editable sheets (Costs, Products, Targets) when they are still empty.
   */
  sheetsCreated: string[];
}

export function parseSampleRecord(text: string | null): SampleRecord | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<SampleRecord>;
    return {
      productSkusAdded: Array.isArray(value.productSkusAdded) ? value.productSkusAdded.map(String) : [],
      sheetsCreated: Array.isArray(value.sheetsCreated) ? value.sheetsCreated.map(String) : [],
    };
  } catch {
    // A record someone edited by hand: removal still deletes the tabs and rebuilds, leaving Products as it is.
    return null;
  }
}
