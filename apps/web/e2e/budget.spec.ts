import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repositoryRoot } from './support/environment';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const BUDGET_BYTES = 250 * 1024;
/** The public pages' modules (route-level chunks); the officers' pages are not part of a worker's load. */
const PUBLIC_PAGES: Record<string, string> = {
  '/': 'src/features/home/PublicHomePage.tsx',
  '/verify': 'src/features/public-verify/VerifyPage.tsx',
  '/agencies': 'src/features/public-register/RegisterPage.tsx',
  '/complaints/new': 'src/features/complaints/NewComplaintPage.tsx',
  '/complaints/track': 'src/features/complaints/TrackComplaintPage.tsx',
  '/before-you-go': 'src/features/before-you-go/BeforeYouGoPage.tsx',
};
const OFFICER_PAGES = [
  'src/features/workspace/RoleHomePage.tsx',
  'src/features/help-lines-admin/HelpLinesAdminPage.tsx',
  'src/features/dashboard/TrendsPage.tsx',
  'src/features/dashboard/OverviewPage.tsx',
  'src/features/complaints-list/ComplaintsListPage.tsx',
  'src/features/audit/AuditPage.tsx',
  'src/features/system-admin/UsersAdminPage.tsx',
  'src/features/system-admin/JobsAdminPage.tsx',
  'src/features/system-admin/CalendarAdminPage.tsx',
  'src/features/inspections/PrioritiesPage.tsx',
  'src/features/inspections/InspectionsListPage.tsx',
  'src/features/inspections/InspectionPage.tsx',
  'src/features/inspections/CorrectiveActionsPage.tsx',
  'src/features/complaint-handling/AssignedComplaintsPage.tsx',
  'src/features/complaint-handling/ComplaintDetailPage.tsx',
  'src/features/applications/ApplicationsListPage.tsx',
  'src/features/applications/ApplicationPage.tsx',
  'src/features/self-assessments/SelfAssessmentsListPage.tsx',
  'src/features/self-assessments/SelfAssessmentPage.tsx',
  'src/features/registry/AgenciesRegisterPage.tsx',
  'src/features/registry/AgencyPage.tsx',
  'src/features/registry/LicencePage.tsx',
  'src/features/bureau-users/BureauUsersPage.tsx',
  'src/features/my-agency/MyAgencyPage.tsx',
  'src/features/my-agency/MyAgencyComplaintsPage.tsx',
  'src/features/workspace/NotificationsPage.tsx',
  // The workspaces' texts are a chunk of their own, never in a worker's first load.
  'src/lib/i18n/workspace.zh.ts',
  'src/lib/i18n/workspace.en.ts',
];

test('the public pages first load at most 250 KB of JavaScript gzipped (from the Vite manifest)', async () => {
  const testInfo = test.info();
  const dist = join(repositoryRoot(), 'dist/web');
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  expect(entryKey).toBeDefined();

  /** A chunk and everything it imports statically: what the browser must fetch before the page runs. */
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
    return seen;
  };
  const gzipped = (keys: Set<string>) => [...keys].reduce((sum, key) => sum + gzipSync(readFileSync(join(dist, manifest[key]!.file)), { level: 9 }).length, 0);

  const sizes: Record<string, number> = {};
  for (const [path, source] of Object.entries(PUBLIC_PAGES)) {
    expect(manifest[source], `${source} is its own chunk`).toBeDefined();
    const keys = closure(entryKey!, new Set());
    closure(source, keys);
    sizes[path] = gzipped(keys);
  }
  const shell = gzipped(closure(entryKey!, new Set()));
  const report = { budgetBytes: BUDGET_BYTES, shellBytes: shell, firstLoadBytes: sizes };
  await testInfo.attach('bundle-sizes.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
  console.log(`JS gzipped: shell ${(shell / 1024).toFixed(1)} KB; first load per public page (KB):`, Object.fromEntries(Object.entries(sizes).map(([p, b]) => [p, +(b / 1024).toFixed(1)])));
  for (const [path, bytes] of Object.entries(sizes)) expect(bytes, `first load of ${path}`).toBeLessThanOrEqual(BUDGET_BYTES);

  // The officers' pages load on demand: the shell does not pull them in.
  const shellFiles = [...closure(entryKey!, new Set())];
  for (const officer of OFFICER_PAGES) expect(shellFiles, `${officer} stays out of the shell`).not.toContain(officer);
});
