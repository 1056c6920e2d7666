import { Link } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { VerifyForm } from '@/components/VerifyForm';
import { Alert } from '@/components/public-ui';

export function PublicHomePage() {
  const t = useT();
  useDocumentTitle(t.nav.home);
  const cards = [
    { to: '/agencies', ...t.home.cards.agencies },
    { to: '/complaints/new', ...t.home.cards.complain },
    { to: '/complaints/track', ...t.home.cards.track },
    { to: '/before-you-go', ...t.home.cards.beforeYouGo },
    { to: '/placements/check', ...t.home.cards.checkPlacement },
  ];
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="home-title">
        <h1 id="home-title" className="page-title">
          {t.home.title}
        </h1>
        <p className="page-intro">{t.home.lead}</p>
        <VerifyForm />
      </section>
      <Alert type="warning" role="note" title={t.home.feeWarning} />
      <nav aria-label={t.nav.label} className="card-grid">
        {cards.map((card) => (
          <Link key={card.to} to={card.to} className="link-card">
            <h2>{card.title}</h2>
            <p>{card.text}</p>
          </Link>
        ))}
      </nav>
    </div>
  );
}
