/** A column of an open dataset, as its data dictionary describes it. */
export interface DatasetColumn {
  /** The column's name in the CSV header and the JSON object's key. */
  name: string;
  type: 'string' | 'integer' | 'date' | 'string[]';
  descriptionZh: string;
  descriptionEn: string;
}

/**
 * A dataset as the lib that owns its tables defines it: the query whose rows are the dataset
 * (what the lib's own public list shows, in a stable order) and what each column means. Other
 * libs stream, count and fingerprint it through this query, never through the tables.
 */
export interface DatasetQuery {
  sql: string;
  columns: readonly DatasetColumn[];
}
