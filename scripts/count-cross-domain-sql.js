#!/usr/bin/env node
/**
 * Each domain owns its tables: another lib reads them through the owner's exports (queries,
 * repository methods, named SQL fragments), never with SQL text of its own. This lists the
 * (lib, table) pairs where a lib's SQL text (raw SQL, query-builder strings) names a table that
 * another lib owns. `scripts/count-cross-domain-sql.spec.ts` holds the allowed pairs and their
 * reasons; `--json` prints the pairs with the files they occur in.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const libsDir = path.join(root, 'libs');

/** table -> the lib that owns it (creates it in a migration and holds its entity). */
const OWNER = {
  agencies: 'agencies',
  annual_reports: 'annual-reports',
  audit_events: 'audit',
  users: 'auth',
  refresh_tokens: 'auth',
  password_resets: 'auth',
  login_throttle: 'auth',
  working_calendar_years: 'calendar',
  checklist_templates: 'checklists',
  checklist_items: 'checklists',
  commitment_checks: 'commitment-checks',
  complaints: 'complaints',
  complaint_events: 'complaints',
  complaint_categories: 'complaints',
  complaint_daily_counts: 'complaints',
  complaint_monthly_counts: 'complaints',
  enforcement_cases: 'enforcement',
  case_documents: 'enforcement',
  case_events: 'enforcement',
  case_grounds: 'enforcement',
  case_licences: 'enforcement',
  case_number_counters: 'enforcement',
  case_number_prefixes: 'enforcement',
  demerit_rules: 'enforcement',
  demerit_points: 'enforcement',
  fine_thresholds: 'enforcement',
  agency_credit_grades: 'enforcement',
  inspections: 'inspections',
  inspection_findings: 'inspections',
  inspection_addenda: 'inspections',
  corrective_actions: 'inspections',
  jurisdictions: 'jurisdictions',
  bureaus: 'jurisdictions',
  licences: 'licensing',
  licence_applications: 'licensing',
  licence_events: 'licensing',
  licence_number_sequences: 'licensing',
  licence_reminders: 'licensing',
  notifications: 'notifications',
  country_notes: 'reference-data',
  help_lines: 'reference-data',
  reserve_fund_accounts: 'reserve-funds',
  reserve_fund_entries: 'reserve-funds',
  reserve_fund_top_ups: 'reserve-funds',
  reserve_fund_verifications: 'reserve-funds',
  job_runs: 'scheduler',
  scheduler_heartbeats: 'scheduler',
  self_assessments: 'self-assessments',
  self_assessment_answers: 'self-assessments',
};

const TABLES = Object.keys(OWNER).join('|');
// SQL keywords before a table name, and the query builder's string targets.
const IN_SQL = new RegExp(`\\b(?:FROM|JOIN|UPDATE|INTO|TABLE|EXISTS\\s*\\(\\s*SELECT\\s+1\\s+FROM)\\s+"?(${TABLES})"?(?![\\w.])`, 'gi');
const IN_BUILDER = new RegExp(`(?:\\.(?:from|(?:inner|left)?[Jj]oin(?:AndSelect|AndMapOne|AndMapMany)?|update|into)|\\bjoinColumns(?:<[^>]*>)?)\\(\\s*['"\`](${TABLES})['"\`]`, 'g');

function sourcesOf(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourcesOf(full));
    else if (/\.ts$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name)) files.push(full);
  }
  return files;
}

/** Code without comments, so a comment that names a table does not count. */
function codeOf(file) {
  return fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Sorted pairs `{ lib, table, owner, files }` where lib's SQL names a table of another lib. */
function crossDomainPairs() {
  const pairs = new Map();
  const libs = fs.readdirSync(libsDir).filter((name) => fs.existsSync(path.join(libsDir, name, 'src')));
  for (const lib of libs) {
    for (const file of sourcesOf(path.join(libsDir, lib, 'src'))) {
      const code = codeOf(file);
      for (const pattern of [IN_SQL, IN_BUILDER]) {
        for (const match of code.matchAll(pattern)) {
          const table = match[1].toLowerCase();
          const owner = OWNER[table];
          if (owner === lib) continue;
          const key = `${lib} ${table}`;
          if (!pairs.has(key)) pairs.set(key, { lib, table, owner, files: new Set() });
          pairs.get(key).files.add(path.relative(root, file));
        }
      }
    }
  }
  return [...pairs.values()]
    .map((pair) => ({ ...pair, files: [...pair.files].sort() }))
    .sort((a, b) => a.lib.localeCompare(b.lib) || a.table.localeCompare(b.table));
}

module.exports = { OWNER, crossDomainPairs };

if (require.main === module) {
  const pairs = crossDomainPairs();
  if (process.argv.includes('--json')) console.log(JSON.stringify(pairs, null, 2));
  else {
    for (const pair of pairs) console.log(`${pair.lib} -> ${pair.table} (${pair.owner})  ${pair.files.join(' ')}`);
    console.log(`${pairs.length} cross-domain (lib, table) pairs`);
  }
}
