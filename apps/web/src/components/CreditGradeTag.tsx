import { useT } from '@/lib/i18n/use-i18n';
import { Tag } from './public-ui/Tag';

type Grade = 'A' | 'B' | 'C' | 'D';

/** Solid colours with white text, like the licence status tags (above 4.5:1 contrast). */
const COLOUR: Record<Grade, string> = { A: '#1f6b06', B: '#0b5394', C: '#a64300', D: '#a8071a' };

/** An agency's credit grade from its demerit points, as the public register shows it (no Ant Design). */
export function CreditGradeTag({ grade }: { grade: Grade | null | undefined }) {
  const t = useT();
  if (!grade) return null;
  return (
    <Tag color={COLOUR[grade]} data-testid="credit-grade">
      {t.sanctions.creditGrade}: {t.sanctions[`grade_${grade}`]}
    </Tag>
  );
}
