import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate, useNavigation } from 'react-router';
import { mayOpen } from '@/lib/auth/access';
import { signOut } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';
import { toggleLanguage, useT, useWorkspaceTexts } from '@/lib/i18n/use-i18n';
import type { Messages } from '@/lib/i18n/messages';
import type { SessionState } from '@/lib/auth/session';

interface NavItem {
  to: string;
  label: string;
  /** Active only on this very path (the officers' /complaints is not the public /complaints/new). */
  end?: boolean;
}

function navItems(t: Messages, session: SessionState): NavItem[] {
  const publicItems: NavItem[] = [
    { to: '/verify', label: t.nav.verify },
    { to: '/agencies', label: t.nav.agencies },
    { to: '/complaints/new', label: t.nav.complain },
    { to: '/complaints/track', label: t.nav.track },
    { to: '/before-you-go', label: t.nav.beforeYouGo },
  ];
  // Officers' own pages would crowd a bar that also holds every public page: signed in, they keep the two they use.
  const items = session.status === 'signedIn' ? publicItems.slice(0, 2) : publicItems;
  if (session.status === 'signedIn') {
    if (mayOpen(session.me.role, 'home')) items.push({ to: '/home', label: t.nav.myHome });
    // The workspaces' labels come with their texts' chunk (loaded once signed in).
    const inspector = t.inspector as Messages['inspector'] | undefined;
    // The inspector's working pages (bureau admins reach them from their home's queues).
    if (inspector && session.me.role === 'inspector') {
      items.push({ to: '/inspector/priorities', label: inspector.nav.priorities });
      items.push({ to: '/inspections', label: inspector.nav.inspections });
      items.push({ to: '/corrective-actions', label: inspector.nav.correctiveActions });
      items.push({ to: '/complaints/assigned', label: inspector.nav.assignedComplaints });
    }
    if (inspector && session.me.role === 'agency_user') items.push({ to: '/corrective-actions', label: inspector.nav.correctiveActions });
    if (mayOpen(session.me.role, 'trends')) items.push({ to: '/dashboard/trends', label: t.nav.trends });
    if (mayOpen(session.me.role, 'overview')) items.push({ to: '/dashboard/overview', label: t.nav.overview });
    const w = t.bureau as Messages['bureau'] | undefined;
    if (w && mayOpen(session.me.role, 'myAgency')) items.push({ to: '/my-agency', label: w.nav.myAgency, end: true });
    if (w && mayOpen(session.me.role, 'registry')) items.push({ to: '/registry/agencies', label: w.nav.registry });
    if (w && mayOpen(session.me.role, 'applications')) items.push({ to: '/applications', label: w.nav.applications });
    if (w && mayOpen(session.me.role, 'selfAssessments')) items.push({ to: '/self-assessments', label: w.nav.selfAssessments });
    if (mayOpen(session.me.role, 'complaintsList')) items.push({ to: '/complaints', label: t.nav.complaintsList, end: true });
    if (w && mayOpen(session.me.role, 'myAgency')) items.push({ to: '/my-agency/complaints', label: w.nav.agencyComplaints });
    if (w && mayOpen(session.me.role, 'bureauUsers')) items.push({ to: '/bureau/users', label: w.nav.users });
    const duties = t.duties as Messages['duties'] | undefined;
    if (duties && session.me.role === 'agency_user') items.push({ to: '/annual-reports', label: duties.nav.annualReports, end: true });
    if (duties && session.me.role === 'bureau_admin') items.push({ to: '/annual-reports', label: duties.nav.reviewQueue, end: true });
    if (duties && mayOpen(session.me.role, 'annualReportSummary')) items.push({ to: '/annual-reports/summary', label: duties.nav.summary });
    if (duties && session.me.role === 'bureau_admin') items.push({ to: '/commitment-checks', label: duties.navCommitmentChecks });
    if (mayOpen(session.me.role, 'placements')) items.push({ to: '/placements', label: t.nav.placements, end: true });
    if (mayOpen(session.me.role, 'placementSummary')) items.push({ to: '/placements/summary', label: t.nav.placementSummary });
    const enforcement = t.enforcement as Messages['enforcement'] | undefined;
    if (enforcement && mayOpen(session.me.role, 'cases')) items.push({ to: '/cases', label: enforcement.navCases });
    if (mayOpen(session.me.role, 'audit')) items.push({ to: '/audit', label: t.nav.audit });
    if (mayOpen(session.me.role, 'users')) items.push({ to: '/admin/users', label: t.nav.users });
    if (mayOpen(session.me.role, 'jobs')) items.push({ to: '/admin/jobs', label: t.nav.jobs });
    if (mayOpen(session.me.role, 'calendar')) items.push({ to: '/admin/calendar', label: t.nav.calendar });
    if (mayOpen(session.me.role, 'helpLines')) items.push({ to: '/admin/help-lines', label: t.nav.helpLines });
  }
  return items;
}

export function AppShell() {
  const t = useT();
  const session = useSession();
  useWorkspaceTexts(session.status === 'signedIn');
  const navigation = useNavigation();
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a navigation, a keyboard or screen-reader user starts at the new page, not the old link.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setMenuOpen(false);
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [menuOpen]);

  const items = navItems(t, session);
  const onSignOut = async () => {
    await signOut();
    void navigate('/sign-in?signedOut=1');
  };

  const links = (className: string) => (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} onClick={() => setMenuOpen(false)}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      {navigation.state === 'loading' && <div className="nav-progress" role="progressbar" aria-label={t.common.loading} />}
      <header className="shell-header">
        <div className="shell-header-inner">
          <Link to="/" className="brand" aria-label={`${t.common.appName} · ${t.nav.home}`}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span className="brand-name">{t.common.appName}</span>
          </Link>
          <nav aria-label={t.nav.label} className="nav-wide">
            {links('nav-links')}
          </nav>
          <div className="header-actions">
            <span className="account-wide">{accountControl(t, session, onSignOut)}</span>
            <button type="button" className="native-button text lang-switch" onClick={() => void toggleLanguage()} lang={t.common.languageSwitch === 'English' ? 'en' : 'zh-CN'} aria-label={t.common.languageSwitchLabel}>
              {t.common.languageSwitch}
            </button>
            <button type="button" className="native-button menu-button" onClick={() => setMenuOpen((open) => !open)} aria-expanded={menuOpen} aria-controls="nav-menu">
              {menuOpen ? t.common.close : t.common.menu}
            </button>
          </div>
        </div>
      </header>
      {menuOpen && (
        <div id="nav-menu" className="nav-menu">
          <div className="nav-menu-inner">
            <nav aria-label={t.nav.label}>{links('nav-drawer-links')}</nav>
            <div className="drawer-account">{accountControl(t, session, onSignOut)}</div>
          </div>
        </div>
      )}
      <main id="main" ref={main} tabIndex={-1} className="shell-main">
        <Outlet />
      </main>
      <footer className="shell-footer">
        <p>{t.common.footer}</p>
        {/* The datasets' catalogue (GET /api/public/datasets): titles, file URLs, licence of reuse. */}
        <p>
          <a href="/api/public/datasets">{t.common.openData}</a>
        </p>
        {session.status !== 'signedIn' && <Link to="/sign-in">{t.nav.signIn}</Link>}
      </footer>
      <ScrollRestoration />
    </div>
  );
}

function accountControl(t: Messages, session: SessionState, onSignOut: () => Promise<void>) {
  if (session.status === 'signedIn') {
    return (
      <button type="button" onClick={() => void onSignOut()} className="native-button sign-out">
        {t.nav.signOut} ({session.me.displayName})
      </button>
    );
  }
  return <Link to="/sign-in">{t.nav.signIn}</Link>;
}
