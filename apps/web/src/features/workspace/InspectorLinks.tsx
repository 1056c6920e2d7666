import { Link } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';

/** The inspector's starting points (their pages belong to the inspections workspace). */
export function InspectorLinks() {
  const t = useT();
  const h = t.bureau.home;
  const cards = [
    { to: '/inspector/priorities', title: h.priorities, text: h.prioritiesText },
    { to: '/complaints/assigned', title: h.assignedComplaints, text: h.assignedComplaintsText },
    { to: '/corrective-actions', title: h.correctiveActions, text: h.correctiveActionsText },
    { to: '/registry/agencies', title: h.register, text: h.registerText },
  ];
  return (
    <section className="panel" aria-labelledby="inspector-work">
      <h2 id="inspector-work">{h.yourWork}</h2>
      <div className="card-grid" data-testid="inspector-links">
        {cards.map((card) => (
          <Link key={card.to} to={card.to} className="link-card">
            <h3 className="link-card-title">{card.title}</h3>
            <p>{card.text}</p>
          </Link>
        ))}
      </div>
    </section>
  );
}
