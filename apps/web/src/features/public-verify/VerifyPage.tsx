import { useParams } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { ProblemMessage } from '@/components/public-ui';
import { VerifyForm, normaliseNumber } from '@/components/VerifyForm';
import { useVerification } from './use-verification';
import { VerificationAnswer } from './VerificationAnswer';
import { UnknownNumber } from './UnknownNumber';
import { Loading } from '@/components/Loading';

/** `/verify` asks for a number; `/verify/:number` (a certificate's QR code) answers at once. */
export function VerifyPage() {
  const t = useT();
  const params = useParams();
  const number = params.number ? normaliseNumber(params.number) : undefined;
  const verification = useVerification(number);

  return (
    <div className="stack">
      <PageHeading title={t.verify.title} />
      {number && verification.isPending && (
        <Loading />
      )}
      {number && verification.data && <VerificationAnswer answer={verification.data} />}
      {number && isProblem(verification.error, 404) && <UnknownNumber number={number} />}
      {number && verification.error && !isProblem(verification.error, 404) && (
        <ProblemMessage error={verification.error} onRetry={() => void verification.refetch()} />
      )}
      <section className="panel no-print" aria-label={number ? t.verify.verifyAnother : t.verify.title}>
        {number && <h2>{t.verify.verifyAnother}</h2>}
        <VerifyForm key={number ?? ''} initial={number && !verification.data ? number : ''} autoFocus={!number} />
      </section>
    </div>
  );
}
